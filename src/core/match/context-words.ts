// The words around a hit that tell whether an ambiguous name is the watched place or actor: a unit
// word before or after it ("village of X", "X countryside", "بلدة X"), conflict vocabulary in its
// sentence, food/craft/sport vocabulary that points elsewhere (savon d'Alep, Aleppo pepper), and the
// words that make a place part of another name (an outlet "X 24", "X University", a "X-Y road").
// Language data only: small closed lists of the words news uses, checked on folded text.
import { normalize } from './normalize.js';

/** Lower case, no Latin diacritics, Arabic short vowels and tatweel removed: for word tests only. */
export function foldForWords(s: string): string {
  const lower = s.toLowerCase();
  // Most text has no accent or Arabic mark: skip the (costly) decomposition then.
  if (!NEEDS_FOLD.test(lower)) return lower;
  return lower.normalize('NFD').replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '');
}
const NEEDS_FOLD = /[\u00c0-\u024f\u1e00-\u1eff\u064b-\u065f\u0670\u0640]/;

const UNIT_BEFORE_LATIN = [
  'village', 'villages', 'town', 'towns', 'city', 'neighbourhood', 'neighborhood', 'district', 'subdistrict', 'province',
  'governorate', 'camp', 'prison', 'area', 'region', 'countryside of', 'outskirts of', 'suburb', 'suburbs', 'locality',
  'ville', 'villes', 'bourg', 'bourgade', 'localite', 'quartier', 'quartiers', 'region', 'zone', 'camp', 'prison',
  'gouvernorat', 'province', 'campagne', 'banlieue', 'environs', 'peripherie', 'secteur', 'localites',
  // The desert or plain around a place is named after it like its countryside ("désert de X", "بادية X").
  'desert of', 'desert de', "desert d'", 'plaine de', "plaine d'",
];
// "village of", "ville de", "region d'": the unit word, then an optional of/de/d'/du/des/the/al.
const UNIT_BEFORE_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${UNIT_BEFORE_LATIN.join('|')})(?:\\s+(?:of|de|du|des|la|le|the))?(?:\\s+(?:the|la|le))?\\s*(?:d['’]\\s*)?$`, 'u');
// The name may stand in quotes after its unit word (حي "الهلالية"); a front or axis of fighting (محور
// سراقب, محاور داديخ) is named after its place too.
const UNIT_BEFORE_AR_RE = /(?:^|\s)[وفبلك]{0,2}(?:قرية|قريتي|قرى|بلدة|بلدتي|بلدات|مدينة|مدينتي|مدن|حي|أحياء|ناحية|منطقة|منطقتي|مناطق|محافظة|مخيم|مخيمات|سجن|ريف|بادية|سهل|أطراف|ضواحي|محيط|قضاء|مركز|محور|محاور|جبهة|جبهات)\s+["“”«'‘]?\s*$/u;
// A coordinated item of the list a plural or dual unit word opens: "بلدات دير سنبل وكنصفرة والفطيرة",
// "منطقتي قدسيا والديماس", "محاور سراقب وداديخ والملاجة". Arabic has no capitals to end the list: it
// ends at a sentence or clause mark, or after eight words.
const UNIT_LIST_AR_RE = /(?:^|\s)[وفبلك]{0,2}(?:قرى|قريتي|بلدات|بلدتي|مدن|مدينتي|أحياء|حيي|مناطق|منطقتي|محاور|جبهات)\s+(?:[^\s.!?؟:;؛()]+\s+){1,8}$/u;
const coordinatedAr = (text: string, start: number, before: string): boolean => text.charCodeAt(start) === 0x648 || /(?:[،,]|\sو)\s*$/u.test(before);
// "the Iraqi town of X": a unit word followed by "of" names the next place, not this one.
const UNIT_AFTER_RE = /^\s*(?:governorate|province|district|subdistrict|countryside|camp|prison|village|town|city|area|region|suburbs?|outskirts|neighbou?rhood|quarter)(?![\p{L}])(?!\s+of\s)/u;

// A list of capitalised names after a plural unit word: "the villages of Kansafra, al-Fatira and Banin".
// Latin script only: Arabic has no capitals to tell a name from the next word.
const NAME = String.raw`(?:(?:al|el|Al|El|an|ash|as|at|ad|ar|az)[-‐ ])?\p{Lu}[\p{L}'’-]*`;
const PLURAL_UNIT_LIST_RE = new RegExp(String.raw`(?:villages|towns|localities|neighbou?rhoods|hamlets|villes|localités|quartiers|hameaux)(?:\s+(?:of|de|d'|des|du))?\s+(?:${NAME}(?:\s+${NAME}){0,2}\s*(?:,|\set|\sand)\s*){1,6}$`, 'u');

/** A unit word just before [start) or just after [end) of the hit in `text`. */
export function unitWordNear(text: string, start: number, end: number): string | undefined {
  const before = foldForWords(text.slice(Math.max(0, start - 40), start));
  const b = UNIT_BEFORE_RE.exec(before) ?? UNIT_BEFORE_AR_RE.exec(before);
  if (b) return b[0].trim();
  if (coordinatedAr(text, start, before)) {
    const l = UNIT_LIST_AR_RE.exec(foldForWords(text.slice(Math.max(0, start - 100), start)));
    if (l) return l[0].trim().split(/\s+/u)[0];
  }
  const list = PLURAL_UNIT_LIST_RE.exec(text.slice(Math.max(0, start - 120), start));
  if (list) return list[0].trim().split(/\s+/)[0];
  const after = foldForWords(text.slice(end, end + 20));
  const a = UNIT_AFTER_RE.exec(after);
  return a ? a[0].trim() : undefined;
}

/**
 * A closed word list, checked word by word (a Set lookup per word, no regex over the text): Latin words
 * whole or with a short inflection tail (strikes, killed), hyphenated phrases as one word
 * (cessez-le-feu), two-word phrases as a pair (air strike); Arabic ones as parts of a word, since
 * clitics and suffixes attach to them (غارات, بقصف, القتلى).
 */
interface WordSet { latin: Set<string>; arabic: string[]; prefixes: Set<number>; pairFirsts: Set<string> }

/** The first three code units of a word as one number: a cheap gate before any string is made. */
const prefixKey = (s: string, at: number): number => (s.charCodeAt(at) * 0x10000 + s.charCodeAt(at + 1)) * 0x10000 + s.charCodeAt(at + 2);

function wordSet(words: string[]): WordSet {
  const latin = words.filter((w) => /^[a-z' -]+$/.test(w));
  return {
    latin: new Set(latin), arabic: words.filter((w) => !/^[a-z' -]+$/.test(w)),
    prefixes: new Set(latin.map((w) => prefixKey(w, 0))),
    pairFirsts: new Set(latin.filter((w) => w.includes(' ')).map((w) => w.split(' ')[0]!)),
  };
}

const isLatinWordUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0x24f) || c === 0x27 || c === 0x2d;
const isArabicLetter = (c: number): boolean => c >= 0x621 && c <= 0x64a;

/**
 * Inflection tails a listed word may take (strikes, killed, tuées, militiamen). Only these: a free tail
 * of three letters read "tuesday" as "tues" (French: killed) and "based" as "base".
 */
const TAILS = new Set(['s', 'es', 'e', 'ee', 'ees', 'ed', 'er', 'ers', 'en', 'ing', 'men', 'ent']);

function latinHit(set: Set<string>, w: string): boolean {
  if (set.has(w)) return true;
  for (let cut = 1; cut <= 3 && cut < w.length - 2; cut += 1) if (TAILS.has(w.slice(-cut)) && set.has(w.slice(0, -cut))) return true;
  return false;
}

/** French elided words before an apostrophe: l', d', j', m', n', s', t', c', qu', jusqu', lorsqu', puisqu'. */
const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu']);

/** Where the word folded[i, j) starts once a French elided word before an apostrophe is left out. */
function afterElision(folded: string, i: number, j: number): number {
  for (let k = i + 1; k <= i + 7 && k < j - 1; k += 1) {
    if (folded.charCodeAt(k) !== 0x27) continue;
    return ELIDED.has(folded.slice(i, k)) ? k + 1 : i;
  }
  return i;
}

/** The first word of the list in folded text, as written there. One pass over the characters. */
function findWord(folded: string, set: WordSet): string | undefined {
  let found: string | undefined;
  eachWord(folded, set, (w) => { found = w; return true; });
  return found;
}

/** Calls `hit(word, at)` for each word of the list in folded text, until it returns true. */
function eachWord(folded: string, set: WordSet, hit: (word: string, at: number) => boolean): void {
  const n = folded.length;
  let prev = '';
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isLatinWordUnit(c)) {
      let j = i + 1;
      while (j < n && isLatinWordUnit(folded.charCodeAt(j))) j += 1;
      const next = j;
      // Quotes around a word are not part of it ('neutralised').
      while (i < j && folded.charCodeAt(i) === 0x27) i += 1;
      while (j > i && folded.charCodeAt(j - 1) === 0x27) j -= 1;
      // A French elision ("l'armée", "d'artillerie", "qu'une") and an English possessive ("army's")
      // are not part of the word either (a typographic apostrophe already cuts the word).
      i = afterElision(folded, i, j);
      if (j - i > 3 && folded.charCodeAt(j - 2) === 0x27 && folded.charCodeAt(j - 1) === 0x73) j -= 2;
      let w = '';
      if (j - i >= 3 && set.prefixes.has(prefixKey(folded, i))) {
        w = folded.slice(i, j);
        if (latinHit(set.latin, w) && hit(w, i)) return;
      }
      if (prev !== '' && set.pairFirsts.has(prev)) {
        if (w === '') w = folded.slice(i, j);
        if (latinHit(set.latin, `${prev} ${w}`) && hit(`${prev} ${w}`, i)) return;
      }
      prev = w !== '' ? w : j - i <= 8 && set.pairFirsts.size > 0 ? folded.slice(i, j) : '';
      i = next;
    } else if (isArabicLetter(c)) {
      let j = i + 1;
      while (j < n && isArabicLetter(folded.charCodeAt(j))) j += 1;
      const w = folded.slice(i, j);
      if (set.arabic.some((stem) => w.includes(stem)) && hit(w, i)) return;
      if (prev !== '' && set.arabic.some((stem) => stem.includes(' ') && `${prev} ${w}`.includes(stem)) && hit(`${prev} ${w}`, i)) return;
      prev = w;
      i = j;
    } else {
      i += 1;
    }
  }
}

const CONFLICT_WORDS = [
  'strike', 'struck', 'airstrike', 'air strike', 'raid', 'neutralised', 'neutralized', 'neutralise', 'neutralize', 'shelling', 'shelled', 'bombing', 'bombed', 'bombard', 'killed', 'wounded', 'injured',
  'clash', 'fighting', 'fighters', 'militia', 'militant', 'rebel', 'troops', 'forces', 'army', 'military', 'drone', 'attack',
  'offensive', 'ambush', 'rocket', 'missile', 'mortar', 'artillery', 'jihadist', 'insurgent', 'checkpoint', 'explosion', 'blast',
  'soldier', 'base', 'naval', 'helicopter', 'warplane', 'jet', 'convoy', 'patrol', 'deploy', 'withdraw', 'air defence',
  'air defense', 'ceasefire', 'occupation', 'intercept', 'target', 'weapon', 'arms', 'troupes', 'navale', 'helicoptere',
  'avion', 'convoi', 'patrouille', 'deploie', 'retrait', 'cessez-le-feu', 'intercepte', 'cible', 'armes', 'defense aerienne',
  'frappe', 'bombardement', 'bombarde', 'tue', 'tues', 'morts', 'blesse', 'affrontement', 'combats', 'combattant', 'milice',
  'armee', 'militaire', 'attaque', 'offensive', 'embuscade', 'roquette', 'obus', 'jihadiste', 'rebelle', 'explosion', 'soldat',
  'intervention', 'invasion', 'invade', 'envahi',
  'غارة', 'غارات', 'قصف', 'استهداف', 'استهدف', 'قتلى', 'مقتل', 'قتل', 'جرحى', 'اشتباك', 'معارك', 'ميليشي', 'مليشي', 'قوات', 'جيش',
  'قاعدة', 'قواعد', 'مروحي', 'طائرات', 'دورية', 'انسحاب', 'انتشار', 'أسلحة', 'اسلحة', 'الدفاعات', 'وقف إطلاق النار', 'احتلال',
  'مسيرة', 'هجوم', 'مسلح', 'فصائل', 'عناصر', 'انفجار', 'صاروخ', 'قذائف', 'عسكري', 'عبوة', 'كمين', 'اعتقال', 'حاجز',
  // Arabic words are matched as stems inside a word: the plural of هجوم is another stem (not the verb هاجم, which sport pages use).
  'هجمات',
];
const CONFLICT = wordSet(CONFLICT_WORDS);

// What a state does, not who else is there: the words that name other armed actors (forces, militia,
// fighters, قوات) say nothing of the state named beside them ("Iran-backed forces", "قوات ... إيران").
const OTHER_ACTORS = new Set(['forces', 'militia', 'militant', 'rebel', 'fighters', 'jihadist', 'insurgent', 'milice', 'combattant',
  'jihadiste', 'rebelle', 'قوات', 'ميليشي', 'مليشي', 'فصائل', 'عناصر', 'مسلح']);
// Its own forces act for it: "its forces", "ses forces", "قواتها".
const ACTS = wordSet([...CONFLICT_WORDS.filter((w) => !OTHER_ACTORS.has(w)), 'its forces', 'their forces', 'its troops', 'ses forces',
  'leurs forces', 'ses troupes', 'قواتها', 'قواته']);

const ELSEWHERE = wordSet([
  'recipe', 'recipes', 'cuisine', 'cooking', 'dish', 'spice', 'pepper', 'flavour', 'flavor', 'soap', 'restaurant', 'ingredient',
  'football', 'league', 'match', 'championship', 'club', 'striker', 'goalkeeper', 'tournament', 'fashion', 'perfume', 'fabric',
  'recette', 'cuisine', 'plat', 'epice', 'piment', 'saveur', 'savon', 'restaurant', 'ingredient', 'championnat', 'ligue',
  'footballeur', 'buteur', 'tournoi', 'parfum', 'tissu', 'patisserie', 'gastronomie',
  'وصفة', 'طبخ', 'طبق', 'مطبخ', 'بهارات', 'توابل', 'نكهة', 'صابون', 'مطعم', 'مكونات', 'الدوري', 'مباراة', 'منتخب', 'بطولة', 'لاعب',
  'نادي', 'أزياء', 'عطر', 'حلويات',
]);

/** Distinct words of a list in folded text, as written there (at most `max`). */
function distinctWords(folded: string, set: WordSet, max: number): string[] {
  const seen: string[] = [];
  eachWord(folded, set, (w) => {
    if (!seen.includes(w)) seen.push(w);
    return seen.length >= max;
  });
  return seen;
}

/** Other-topic words a page must hold, at least, before its places are read as off-topic. */
const OFF_TOPIC_MIN = 3;

/**
 * The other-topic words (sport, food, crafts) of a page that holds no conflict vocabulary beside them,
 * or undefined for a page on the watched topics. Read on the whole text.
 */
export function offTopicWords(text: string): string[] | undefined {
  const folded = foldForWords(text);
  const other = distinctWords(folded, ELSEWHERE, 8);
  if (other.length < OFF_TOPIC_MIN) return undefined;
  // A few conflict words can be sport's (attack, strike, target); many cannot.
  const conflict = distinctWords(folded, CONFLICT, other.length);
  return conflict.length * 2 < other.length ? other : undefined;
}

const CITY_WORD = /^(?:[وبل]?مدينة|city|ville)\s|\scity$/iu;

/** Whether a place's surface says it is the town ("مدينة حلب", "Idlib city", "ville de Homs"). */
export const saysCity = (surface: string): boolean => CITY_WORD.test(surface);

const CITY_BEFORE = /(?:^|[\s(«"“])[وبل]?مدينة\s+["“«]?$|(?:^|[^\p{L}])(?:city\s+of|ville\s+(?:de|d['’]))\s*$/iu;

/** Whether the words right before a place say it is the town ("قرب مدينة معرة النعمان", "the city of Idlib"). */
export const cityWordBefore = (text: string, start: number): boolean => CITY_BEFORE.test(text.slice(Math.max(0, start - 16), start));

const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'outside', 'around', 'to', 'à', 'a', 'au', 'aux', 'dans', 'près', 'pres',
  'vers', 'en', 'depuis', 'في', 'من', 'قرب', 'إلى', 'الى', 'داخل', 'نحو']);

/**
 * Whether the place hit [start, end) is written as a location: after a locative preposition ("in
 * Jounieh", "à Beyrouth", "في بيروت"), with the Arabic locative proclitic (بحلب), or with a unit word
 * ("city of Aleppo", "مدينة حلب"). On a sport or food page the other readings are a club or a product.
 */
export function writtenAsLocation(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) === 0x628) return true; // ب: "in" fused to the name
  if (saysCity(text.slice(start, end))) return true;
  const [last] = wordEndingBefore(text, start);
  if (LOCATIVE.has(last)) return true;
  return unitWordNear(text, start, end) !== undefined;
}

/** The same words of text[start, end), each list read on first use (a hit rarely needs both). */
export class LazyWords {
  private folded: string | undefined;
  private c: string | null | undefined;
  private e: string | null | undefined;
  private p: string | null | undefined;
  /** text[start, end) is the window read for words; [hitStart, hitEnd) the hit, for `patron`. */
  constructor(private readonly text: string, private readonly start: number, private readonly end: number,
    private readonly hitStart = start, private readonly hitEnd = end) {}
  /** The descriptor word when the hit is a state named as somebody's patron ("backed by Iran"). */
  get patron(): string | undefined {
    if (this.p === undefined) this.p = patronWordNear(this.text, this.hitStart, this.hitEnd) ?? null;
    return this.p ?? undefined;
  }
  private b: string | null | undefined;
  /** The word that makes a state's hit a speaker's nationality or a border ("US officials", "مسؤول أمريكي"). */
  get bystander(): string | undefined {
    if (this.b === undefined) this.b = bystanderWordNear(this.text, this.hitStart, this.hitEnd) ?? null;
    return this.b ?? undefined;
  }
  private u: string | null | undefined;
  get unit(): string | undefined {
    if (this.u === undefined) this.u = unitWordNear(this.text, this.hitStart, this.hitEnd) ?? null;
    return this.u ?? undefined;
  }
  private fold(): string { return (this.folded ??= foldForWords(this.text.slice(this.start, this.end))); }
  get conflict(): string | undefined {
    if (this.c === undefined) this.c = findWord(this.fold(), CONFLICT) ?? null;
    return this.c ?? undefined;
  }
  private a: string | null | undefined;
  /** A word of what the named state does (strikes, troops, killed), other actors' nouns left out. */
  get acts(): string | undefined {
    if (this.a === undefined) this.a = findWord(this.fold(), ACTS) ?? null;
    return this.a ?? undefined;
  }
  get elsewhere(): string | undefined {
    if (this.e === undefined) this.e = findWord(this.fold(), ELSEWHERE) ?? null;
    return this.e ?? undefined;
  }
}

// Outlets, institutions and teams named after a place: "Deir ez-Zor 24", "Aleppo Today", "Damascus
// University", "Al-Jazeera Club"; and the place inside "front for the liberation of X".
// Checked on the text as written: "Aleppo Today" is an outlet, "in Aleppo today" is not.
// A hospital or an armed unit named after its place ("Marjeyoun Governmental Hospital", "Qalamoun Brigade").
const NAME_AFTER_RE = /^[ \u00a0]?(?:24|TV|Today|News|FM|Post|Times|University|Université|Club|FC|SC|Media|Network|Channel|Radio|Agency|Hospital|Governmental Hospital|Government Hospital|General Hospital|National Hospital|Brigades?|Battalions?)(?![\p{L}\p{N}])/u;
// Checked with endsWith on the lower-cased text before the hit (an end-anchored regex would be tried
// at every position of the window).
const NAME_BEFORE = ['université de', 'universite de', "université d'", "universite d'", 'university of', "club d'", 'club de',
  'libération du', 'liberation du', 'libération de', 'liberation de', 'liberation of the', 'liberation of', 'تحرير', 'جامعة', 'نادي',
  'قناة', 'إذاعة', 'راديو'];
const ROAD_WORDS = /(?:road|highway|motorway|route|autoroute|axe|طريق|اوتوستراد|أوتوستراد|الطريق)/u;

const isDash = (c: number): boolean => c === 0x2d || c === 0x2013;
const LETTER = /\p{L}/u;
/** Whether text[i] is a letter: code ranges for Latin and Arabic (most text), the regex for the rest. */
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== c) return false; // NaN: outside the text
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x621 && c <= 0x64a)) return true;
  return LETTER.test(text[i]!);
}

/** The code of the last character before `at` past white space (0 at the start of the text). */
function lastCharBefore(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) <= 0x20) i -= 1;
  return i >= 0 ? text.charCodeAt(i) : 0;
}

