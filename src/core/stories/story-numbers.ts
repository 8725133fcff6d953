// Counts mentioned in an article ("12 killed", "12 morts", "١٢ قتيلا", "three soldiers"): a strong
// signal across languages. Works on normalised tokens; does not parse dates, sums or ranges.
import { tokenize } from '../match/tokenize.js';

/** Number words 2-12 in the three languages (1 is left out: "one", "un", "une" are mostly not counts). */
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  'اثنان': 2, 'اثنين': 2, 'ثلاثة': 3, 'أربعة': 4, 'خمسة': 5, 'ستة': 6, 'سبعة': 7, 'ثمانية': 8,
  'تسعة': 9, 'عشرة': 10,
};

/** Arabic duals of the nouns casualty reports count with: "قتيلان", "عنصرين" say 2 with no digit. Plural-
 * looking duals (مدنيين is also "civilians") are left out. */
const ARABIC_DUALS = [
  'شخصان', 'شخصين', 'قتيلان', 'قتيلين', 'جريحان', 'جريحين', 'عنصران', 'عنصرين', 'جنديان', 'جنديين',
  'شهيدان', 'شهيدين', 'طفلان', 'طفلين', 'مقاتلان', 'مقاتلين', 'صاروخان', 'صاروخين',
];

/** A number next to one of these is a time, a distance or a date, not a count of people or things. */
const NOT_A_COUNT_WORDS = [
  'hour', 'hours', 'day', 'days', 'week', 'weeks', 'year', 'years', 'km', 'kilometres', 'kilometers', 'miles',
  'metres', 'meters', 'am', 'pm', 'percent',
  'heure', 'heures', 'h', 'jour', 'jours', 'semaine', 'semaines', 'an', 'ans', 'années', 'kilomètres', 'mètres',
  'ساعة', 'ساعات', 'يوم', 'أيام', 'أسبوع', 'عام', 'أعوام', 'سنة', 'سنوات', 'كم', 'كيلومتر', 'كيلومترات', 'متر',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre', 'يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر',
  'أكتوبر', 'نوفمبر', 'ديسمبر', 'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين',
];

/** The lexicons above, passed through the same normalisation as article text. */
function normalisedLexicon(): { words: Map<string, number>; notCount: Set<string> } {
  const words = new Map<string, number>();
  const entries: Array<[string, number]> = [...Object.entries(NUMBER_WORDS), ...ARABIC_DUALS.map((w): [string, number] => [w, 2])];
  for (const [word, value] of entries) {
    for (const t of tokenize(word)) words.set(t.norm, value);
  }
  const notCount = new Set(NOT_A_COUNT_WORDS.flatMap((w) => tokenize(w).map((t) => t.norm)));
  return { words, notCount };
}

let lexicon: ReturnType<typeof normalisedLexicon> | undefined;

/** Arabic-Indic and Persian digits to ASCII, in case the tokenizer left them. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** A number word, also behind one Arabic proclitic the tokenizer may leave attached (وشخصين, بعنصرين). */
function numberWord(norm: string, words: ReadonlyMap<string, number>): number | undefined {
  return words.get(norm) ?? (/^[وفبل]/.test(norm) ? words.get(norm.slice(1)) : undefined);
}

/** Distinct counts in a token stream, in order of first mention (the headline count first): digits and
 * number words, without years, times, distances and dates. */
export function storyNumbers(tokens: ReadonlyArray<{ norm: string }>): number[] {
  lexicon ??= normalisedLexicon();
  const { words, notCount } = lexicon;
  const found = new Set<number>();
  tokens.forEach((t, i) => {
    const norm = asciiDigits(t.norm);
    const value = /^[0-9]{1,6}$/.test(norm) ? Number(norm) : numberWord(norm, words);
    if (value === undefined || value < 2) return;
    if (value >= 1900 && value <= 2100) return;
    const before = tokens[i - 1]?.norm ?? '';
    const after = tokens[i + 1]?.norm ?? '';
    if (notCount.has(before) || notCount.has(after)) return;
    found.add(value);
  });
  return [...found];
}
