// Case rules for hits that depend on how the original was written: acronyms only in capitals (IS, EI,
// HTS), short aliases only with the case they have in the data ("Ain" is not "ain"). Pure.

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