const NAME_BEFORE_LAST = new Set(['de', 'du', 'of', "d'", 'd’', 'تحرير', 'جامعة', 'نادي', 'قناة', 'إذاعة', 'راديو']);
/** The last letters of those words, either case: a cheap gate before the word itself is read. */
const NAME_BEFORE_ENDS = new Set([...NAME_BEFORE_LAST].flatMap((w) => [w.at(-1)!, w.at(-1)!.toUpperCase()].map((c) => c.charCodeAt(0))));

/** Why the place hit [start, end) is part of another name (outlet, institution, road), if it is. */
export function insideOtherName(text: string, start: number, end: number): string | undefined {
  const next = text.charCodeAt(end + 1);
  if ((text.charCodeAt(end) === 0x20 || text.charCodeAt(end) === 0xa0) && ((next >= 0x41 && next <= 0x5a) || next === 0x32 || next === 0x55)) {
    const a = NAME_AFTER_RE.exec(text.slice(end, end + 24));
    if (a) return `part of a name («${text.slice(start, end)} ${a[0].trim()}»)`;
  }
  // Only a word ending like one of NAME_BEFORE_LAST's is read (most place names follow other words).
  if (NAME_BEFORE_ENDS.has(lastCharBefore(text, start))) {
    const [last] = wordEndingBefore(text, start);
    if (NAME_BEFORE_LAST.has(last) || last.endsWith("d'") || last.endsWith('d’')) {
      const before = text.slice(Math.max(0, start - 32), start).toLowerCase().replace(/’/g, "'").trimEnd();
      const b = NAME_BEFORE.find((w) => before.endsWith(w) && (before.length === w.length || !/\p{L}/u.test(before[before.length - w.length - 1]!)));
      if (b) return `part of a name («${b} ${text.slice(start, end)}»)`;
    }
  }
  // "Damascus-Aleppo highway", "route Alep-Damas", "طريق حلب - دمشق": a place joined by a dash to
  // another word, with a road word on either side.
  const a0 = text.charCodeAt(end);
  const dashAfter = isDash(a0) || (a0 === 0x20 && isDash(text.charCodeAt(end + 1)));
  const b0 = text.charCodeAt(start - 1);
  const dashBefore = isDash(b0) || (b0 === 0x20 && isDash(text.charCodeAt(start - 2)));
  if (dashAfter || dashBefore) {
    const around = foldForWords(text.slice(Math.max(0, start - 40), Math.min(text.length, end + 40)));
    const r = ROAD_WORDS.exec(around);
    if (r) return `part of a road name («${r[0]}»)`;
  }
  return undefined;
}

