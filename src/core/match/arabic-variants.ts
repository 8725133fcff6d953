// Arabic clitic tolerance: the other vocabulary words a fused Arabic token may stand for (والبوكمال ->
// البوكمال / بوكمال, للتحالف -> التحالف). Only proposes words that ARE alias tokens, never invents hits.
import type { TokenVocab } from './token-vocab.js';

const ALEF = 0x627;
const LAM = 0x644;
const WAW = 0x648;
const FA = 0x641;
const BA = 0x628;
const KAF = 0x643;
/** A stripped or re-articled remainder must keep at least this many letters. */
export const MIN_REMAINDER = 3;

const isConjunction = (c: number): boolean => c === WAW || c === FA;
const isPreposition = (c: number): boolean => c === BA || c === LAM || c === KAF;

export function isArabicStart(c: number): boolean {
  return c >= 0x620 && c <= 0x6ff;
}

/** Appends `id` to out[base..base+count) if new and not -1; returns the new count. */
function add(out: Int32Array, base: number, count: number, id: number): number {
  if (id < 0 || count >= 8) return count;
  for (let k = 0; k < count; k += 1) if (out[base + k] === id) return count;
  out[base + count] = id;
  return count + 1;
}

/** The article ال toggled on buf[s..e): removed if present (remainder >= 3), else added. */
function articleToggle(v: TokenVocab, buf: Uint16Array, s: number, e: number, out: Int32Array, base: number, count: number): number {
  if (buf[s] === ALEF && buf[s + 1] === LAM) {
    return e - s - 2 >= MIN_REMAINDER ? add(out, base, count, v.lookup(buf, s + 2, e)) : count;
  }
  return e - s >= MIN_REMAINDER ? add(out, base, count, v.lookup(buf, s, e, ALEF, LAM)) : count;
}

/** Variants valid anywhere in a phrase: the article toggled. */
export function continuationVariants(v: TokenVocab, buf: Uint16Array, s: number, e: number, out: Int32Array, base: number, count: number): number {
  return articleToggle(v, buf, s, e, out, base, count);
}

/** Variants valid only on the first token of a phrase: proclitics و ف then ب ل ك stripped, لل -> ال. */
export function leadingVariants(v: TokenVocab, buf: Uint16Array, s: number, e: number, out: Int32Array, base: number, count: number): number {
  let n = count;
  const starts: number[] = [];
  if (isConjunction(buf[s]!) || isPreposition(buf[s]!)) starts.push(s + 1);
  if (isConjunction(buf[s]!) && isPreposition(buf[s + 1]!)) starts.push(s + 2);
  for (const r of starts) {
    if (e - r < MIN_REMAINDER) continue;
    n = add(out, base, n, v.lookup(buf, r, e));
    n = articleToggle(v, buf, r, e, out, base, n);
  }
  // li + al- is written لل (the alef drops): للتحالف = ل + التحالف.
  for (const r of isConjunction(buf[s]!) ? [s, s + 1] : [s]) {
    if (buf[r] === LAM && buf[r + 1] === LAM && e - r - 2 >= MIN_REMAINDER) {
      n = add(out, base, n, v.lookup(buf, r + 1, e, ALEF));
      n = add(out, base, n, v.lookup(buf, r + 2, e));
    }
  }
  return n;
}
