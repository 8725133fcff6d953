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

/**
 * Candidate token ids of one token: ids[base..base+count), with toggled[k] = 1 when the id was reached
 * by adding or removing the article ال (exclusions never match through such a variant). One shared sink.
 */
export interface CandidateSink { ids: Int32Array; toggled: Uint8Array; base: number; count: number }

/** At most this many candidate ids per token. */
export const MAX_CANDIDATES = 8;

/** Adds `id` (if not -1) to the sink; an id already present keeps the weaker (untoggled) route. */
export function addCandidate(out: CandidateSink, id: number, toggled: number): void {
  if (id < 0) return;
  const end = out.base + out.count;
  for (let k = out.base; k < end; k += 1) {
    if (out.ids[k] === id) { out.toggled[k]! &= toggled; return; }
  }
  if (out.count >= MAX_CANDIDATES) return;
  out.ids[end] = id;
  out.toggled[end] = toggled;
  out.count += 1;
}

/** The article ال toggled on buf[s..e): removed if present (remainder >= 3), else added. */
function articleToggle(v: TokenVocab, buf: Uint16Array, s: number, e: number, out: CandidateSink): void {
  if (e - s >= 2 && buf[s] === ALEF && buf[s + 1] === LAM) {
    if (e - s - 2 >= MIN_REMAINDER) addCandidate(out, v.lookup(buf, s + 2, e), 1);
  } else if (e - s >= MIN_REMAINDER) addCandidate(out, v.lookup(buf, s, e, ALEF, LAM), 1);
}

/** Variants valid anywhere in a phrase: the article toggled. */
export function continuationVariants(v: TokenVocab, buf: Uint16Array, s: number, e: number, out: CandidateSink): void {
  articleToggle(v, buf, s, e, out);
}

/** A proclitic stripped: the remainder buf[r..e), as is and with the article toggled. */
function strippedRemainder(v: TokenVocab, buf: Uint16Array, r: number, e: number, out: CandidateSink): void {
  if (e - r < MIN_REMAINDER) return;
  addCandidate(out, v.lookup(buf, r, e), 0);
  articleToggle(v, buf, r, e, out);
}

/** li + al- is written لل (the alef drops): للتحالف = ل + التحالف (and تحالف, article removed). */
function lamLam(v: TokenVocab, buf: Uint16Array, r: number, e: number, out: CandidateSink): void {
  if (buf[r] === LAM && buf[r + 1] === LAM && e - r - 2 >= MIN_REMAINDER) {
    addCandidate(out, v.lookup(buf, r + 1, e, ALEF), 0);
    addCandidate(out, v.lookup(buf, r + 2, e), 1);
  }
}

/** Variants valid only on the first token of a phrase: proclitics و ف then ب ل ك stripped, لل -> ال. */
export function leadingVariants(v: TokenVocab, buf: Uint16Array, s: number, e: number, out: CandidateSink): void {
  const c0 = buf[s]!;
  const c1 = s + 1 < e ? buf[s + 1]! : 0;
  const conj = isConjunction(c0);
  if (conj || isPreposition(c0)) strippedRemainder(v, buf, s + 1, e, out);
  if (conj && isPreposition(c1)) strippedRemainder(v, buf, s + 2, e, out);
  lamLam(v, buf, s, e, out);
  if (conj) lamLam(v, buf, s + 1, e, out);
}
