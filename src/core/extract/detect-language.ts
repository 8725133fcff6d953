// Guesses the language of an article among the three vigie matches (ar, fr, en) from its text.
// A declared language (html lang, og:locale) wins when the caller passes it; no I/O, no other languages.

export type DetectedLang = 'ar' | 'fr' | 'en';

const FR_WORDS = new Set([
  'le', 'la', 'les', 'des', 'du', 'un', 'une', 'et', 'est', 'dans', 'pour', 'que', 'qui', 'sur', 'pas',
  'par', 'au', 'aux', 'avec', 'ce', 'cette', 'ont', 'sont', 'été', 'mais', 'ou', 'où', 'leur', 'plus', 'selon',
  'nous', 'vous', 'il', 'elle', 'ils', 'se', 'sa', 'son', 'ses', 'à', 'en', 'ne', 'lors', 'après', 'depuis',
]);
const EN_WORDS = new Set([
  'the', 'of', 'and', 'to', 'in', 'is', 'was', 'for', 'that', 'on', 'with', 'as', 'by', 'at', 'from', 'it',
  'were', 'are', 'this', 'be', 'has', 'have', 'had', 'which', 'an', 'or', 'not', 'but', 'their', 'after',
  'he', 'she', 'they', 'its', 'said', 'who', 'would', 'been', 'will', 'than', 'into', 'about',
]);

/** 'fr-FR' -> 'fr', 'ar_SY' -> 'ar'; undefined for an empty or malformed tag. */
export function normaliseLang(tag: string | undefined): string | undefined {
  const m = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$/.exec(tag ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Code points in a string (a surrogate pair is one): what a `/./gu` match count would give. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n -= 1;
  }
  return n;
}

// Counted by deleting what does not match rather than matching each letter: no array of
// thousands of one-letter strings per article.
function arabicRatio(text: string): number {
  const letters = codePoints(text.replace(/\P{L}+/gu, ''));
  if (letters === 0) return 0;
  const arabic = codePoints(text.replace(/\P{Script=Arabic}+/gu, ''));
  return arabic / letters;
}

/** Declared language first; else Arabic by script share (> 40 % of letters); French vs English by stop-word counts over the first 20k chars. */
export function detectLanguage(text: string, declared?: string): DetectedLang | undefined {
  const lang = normaliseLang(declared);
  if (lang === 'ar' || lang === 'fr' || lang === 'en') return lang;
  if (lang !== undefined) return undefined; // declared as another language: not one vigie matches
  const sample = text.slice(0, 20_000);
  if (arabicRatio(sample) > 0.4) return 'ar';
  let fr = 0;
  let en = 0;
  for (const word of sample.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FR_WORDS.has(word)) fr += 1;
    if (EN_WORDS.has(word)) en += 1;
  }
  if (fr + en < 3) return undefined;
  if (fr > en * 1.2) return 'fr';
  if (en > fr * 1.2) return 'en';
  return undefined;
}
