// The matcher's hot loop: ONE pass over the original text that normalises, cuts word tokens and hashes
// them (FNV-1a) together, through the char-code table of scan-table.ts. No regex, no string per token.
// Cuts exactly the tokens of tokenize() (test/match/scan.test.ts checks it); never allocates per token.
// On the way it notes sentence ends and irregular white space for snippets (sentence-index.ts).
import { SCAN, SCAN_DROP, SCAN_DROP_MARK, SCAN_SEP, SCAN_UNCOMPUTED, computeScan } from './scan-table.js';
import { FOLD_REMOVE, MULTI_BASE, foldAstral, foldUnit, multiFoldAt } from './fold-table.js';
import { WORD_CLASS, isWordCodePoint } from './char-class.js';
import { FNV_OFFSET, FNV_PRIME } from './token-vocab.js';
import { BREAK_KIND, noteBreak, resetSentences, sentences } from './sentence-index.js';
import { copyUnits } from './copy-units.js';

/**
 * Shared scratch of the last cut (not reentrant; matching never awaits). Token k is the normalised
 * units[uStart[k]..uEnd[k]) (tokens back to back, no separators kept), hash[k] its FNV-1a hash, and
 * text.slice(start[k], end[k]) its surface as written, trailing marks included.
 */
export const cut = {
  count: 0,
  units: new Uint16Array(8192),
  uStart: new Int32Array(2048), uEnd: new Int32Array(2048), hash: new Int32Array(2048),
  start: new Int32Array(2048), end: new Int32Array(2048),
};

function ensureUnits(size: number): void {
  if (cut.units.length >= size) return;
  const units = new Uint16Array(Math.max(size, cut.units.length * 2));
  units.set(cut.units);
  cut.units = units;
}

function ensureTokens(size: number): void {
  if (cut.uStart.length >= size) return;
  let n = cut.uStart.length;
  while (n < size) n *= 2;
  const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => { const b = new Int32Array(n); b.set(a); return b; };
  cut.uStart = grow(cut.uStart); cut.uEnd = grow(cut.uEnd); cut.hash = grow(cut.hash);
  cut.start = grow(cut.start); cut.end = grow(cut.end);
}

/** Token state carried between the hot loop and the slow path. */
const st = { n: 0, t: 0, ts: -1, h: 0, os: 0, oe: 0 };

function close(): void {
  if (st.ts < 0) return;
  const t = st.t;
  ensureTokens(t + 1);
  cut.uStart[t] = st.ts; cut.uEnd[t] = st.n; cut.hash[t] = st.h; cut.start[t] = st.os; cut.end[t] = st.oe;
  st.t = t + 1;
  st.ts = -1;
}

function pushUnit(u: number, origin: number, originEnd: number): void {
  if (st.ts < 0) { st.ts = st.n; st.h = FNV_OFFSET; st.os = origin; }
  cut.units[st.n] = u;
  st.n += 1;
  st.h = Math.imul(st.h ^ u, FNV_PRIME);
  st.oe = originEnd;
}

/** Room for the operations of one slow unit (the longest NFKC folding of one character is 18 units). */
export const MAX_SLOW_OPS = 64;

/**
 * Off the hot path: a unit that folds to several units, or a surrogate. Writes what the cut must do
 * into `ops` (a unit >= 0: add it to the current word; -1: end the current word) and returns
 * width | count << 2 (width: text units consumed, 1 or 2). Shared with the WebAssembly scanner.
 */
