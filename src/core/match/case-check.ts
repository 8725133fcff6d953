// Case rules for hits that depend on how the original was written: acronyms only in capitals (IS, EI,
// HTS) and not inside an all-capitals run, short aliases only with the case they have in the data
// ("Ain" is not "ain"). Pure.

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** True when no cased letter of the surface is lower case (scripts without case always pass). */
export function isAllCapitals(surface: string): boolean {
  for (const ch of surface) if (isLower(ch)) return false;
  return true;
}

function caseProfile(s: string): string {
  let p = '';
  for (const ch of s) {
    if (isUpper(ch)) p += 'U';
    else if (isLower(ch)) p += 'l';
  }
  return p;
}

/** Same upper/lower pattern as written in the data, or all capitals when the alias starts with one. */
export function hasWrittenCase(surface: string, written: string): boolean {
  const want = caseProfile(written);
  const got = caseProfile(surface);
  if (got === want) return true;
  return want.startsWith('U') && got.length === want.length && !got.includes('l');
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