// A town of the same name abroad, said by what follows it: "Damascus, Maryland", "Palmyra, Pa.",
// "Damascus, MD", "Tripoli, Libya". US states (full names, AP abbreviations, postal codes) hold most
// namesakes of Levant towns (Damascus, Palmyra, Lebanon, Aleppo); the countries are those with towns
// that share a watched town's name (not Washington: "Moscow, Damascus, Washington" lists capitals). Only right after a comma (or in brackets): "Damascus, Syria" and
// "Homs and Maryland" are not such.
const US_STATES = ['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire',
  'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
  'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia',
  'West Virginia', 'Wisconsin', 'Wyoming'];
const AP_STATES = ['Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La', 'Md', 'Mass',
  'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'N\\.H', 'N\\.J', 'N\\.M', 'N\\.Y', 'N\\.C', 'N\\.D', 'Okla', 'Ore', 'Pa', 'R\\.I',
  'S\\.C', 'S\\.D', 'Tenn', 'Vt', 'Va', 'Wash', 'W\\.Va', 'Wis', 'Wyo'];
const POSTAL = 'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const ABROAD_COUNTRIES = ['Libya', 'Libye', 'Tunisia', 'Tunisie', 'USA', 'U\\.S\\.A?\\.?', 'États-Unis', 'Etats-Unis', 'United States',
  'Canada'];
