// Folds a place name to a comparison key, and decides which data strings are usable as aliases.
// Used only by the gazetteer build to detect duplicates and collisions; the matcher has its own normaliser.

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g; // tashkeel, superscript alef, tatweel

/** Case-, diacritic-, apostrophe- and hyphen-insensitive key; Arabic letter variants unified. */
export function aliasKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '') // marks, zero-width and bidi controls
    .toLowerCase()
    .replace(/['‘’ʿʾ`´]/g, '')
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ی/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/[-‐‑–—_.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type Script = 'latin' | 'arabic' | 'other';

/** Which script a data string is in; mixed or other scripts are 'other' and are dropped. */
export function scriptOf(value: string): Script {
  const letters = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}]/gu, '');
  if (letters === '') return 'other';
  if (/^[\p{Script=Latin}]+$/u.test(letters)) return 'latin';
  if (/^[\p{Script=Arabic}]+$/u.test(letters)) return 'arabic';
  return 'other';
}

/**
 * Whether a data string may become an alias: Latin or Arabic script; not a romanised lowercase label
 * ("abw kmal") nor an all-capitals code (airport "DEZ"); Latin ones of 5+ letters, since the short
 * ones in the data are mostly foreign-language forms that are also common words (Tal, Bab, Sam,
 * Kara, Ezra); Arabic ones of 3+ letters; and not stop-listed. Hand-kept aliases skip this check.
 */
export function isUsableAlias(value: string, stop: ReadonlySet<string>): boolean {
  const script = scriptOf(value);
  if (script === 'other') return false;
  if (script === 'latin' && (value === value.toLowerCase() || value === value.toUpperCase())) return false;
  const key = aliasKey(value);
  const letters = key.replace(/\s/g, '').length;
  if (letters < (script === 'latin' ? 5 : 3)) return false;
  return !stop.has(key);
}

/** A lowercase ascii slug for ids: "Ālbū Kamāl" -> "albu-kamal". */
export function slugOf(value: string): string {
  return aliasKey(value).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
