// The per-character folding table behind normalize(): what each UTF-16 unit becomes (NFKC, lower case,
// Latin diacritics and Arabic marks dropped, letter variants unified). Holds no text and does no I/O.
// Filled lazily, one entry per distinct character, so the hot loop is a typed-array read.

/** Table value meaning "drop this character". */
export const FOLD_REMOVE = -2;
const UNCOMPUTED = -1;
/** Values >= MULTI_BASE index into `multiFold` (the character becomes several characters). */
export const MULTI_BASE = 0x10000;

const table = new Int32Array(0x10000).fill(UNCOMPUTED);
const multiFold: string[] = [];
const astral = new Map<number, string>();

/** Characters decided by hand before NFKC: NFKC would turn U+00B4 into a space plus a mark. */
const BEFORE_NFKC: ReadonlyMap<number, string> = new Map([
  // apostrophes (FR elision is written with any of them): ' ’ ʼ ‘ ´ ` ′ ʻ ＇
  ...[0x27, 0x2019, 0x2bc, 0x2018, 0xb4, 0x60, 0x2032, 0x2bb, 0xff07].map((c) => [c, "'"] as const),
  // hyphens and dashes: - ‐ ‑ ‒ – — ― − ﹣ －
  ...[0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d].map((c) => [c, '-'] as const),
  // invisible characters that split or join words in pasted text: soft hyphen, ZW space/joiners,
  // bidi marks and embeddings, BOM. Tatweel (kashida) only stretches a word.
  ...[0xad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
    0x2066, 0x2067, 0x2068, 0x2069, 0xfeff, 0x640].map((c) => [c, ''] as const),
  // s with cedilla or comma below is "sh" in Kurdish and Turkish romanisation (Qamişlo, Şengal,
  // Tirbespî): folding it to "s" would miss every English and French spelling. French never writes it.
  ...[0x15e, 0x15f, 0x218, 0x219].map((c) => [c, 'sh'] as const),
]);

/** Letters decided after NFKC + lower case: Latin ligatures, Arabic letter variants, digits. */
const AFTER_FOLD: ReadonlyMap<string, string> = new Map([
  ['œ', 'oe'], ['æ', 'ae'], ['ß', 'ss'], ['ø', 'o'], ['đ', 'd'], ['ł', 'l'], ['ı', 'i'], ['ħ', 'h'],
  ['þ', 'th'], ['ð', 'd'], ['ς', 'σ'],
  // Arabic: hamza seats and wasla fold to bare alef; alef maqsura to ya; ta marbuta to ha;
  // hamza on waw/ya folds to the seat letter (ؤ -> و, ئ -> ي), as news sites write both ways.
  ['أ', 'ا'], ['إ', 'ا'], ['آ', 'ا'], ['ٱ', 'ا'], ['ى', 'ي'], ['ة', 'ه'], ['ؤ', 'و'], ['ئ', 'ي'],
  // Persian letters used in Arabic-script names: keheh -> kaf, farsi yeh -> ya, heh goal forms -> ha.
  ['ک', 'ك'], ['ی', 'ي'], ['ۀ', 'ه'], ['ە', 'ه'],
]);

function isArabicMark(c: number): boolean {
  return (c >= 0x64b && c <= 0x65f) || c === 0x670 || (c >= 0x6d6 && c <= 0x6ed);
}

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x660 && c <= 0x669) return String.fromCharCode(c - 0x660 + 48); // Arabic-Indic digits
  if (c >= 0x6f0 && c <= 0x6f9) return String.fromCharCode(c - 0x6f0 + 48); // Persian digits
  if ((c >= 0x300 && c <= 0x36f) || isArabicMark(c) || c === 0x640) return '';
  return AFTER_FOLD.get(ch) ?? BEFORE_NFKC.get(c) ?? ch;
}

/** The folded form of one code point, as a string ('' = dropped). */
export function foldCodePoint(cp: number): string {
  const hand = BEFORE_NFKC.get(cp);
  if (hand !== undefined) return hand;
  // NFD after lower-casing exposes Latin diacritics (and Arabic hamza/madda marks) as separate marks;
  // NFC afterwards recomposes what we keep (Hangul, Indic), so only the listed marks disappear.
  const decomposed = String.fromCodePoint(cp).normalize('NFKC').toLowerCase().normalize('NFD');
  let out = '';
  for (const ch of decomposed) out += foldChar(ch);
  return out.normalize('NFC');
}

function encode(folded: string): number {
  if (folded.length === 0) return FOLD_REMOVE;
  if (folded.length === 1) return folded.charCodeAt(0);
  multiFold.push(folded);
  return MULTI_BASE + multiFold.length - 1;
}

/** Folding of a BMP unit that is not a surrogate: FOLD_REMOVE, one char code, or MULTI_BASE + index. */
export function foldUnit(c: number): number {
  const v = table[c]!;
  if (v !== UNCOMPUTED) return v;
  const computed = encode(foldCodePoint(c));
  table[c] = computed;
  return computed;
}

export function multiFoldAt(index: number): string {
  return multiFold[index]!;
}

/** Folding of an astral code point (emoji, rare CJK, math letters), cached in a Map. */
export function foldAstral(cp: number): string {
  let s = astral.get(cp);
  if (s === undefined) {
    s = foldCodePoint(cp);
    astral.set(cp, s);
  }
  return s;
}