// A postal code is also a word in capitals ("DEIR EZZOR, IN SYRIA", "ALEP, LA VILLE"): it counts only
// where a dateline puts it, before punctuation, a ZIP code or the line's end ("Damascus, MD 20872", "Damascus, MD.").
const POSTAL_END = String.raw`(?:${POSTAL})(?=[ \t]*(?:[.,;:)\]–—\n-]|\d|$))`;
const ABROAD_AFTER_RE = new RegExp(String.raw`^(?:,\s*|\s*\(\s*)(?:(?:${[...US_STATES, ...ABROAD_COUNTRIES].join('|')})(?![\p{L}])|(?:${AP_STATES.join('|')})\.|${POSTAL_END})`, 'u');
// Arabic names the country in an adjective agreeing with the town: "طرابلس الليبية", "طرابلس الغرب".
const ABROAD_AFTER_AR_RE = /^\s+(?:الليبية|الليبي|الغرب|التونسية|الأمريكية|الأميركية)(?![\u0621-\u064a])/u;

const US_PLACE_RE = new RegExp(String.raw`\p{Lu}\p{Ll}+,\s*(?:(?:${US_STATES.join('|')})(?![\p{L}])|(?:${AP_STATES.join('|')})\.|${POSTAL_END})`, 'mu');
const LEVANT_COUNTRY_RE = /syri|iraq|irak|leban|liban|سوري|العراق|لبنان/i;

