// Which normalised UTF-16 units belong to words (Unicode letters, digits and marks). Table-driven so the
// tokenizer never uses regex `\b` (ASCII-only in JS). Owns no text.

/** 1 = word unit, 0 = separator, 2 = surrogate (decide on the whole code point). */
export const WORD_CLASS = new Uint8Array(0x10000);

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
for (let c = 0; c < 0x10000; c += 1) {
  if (c >= 0xd800 && c <= 0xdfff) WORD_CLASS[c] = 2;
  else if (c < 0x80) WORD_CLASS[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  else WORD_CLASS[c] = WORD_RE.test(String.fromCharCode(c)) ? 1 : 0;
}

/** Whether the code point starting at `i` of a UTF-16 sequence is a word character. */
export function isWordAt(get: (i: number) => number, i: number, length: number): boolean {
  const c = get(i);
  const k = WORD_CLASS[c]!;
  if (k !== 2) return k === 1;
  // A low surrogate belongs to the code point that its high surrogate starts.
  if (c > 0xdbff) return i > 0 && get(i - 1) <= 0xdbff && get(i - 1) >= 0xd800 && isWordAt(get, i - 1, length);
  // A high surrogate not followed by a low one is malformed text, never a word.
  if (i + 1 >= length) return false;
  const lo = get(i + 1);
  if (lo < 0xdc00 || lo > 0xdfff) return false;
  return isWordCodePoint(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
}

const astralWord = new Map<number, boolean>();

/** Whether an astral code point (U+10000 and up) is a letter, digit or mark; cached per code point. */
export function isWordCodePoint(cp: number): boolean {
  let w = astralWord.get(cp);
  if (w === undefined) {
    w = WORD_RE.test(String.fromCodePoint(cp));
    astralWord.set(cp, w);
  }
  return w;
}

/** Marks and tatweel that normalisation drops but that belong to the word they follow. */
export function isAttachedMark(c: number): boolean {
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x64b && c <= 0x65f) || c === 0x670
    || (c >= 0x6d6 && c <= 0x6ed) || c === 0x640;
}

/** End (exclusive) in the original of a normalised span ending at `e` (exclusive). */
export function originalEnd(original: string, offsets: Int32Array, e: number): number {
  const o = offsets[e - 1]!;
  const c = original.charCodeAt(o);
  let p = c >= 0xd800 && c <= 0xdbff ? o + 2 : o + 1;
  const limit = offsets[e]!;
  while (p < limit && isAttachedMark(original.charCodeAt(p))) p += 1;
  return p;
}
