// What each ORIGINAL UTF-16 unit means to the fused scanner: a word unit (its folded code), a separator,
// a dropped character, or "slow" (folds to several units, or a surrogate). Derived from fold-table.ts
// and char-class.ts so the scanner cuts exactly the tokens tokenize() cuts. Filled lazily; no text held.
import { FOLD_REMOVE, MULTI_BASE, foldUnit } from './fold-table.js';
import { WORD_CLASS, isAttachedMark } from './char-class.js';

/** Values >= 0 are word units (the folded char code). */
export const SCAN_SEP = -1;
/** Dropped by normalisation (ZW chars, bidi marks, soft hyphen). */
export const SCAN_DROP = -2;
/** Dropped, but part of the word before it (combining marks, tashkeel, tatweel): extends the surface. */
export const SCAN_DROP_MARK = -3;
/** Multi-unit folding or surrogate: handled char by char off the hot path. */
export const SCAN_SLOW = -4;
export const SCAN_UNCOMPUTED = -5;

export const SCAN = new Int32Array(0x10000).fill(SCAN_UNCOMPUTED);
for (let c = 0; c < 0x80; c += 1) SCAN[c] = computeScan(c);

/** Fills and returns the table entry of unit `c`. */
export function computeScan(c: number): number {
  let v: number;
  if (c >= 0xd800 && c <= 0xdfff) v = SCAN_SLOW;
  else {
    const f = foldUnit(c);
    if (f === FOLD_REMOVE) v = isAttachedMark(c) ? SCAN_DROP_MARK : SCAN_DROP;
    else if (f >= MULTI_BASE || (f >= 0xd800 && f <= 0xdfff)) v = SCAN_SLOW;
    else v = WORD_CLASS[f] === 1 ? f : SCAN_SEP;
  }
  SCAN[c] = v;
  return v;
}
