// Number words of French, English and Arabic as lookup tables, and the Arabic folding they are looked up
// with. Data only: read-numbers.ts combines them into values.

/** Folds Arabic spelling variants (hamza seats, taa marbuta, alif maqsura, diacritics, tatweel). */
const TO_FOLD = /[\u064b-\u0652\u0670\u0640أإآٱةى]/;

export function foldArabic(word: string): string {
  if (!TO_FOLD.test(word)) return word;
  return word.replace(/[\u064b-\u0652\u0670\u0640]/g, '').replace(/[أإآٱ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
}

const EN: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
};

// "un"/"une" are articles far more often than counts: they count only after "et" ("vingt et un").
const FR: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13,
  quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  'quatre-vingt': 80, 'quatre-vingts': 80, cent: 100, cents: 100, mille: 1000,
};
export const FR_AFTER_ET: ReadonlyMap<string, number> = new Map([['un', 1], ['une', 1]]);

const AR: Record<string, number> = {
  واحد: 1, واحده: 1, احد: 1, احدي: 1, اثنان: 2, اثنين: 2, اثنتان: 2, اثنتين: 2, اثنا: 2, اثني: 2, اثنتا: 2, اثنتي: 2,
  ثلاثه: 3, ثلاث: 3, اربعه: 4, اربع: 4, خمسه: 5, خمس: 5, سته: 6, ست: 6, سبعه: 7, سبع: 7, ثمانيه: 8, ثماني: 8, ثمان: 8,
  تسعه: 9, تسع: 9, عشره: 10, عشر: 10, عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, اربعون: 40, اربعين: 40,
  خمسون: 50, خمسين: 50, ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
  مئه: 100, مائه: 100, مئتان: 200, مئتين: 200, مائتان: 200, مائتين: 200, ثلاثمئه: 300, ثلاثمائه: 300,
  اربعمئه: 400, اربعمائه: 400, خمسمئه: 500, خمسمائه: 500, ستمئه: 600, ستمائه: 600, سبعمئه: 700, سبعمائه: 700,
  ثمانمئه: 800, ثمانمائه: 800, ثمانيمئه: 800, تسعمئه: 900, تسعمائه: 900, الف: 1000, الاف: 1000, الفين: 2000, الفان: 2000,
};

/** Arabic duals that name two people ("قتل عنصران", "سقوط قتيلين"). */
export const DUAL: ReadonlyMap<string, number> = new Map(
  ['قتيلين', 'قتيلان', 'جريحين', 'جريحان', 'عنصرين', 'عنصران', 'جنديين', 'جنديان', 'شخصين', 'شخصان', 'شهيدين', 'شهيدان',
    'طفلين', 'طفلان', 'شابين', 'شابان', 'ضابطين', 'ضابطان', 'رجلين', 'رجلان', 'امراتين', 'امراتان', 'سيدتين', 'سيدتان',
    'طفلتين', 'طفلتان', 'فتاتين', 'فتاتان', 'شقيقين', 'شقيقان',
    // Nouns whose plural ends like their dual ("مدنيين" is civilians or two civilians): the nominative dual only.
    'مدنيان', 'عسكريان', 'مقاتلان', 'مسلحان', 'مسعفان', 'صحفيان']
    .flatMap((w) => [w, `و${w}`, `ب${w}`]).map((w) => [w, 2] as const));

/** Approximate counts of a given size ("une cinquantaine" -> 50); plural or after "des" they are vague. */
export const APPROX: ReadonlyMap<string, number> = new Map(Object.entries({
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50,
  soixantaine: 60, centaine: 100, dozen: 12,
}));

const ALL = new Map<string, number>([...Object.entries(EN), ...Object.entries(FR), ...Object.entries(AR)]);
const ARABIC_WORDS = new Map<string, number>(Object.entries(AR));

/** Value of one (lower-cased, Arabic-folded) word, or undefined. Arabic words may carry و ب ل ف in front. */
export function wordValue(word: string): number | undefined {
  const v = ALL.get(word);
  if (v !== undefined) return v;
  const c = word.charCodeAt(0);
  // و ب ل ف
  if (c === 0x648 || c === 0x628 || c === 0x644 || c === 0x641) return ARABIC_WORDS.get(word.slice(1));
  return undefined;
}

/**
 * Every word that can open a number as read by read-numbers.ts: the tables' words, Arabic ones also with
 * و ب ل ف in front (wordValue), the duals and the approximate sizes.
 */
export const NUMBER_WORDS: readonly string[] = [
  ...ALL.keys(), ...[...ARABIC_WORDS.keys()].flatMap((w) => ['و', 'ب', 'ل', 'ف'].map((p) => p + w)), ...DUAL.keys(), ...APPROX.keys(),
];

/** Multipliers: the words that scale what came before ("trois cents", "ثلاثة آلاف", "ثلاث مئة"). */
export const isScale = (v: number): boolean => v === 100 || v === 1000;
