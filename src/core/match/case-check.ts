// Case rules for hits that depend on how the original was written: acronyms only in capitals (IS, EI,
// HTS) and not inside an all-capitals run, short aliases only with the case they have in the data
// ("Ain" is not "ain"). Pure. The hit checks read the original text by range (no slice per hit).

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Case of a code point, as isUpper/isLower decide it: cased letters are UPPER or LOWER. */
const NONE = 1;
const UPPER = 2;
const LOWER = 3;

/** Per BMP unit: 0 not computed yet, else NONE/UPPER/LOWER (filled lazily, one entry per distinct unit). */
const BMP_CASE = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c += 1) BMP_CASE[c] = c >= 65 && c <= 90 ? UPPER : c >= 97 && c <= 122 ? LOWER : NONE;

function caseOfString(ch: string): number {
  return isUpper(ch) ? UPPER : isLower(ch) ? LOWER : NONE;
}

function caseOfCodePoint(cp: number): number {
  if (cp >= 0x10000) return caseOfString(String.fromCodePoint(cp));
  let k = BMP_CASE[cp]!;
  if (k === 0) BMP_CASE[cp] = k = caseOfString(String.fromCharCode(cp));
  return k;
}

/**
 * Code point at i of text[..end) as `for (const ch of text.slice(start, end))` sees it: a surrogate pair
 * cut by `end` is a lone unit. Its width (1 or 2 units) is left in `width`.
 */
let width = 1;
function codePointIn(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  width = 1;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) { width = 2; return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000; }
  }
  return c;
}

/** True when no cased letter of text[start..end) is lower case (scripts without case always pass). */
export function isAllCapitalsAt(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += width) {
    if (caseOfCodePoint(codePointIn(text, i, end)) === LOWER) return false;
  }
  return true;
}

/** True when text[start..end) holds a capital letter, or no cased letter at all (Arabic). */
export function hasUpperAt(text: string, start: number, end: number): boolean {
  let cased = false;
  for (let i = start; i < end; i += width) {
    const k = caseOfCodePoint(codePointIn(text, i, end));
    if (k === UPPER) return true;
    if (k === LOWER) cased = true;
  }
  return !cased;
}

/** Set by nextCased: the case of the letter found and the index just after it. */
let foundCase = NONE;
let after = 0;

/** Finds the next cased letter of s[i..end) (false if none). */
function nextCased(s: string, i: number, end: number): boolean {
  while (i < end) {
    const k = caseOfCodePoint(codePointIn(s, i, end));
    i += width;
    if (k !== NONE) { foundCase = k; after = i; return true; }
  }
  return false;
}

/**
 * Same upper/lower pattern (the sequence of cased letters) as written in the data, or all capitals
 * when the alias starts with one. Walks both strings side by side: no profile string is built.
 */
export function hasWrittenCaseAt(text: string, start: number, end: number, written: string): boolean {
  let w = 0;
  let g = start;
  let first = NONE;
  let same = true;
  let lower = false;
  for (;;) {
    const hasWant = nextCased(written, w, written.length);
    const want = foundCase;
    w = after;
    const hasGot = nextCased(text, g, end);
    const got = foundCase;
    g = after;
    // One side has more cased letters: neither the same pattern nor the all-capitals form of it.
    if (!hasWant || !hasGot) return hasWant === hasGot && (same || (first === UPPER && !lower));
    if (first === NONE) first = want;
    if (got !== want) same = false;
    if (got === LOWER) lower = true;
  }
}

const LATIN_LETTER = /\p{Script=Latin}/u;
const IGNORABLE = /[\p{M}\p{Cf}]/u;

/**
 * True when text[start..end) is a Latin-script word of at least two letters, all capitals ("WARNING",
 * "IN"): the neighbour that makes an acronym next to it ambiguous (an all-capitals headline).
 * Marks and invisible format characters are ignored; a digit or another script makes it false.
 */
export function isCapitalLatinWord(text: string, start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) { letters += 1; continue; }
    if (c < 0x80) return false;
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (ch.length === 2) i += 1;
    if (IGNORABLE.test(ch)) continue;
    if (!LATIN_LETTER.test(ch) || !isUpper(ch)) return false;
    letters += 1;
  }
  return letters >= 2;
}