/**
 * Whether a page is set in the United States ("Gaithersburg, MD", "Harrisburg, Pa.") and names none
 * of the watched countries: then a Damascus or a Palmyra on it is the American one.
 */
export function setInUsOnly(text: string): boolean {
  return US_PLACE_RE.test(text) && !LEVANT_COUNTRY_RE.test(text);
}

/** The foreign state or country a place hit [.., end) is placed in ("Damascus, Maryland"), if any. */
export function abroadAfter(text: string, end: number): string | undefined {
  const c = text.charCodeAt(end);
  if (c !== 0x2c && c !== 0x20 && c !== 0x28) return undefined;
  const after = text.slice(end, end + 24);
  const m = ABROAD_AFTER_RE.exec(after) ?? ABROAD_AFTER_AR_RE.exec(after);
  return m ? m[0].replace(/^[,(\s]+/, '') : undefined;
}

// A seat town's name used for its unit: "province (méridionale) de Souëda", "محافظتي طرطوس واللاذقية",
// "the provinces of Daraa and Quneitra" (the list after a plural unit word), "Idlib province".
const LIST_TAIL = String.raw`(?:[^.;:!?\n]{0,50}?(?:,|\set|\sand|\sو|\s)\s*)?`;
const PROVINCE_BEFORE_RE = new RegExp(
  String.raw`(?:provinces?|gouvernorats?|governorates?|محافظة|محافظتي|محافظات)(?:\s+[\p{L}-]+){0,2}?\s*(?:de\s+|d'\s*|du\s+|of\s+(?:the\s+)?)?${LIST_TAIL}$`, 'u');
// The desert or plain around a seat town is its area too, like its countryside: "désert (syrien) de
// Palmyre", "the Palmyra Desert", "بادية الميادين", "صحراء الأنبار", "سهل مرجعيون" (EVAL.md labels them
// as the unit the town seats, as "ريف X").
const REGION_BEFORE_RE = new RegExp(
  String.raw`(?:regions?\s+(?:de|d'|du|of)|campagne\s+(?:de|d'|du)|countryside\s+of|(?:deserts?|plaines?)(?:\s+\p{L}+)?\s+(?:de|d'|du)|(?:desert|plain)\s+of|(?:^|\s)rural|(?:^|\s)[وفبلك]{0,2}(?:ريف|ريفي|أرياف|بادية|صحراء|سهل))\s*(?:\p{L}+\s+)?${LIST_TAIL}$`, 'u');
const PROVINCE_AFTER_RE = /^\s*(?:province|governorate)(?![\p{L}])/u;
const REGION_AFTER_RE = /^\s*(?:countryside|region|desert|plain)(?![\p{L}])/u;

// "rural Homs" (the Syrian Observatory's English for ريف حمص) is the countryside too.
const SEAT_CUES = ['provinc', 'gouvernorat', 'governorate', 'محافظ', 'region', 'campagne', 'countryside', 'rural', 'desert', 'plain', 'ريف', 'أرياف',
  'بادية', 'صحراء', 'سهل'];
/** SEAT_CUES on unfolded text: any case, an accented or decomposed "région", and any Arabic mark (folded later). */
const SEAT_CUE_RAW = /provinc|gouvernorat|governorate|r[eé][\u0300-\u036f]?gion|campagne|countryside|rural|d[eé][\u0300-\u036f]?sert|plain|ريف|أرياف|بادية|صحراء|سهل|محافظ|[\u064b-\u065f\u0670\u0640]/i;

/** Whether a seat town's name stands for its governorate ("province") or its area ("region"). */
export function seatUnitWord(text: string, start: number, end: number): 'province' | 'region' | undefined {
  const rawBefore = text.slice(Math.max(0, start - 90), start);
  const rawAfter = text.slice(end, end + 16);
  // Most hits of a seat town have no unit word near: one test on the raw text spares the folding
  // (a decomposition for any accented text) and the end-anchored regexes.
  if (!SEAT_CUE_RAW.test(rawBefore) && !SEAT_CUE_RAW.test(rawAfter)) return undefined;
  const before = foldForWords(rawBefore).replace(/['’]\s*$/, "' ");
  const after = foldForWords(rawAfter);
  if (!SEAT_CUES.some((w) => before.includes(w) || after.includes(w))) return undefined;
  if (PROVINCE_BEFORE_RE.test(before) || PROVINCE_AFTER_RE.test(after)) return 'province';
  if (REGION_BEFORE_RE.test(before) || REGION_AFTER_RE.test(after)) return 'region';
  return undefined;
}

// A state as the patron in a descriptor: "backed by Iran", "soutenues par l'Iran", "المدعومة من إيران",
// "Iran-backed fighters" (the compound's head is the backed group, not the state).
const PATRON_AFTER_RE = /^[-‐]?(?:backed|linked|aligned|allied|affiliated|sponsored|supported|funded)(?![\p{L}])/u;

const PATRON_PAIRS = new Set(['backed by', 'supported by', 'funded by', 'armed by', 'sponsored by', 'loyal to', 'linked to', 'aligned with',
  'allied with', 'allied to', 'close to']);
const PATRON_FR = /^(?:soutenu|appuy|financ|arm|affili|li|fid[eè]le|proche|alli)/;
// Singular, feminine and plural forms: the descriptor agrees with the backed group ("مقاتلين مدعومين من").
const PATRON_AR = new Set(['المدعومة', 'المدعوم', 'الموالية', 'الموالي', 'التابعة', 'التابع', 'المرتبطة', 'المرتبط', 'المقربة', 'المقرب', 'مدعومة',
  'مدعوم', 'موالية', 'موالي', 'تابعة', 'المدعومين', 'المدعومون', 'مدعومين', 'مدعومون', 'الموالين', 'الموالون', 'موالين', 'موالون',
  'التابعين', 'التابعون', 'تابعين', 'تابعون', 'المرتبطين', 'مرتبطة', 'مرتبطين', 'المقربين', 'مقربة', 'مقربين']);

/**
 * The descriptor when the state hit [start, end) is named as somebody's patron: the one or two words
 * before it ("backed by", "soutenues par", "المدعومة من"), "pro-" before it, or "-backed" after it.
 * Word tests, no regex over the text: most hits of a state are not descriptors.
 */
export function patronWordNear(text: string, start: number, end: number): string | undefined {
  const pro = text.slice(Math.max(0, start - 4), start).toLowerCase();
  if (pro === 'pro-' || pro === 'pro ') return 'pro-';
  // "anti-American groups", "anti-Iran protests": the state is what the others oppose.
  const anti = text.slice(Math.max(0, start - 5), start).toLowerCase();
  if (anti === 'anti-' || anti === 'anti ') return 'anti-';
  let [last, at] = wordEndingBefore(text, start);
  // An article between the descriptor and the name: "soutenues par l'Iran", "backed by the US".
  if (last === "l'" || last === 'l’' || last === 'la' || last === 'les' || last === 'the') [last, at] = wordEndingBefore(text, at);
  if (last === '') return undefined;
  const [before] = wordEndingBefore(text, at);
  if (PATRON_PAIRS.has(`${before} ${last}`)) return `${before} ${last}`;
  if ((last === 'par' || last === 'à' || last === 'a' || last === 'de') && PATRON_FR.test(before)) return `${before} ${last}`;
  if (PATRON_AR.has(last)) return last;
  if (last === 'من' && PATRON_AR.has(before)) return `${before} ${last}`;
  const a = PATRON_AFTER_RE.exec(text.slice(end, end + 14).toLowerCase());
  return a ? a[0] : undefined;
}

// People who speak for a state ("a US official said", "un responsable américain", "مسؤول أمريكي"): the
// state comments through them at that mention; its acts are told elsewhere ("US forces struck"). And a
// state named as a border or a side of one ("the border with Turkey", "الحدود مع تركيا", "la frontière
// turque") is a location there. Person nouns only: "Israeli Prime Minister X ordered strikes" is not here.
const SPEAKER_AFTER = /^\s+(?:officials?|spokes(?:man|woman|person)|sources?|diplomats?|envoys?|media|press|border|frontier)(?![\p{L}])/u;
const SPEAKER_BEFORE = new Set(['responsable', 'responsables', 'parole', 'source', 'sources', 'diplomate', 'diplomates', 'émissaire',
  'emissaire', 'envoyé', 'envoye', 'médias', 'medias', 'presse', 'frontière', 'frontiere', 'مسؤول', 'مسؤولون', 'مسؤولين', 'المسؤول',
  'مصدر', 'مصادر', 'المصدر', 'المصادر', 'المتحدث', 'متحدث', 'الناطق', 'دبلوماسي', 'دبلوماسيون', 'دبلوماسيين', 'الإعلام', 'إعلام',
  'الحدود', 'حدود']);
const BORDER_WITH = new Set(['border with', 'borders with', 'frontière avec', 'frontiere avec', 'الحدود مع', 'الحدودية مع', 'حدود مع', 'الحدودي مع']);

/**
 * The word that makes the state hit [start, end) a speaker's nationality or a border at that mention
 * ("US officials", "responsable américain", "المصادر الإسرائيلية", "border with Turkey"), if any.
 */
export function bystanderWordNear(text: string, start: number, end: number): string | undefined {
  const a = SPEAKER_AFTER.exec(text.slice(end, end + 16).toLowerCase());
  if (a) return a[0].trim();
  let [last, at] = wordEndingBefore(text, start);
  if (last === "l'" || last === 'l’' || last === 'la' || last === 'the') [last, at] = wordEndingBefore(text, at);
  if (SPEAKER_BEFORE.has(last)) return last;
  const [before] = wordEndingBefore(text, at);
  const pair = `${before} ${last}`;
  return BORDER_WITH.has(pair) ? pair : undefined;
}

/** The word (letters and apostrophes) ending just before `at` past white space, lower-cased, and where it starts. */
function wordEndingBefore(text: string, at: number): [string, number] {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) <= 0x20) i -= 1;
  let j = i;
  for (let c = text.charCodeAt(j); j >= 0 && (c === 0x27 || c === 0x2019 || isLetterAt(text, j)); c = text.charCodeAt(j)) j -= 1;
  return [text.slice(j + 1, i + 1).toLowerCase(), j + 1];
}

// Words that date a text after the fall of Bashar al-Assad (December 2024) when it writes no year:
// "فلول النظام", "former regime", "chute de Bachar al-Assad". The Assad-specific ones date any text;
// the general ones ("the former regime", "النظام السابق") also name Saddam's or Gaddafi's, so they date
// only a text that names a Syrian place.
const AFTER_ASSAD = /(?:fall of (?:the )?(?:bashar )?(?:al-)?assad|ousted (?:president )?(?:bashar )?(?:al-)?assad|toppled (?:president )?(?:bashar )?(?:al-)?assad|post-assad|assad remnants|chute (?:de |du regime de )?(?:bachar )?(?:al-)?assad|renversement de (?:bachar )?(?:al-)?assad|فلول الاسد|فلول نظام الاسد|سقوط (?:نظام )?(?:بشار )?الاسد|الرئيس المخلوع بشار|المخلوع بشار)/u;
const AFTER_REGIME = /(?:(?:former|ousted|fallen|deposed|toppled) (?:syrian |assad )?regime|regime remnants|remnants of the (?:former |ousted )?regime|ancien regime|regime (?:syrien )?dechu|ex-regime|restes du regime|vestiges du regime|فلول النظام|النظام (?:السوري )?(?:البائد|السابق|المخلوع)|سقوط النظام)/u;

/** The words that date the text after December 2024, if any (see AFTER_ASSAD). */
export function afterAssadCue(text: string, namesSyria: boolean): string | undefined {
  const folded = foldForWords(text).replace(/[أإآ]/g, 'ا');
  return (AFTER_ASSAD.exec(folded) ?? (namesSyria ? AFTER_REGIME.exec(folded) : null))?.[0];
}

// Arabic forms a place name never takes. A name is definite or a diptote: it takes no tanween
// ("صيداً" is "prey", "عاليةً" "high"), and a name written without the article does not gain one
// ("البشري" is "human", not Bsharri; "العريقة" "ancient"): the scanner reads clitics and the article
// off a word to find a name, which is right for "وحلب" or "بدمشق" and wrong for these.
const TANWEEN_END = /(?:[\u064b-\u064d]\u0627?|\u0627\u064b)$/u;
const ARTICLE_START = /^(?:[وف]?[بك]?ال|[وف]?لل)/u;
// Both words are compared as the matcher reads them (marks dropped, hamza seats and ة/ى folded).
const foldArabic = (w: string): string => normalize(w).text;

/**
 * Why an Arabic hit [start, end) on a place's name (alias as listed) is a common word, if it is. After a
 * unit word the article is the news's own spelling of the name ("قريتي الرويحة" for رويحة).
 */
export function notAnArabicName(text: string, start: number, end: number, alias: string): string | undefined {
  const surface = text.slice(start, end);
  if (TANWEEN_END.test(surface)) return 'written with tanween (an indefinite noun or adjective, not a name)';
  const a = foldArabic(alias.split(' ')[0]!);
  if (a.startsWith('ال')) return undefined;
  const s = foldArabic(surface.split(/\s+/u)[0]!);
  const m = ARTICLE_START.exec(s);
  if (m === null || s.slice(m[0].length) !== a) return undefined;
  const before = text.slice(Math.max(0, start - 24), start);
  if (UNIT_BEFORE_AR_RE.test(before)) return undefined;
  if (coordinatedAr(text, start, before) && UNIT_LIST_AR_RE.test(foldForWords(text.slice(Math.max(0, start - 100), start)))) return undefined;
  return 'written with the article, which the name does not take (an adjective or noun)';
}