export function slowOps(text: string, i: number, ops: Int32Array): number {
  const c = text.charCodeAt(i);
  let folded: string;
  let width = 1;
  const lo = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (c >= 0xd800 && c <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
    folded = foldAstral(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
    width = 2;
  } else {
    const v = foldUnit(c);
    folded = v === FOLD_REMOVE ? '' : v >= MULTI_BASE ? multiFoldAt(v - MULTI_BASE) : String.fromCharCode(v);
  }
  let count = 0;
  for (let k = 0; k < folded.length && count < MAX_SLOW_OPS - 1; k += 1) {
    const u = folded.charCodeAt(k);
    const u2 = k + 1 < folded.length ? folded.charCodeAt(k + 1) : 0;
    if (u >= 0xd800 && u <= 0xdbff && u2 >= 0xdc00 && u2 <= 0xdfff) {
      if (isWordCodePoint(((u - 0xd800) << 10) + (u2 - 0xdc00) + 0x10000)) {
        ops[count++] = u;
        ops[count++] = u2;
      } else ops[count++] = -1;
      k += 1;
    } else ops[count++] = (u < 0xd800 || u > 0xdfff ? WORD_CLASS[u] === 1 : false) ? u : -1;
  }
  return width | (count << 2);
}

const slowScratch = new Int32Array(MAX_SLOW_OPS);

/** Applies the slow unit at `i` to the token state; returns units consumed (1|2). */
function slowUnit(text: string, i: number): number {
  const r = slowOps(text, i, slowScratch);
  const width = r & 3;
  const count = r >> 2;
  ensureUnits(st.n + count + text.length - i + 1);
  for (let k = 0; k < count; k += 1) {
    const u = slowScratch[k]!;
    if (u >= 0) pushUnit(u, i, i + width);
    else close();
  }
  return width;
}

/** Normalises and cuts `text` into `cut`; returns the token count. */
export function cutTokens(text: string): number {
  const len = text.length;
  ensureUnits(len + 1);
  ensureTokens((len >> 1) + 2);
  // Locals in the hot loop (registers); `st` only carries them across the rare slow path.
  let units = cut.units;
  let n = 0; let t = 0; let ts = -1; let h = 0; let os = 0; let oe = 0;
  let i = 0;
  resetSentences();
  // The text's UTF-16 units in a typed array: indexing one is several times cheaper than charCodeAt.
  const src = copyUnits(text);
  // Module bindings copied to locals: an imported binding is re-read through its cell on every use.
  const scan = SCAN;
  const offset = FNV_OFFSET | 0; // as int32, so `h` stays a small integer in registers
  const prime = FNV_PRIME;
  let uStart = cut.uStart; let uEnd = cut.uEnd; let hashes = cut.hash; let starts = cut.start; let ends = cut.end;
  const breaks = BREAK_KIND;
  while (i < len) {
    const c = src[i]!;
    let v = scan[c]!;
    if (v >= 0) {
      if (ts < 0) { ts = n; h = offset; os = i; }
      // The tight word loop: most units of a text are letters that fold to one unit.
      for (;;) {
        units[n++] = v;
        h = Math.imul(h ^ v, prime);
        if (++i === len) { v = SCAN_SEP; break; }
        v = scan[src[i]!]!;
        if (v < 0) break;
      }
      oe = i;
      if (v !== SCAN_SEP) continue; // unit i (dropped, slow or new) is handled below
      uStart[t] = ts; uEnd[t] = n; hashes[t] = h; starts[t] = os; ends[t] = oe;
      t += 1;
      ts = -1;
      if (i >= len) break;
      // The separator after a word, inline: usually one plain space before the next word.
      const sep = src[i]!;
      if (sep === 0x20 ? i + 1 < len && breaks[src[i + 1]!] !== 0 : breaks[sep] !== 0) noteBreak(text, i, sep);
      i += 1;
      continue;
    }
    if (v === SCAN_SEP) {
      if (ts >= 0) {
        uStart[t] = ts; uEnd[t] = n; hashes[t] = h; starts[t] = os; ends[t] = oe;
        t += 1;
        ts = -1;
      }
      // Snippet index: skip the common plain space followed by a non-space.
      if (breaks[c] !== 0 && (c !== 0x20 || (i + 1 < len && breaks[src[i + 1]!] !== 0))) noteBreak(text, i, c);
    } else if (v === SCAN_UNCOMPUTED) {
      computeScan(c);
      continue; // look again with the entry filled
    } else if (v === SCAN_DROP_MARK) {
      // A mark right after the word's last unit belongs to its surface (originalEnd in char-class.ts).
      if (ts >= 0 && oe === i) oe = i + 1;
    } else if (v === SCAN_DROP) {
      if (breaks[c] !== 0) noteBreak(text, i, c); // U+FEFF is white space to snippets
    } else {
      if (breaks[c] !== 0) noteBreak(text, i, c);
      st.n = n; st.t = t; st.ts = ts; st.h = h; st.os = os; st.oe = oe;
      i += slowUnit(text, i) - 1;
      n = st.n; t = st.t; ts = st.ts; h = st.h; os = st.os; oe = st.oe;
      // A folding may cut more tokens than (len / 2): keep room for the rest of the text.
      ensureTokens(t + ((len - i) >> 1) + 2);
      units = cut.units;
      uStart = cut.uStart; uEnd = cut.uEnd; hashes = cut.hash; starts = cut.start; ends = cut.end;
    }
    i += 1;
  }
  st.n = n; st.t = t; st.ts = ts; st.h = h; st.os = os; st.oe = oe;
  close();
  cut.count = st.t;
  sentences.text = text;
  return st.t;
}
