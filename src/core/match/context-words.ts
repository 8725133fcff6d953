// The words around a hit that tell whether an ambiguous name is the watched place or actor: a unit
// word before or after it ("village of X", "X countryside", "بلدة X"), conflict vocabulary in its
// sentence, food/craft/sport vocabulary that points elsewhere (savon d'Alep, Aleppo pepper), and the
// words that make a place part of another name (an outlet "X 24", "X University", a "X-Y road").
// Language data only: small closed lists of the words news uses, checked on folded text.

/** Lower case, no Latin diacritics, Arabic short vowels and tatweel removed: for word tests only. */
export function foldForWords(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '').toLowerCase();
}

const UNIT_BEFORE_LATIN = [
  'village', 'villages', 'town', 'towns', 'city', 'neighbourhood', 'neighborhood', 'district', 'subdistrict', 'province',
  'governorate', 'camp', 'prison', 'area', 'region', 'countryside of', 'outskirts of', 'suburb', 'suburbs', 'locality',
  'ville', 'villes', 'bourg', 'bourgade', 'localite', 'quartier', 'quartiers', 'region', 'zone', 'camp', 'prison',
  'gouvernorat', 'province', 'campagne', 'banlieue', 'environs', 'peripherie', 'secteur', 'localites',
];
// "village of", "ville de", "region d'": the unit word, then an optional of/de/d'/du/des/the/al.
const UNIT_BEFORE_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${UNIT_BEFORE_LATIN.join('|')})(?:\\s+(?:of|de|du|des|la|le|the))?(?:\\s+(?:the|la|le))?\\s*(?:d['’]\\s*)?$`, 'u');
const UNIT_BEFORE_AR_RE = /(?:^|\s)[وفبلك]{0,2}(?:قرية|قريتي|قرى|بلدة|بلدتي|بلدات|مدينة|مدينتي|مدن|حي|أحياء|ناحية|منطقة|مناطق|محافظة|مخيم|سجن|ريف|أطراف|ضواحي|محيط|قضاء|مركز)\s+$/u;
const UNIT_AFTER_RE = /^\s*(?:governorate|province|district|subdistrict|countryside|camp|prison|village|town|city|area|region|suburbs?|outskirts)(?![\p{L}])/u;

// A list of capitalised names after a plural unit word: "the villages of Kansafra, al-Fatira and Banin".
// Latin script only: Arabic has no capitals to tell a name from the next word.
const NAME = String.raw`(?:(?:al|el|Al|El|an|ash|as|at|ad|ar|az)[-‐ ])?\p{Lu}[\p{L}'’-]*`;
const PLURAL_UNIT_LIST_RE = new RegExp(String.raw`(?:villages|towns|localities|neighbou?rhoods|hamlets|villes|localités|quartiers|hameaux)(?:\s+(?:of|de|d'|des|du))?\s+(?:${NAME}(?:\s+${NAME}){0,2}\s*(?:,|\set|\sand)\s*){1,6}$`, 'u');

/** A unit word just before [start) or just after [end) of the hit in `text`. */
export function unitWordNear(text: string, start: number, end: number): string | undefined {
  const before = foldForWords(text.slice(Math.max(0, start - 40), start));
  const b = UNIT_BEFORE_RE.exec(before) ?? UNIT_BEFORE_AR_RE.exec(before);
  if (b) return b[0].trim();
  const list = PLURAL_UNIT_LIST_RE.exec(text.slice(Math.max(0, start - 120), start));
  if (list) return list[0].trim().split(/\s+/)[0];
  const after = foldForWords(text.slice(end, end + 20));
  const a = UNIT_AFTER_RE.exec(after);
  return a ? a[0].trim() : undefined;
}

function wordSet(words: string[]): RegExp {
  const latin = words.filter((w) => /^[a-z' -]+$/.test(w));
  const arabic = words.filter((w) => !/^[a-z' -]+$/.test(w));
  // Latin words whole (with plural/inflection tails); Arabic ones as substrings of a word: clitics and
  // suffixes attach to them (غارات, بقصف, القتلى).
  return new RegExp(`(?:(?:^|[^\\p{L}])(?:${latin.join('|')})[a-z]{0,3}(?![\\p{L}]))|${arabic.join('|')}`, 'u');
}

const CONFLICT = wordSet([
  'strike', 'airstrike', 'air strike', 'raid', 'shelling', 'shelled', 'bombing', 'bombed', 'bombard', 'killed', 'wounded', 'injured',
  'clash', 'fighting', 'fighters', 'militia', 'militant', 'rebel', 'troops', 'forces', 'army', 'military', 'drone', 'attack',
  'offensive', 'ambush', 'rocket', 'missile', 'mortar', 'artillery', 'jihadist', 'insurgent', 'checkpoint', 'explosion', 'blast',
  'soldier', 'base', 'naval', 'helicopter', 'warplane', 'jet', 'convoy', 'patrol', 'deploy', 'withdraw', 'air defence',
  'air defense', 'ceasefire', 'occupation', 'intercept', 'target', 'weapon', 'arms', 'troupes', 'navale', 'helicoptere',
  'avion', 'convoi', 'patrouille', 'deploie', 'retrait', 'cessez-le-feu', 'intercepte', 'cible', 'armes', 'defense aerienne',
  'frappe', 'bombardement', 'bombarde', 'tue', 'tues', 'morts', 'blesse', 'affrontement', 'combats', 'combattant', 'milice',
  'armee', 'militaire', 'attaque', 'offensive', 'embuscade', 'roquette', 'obus', 'jihadiste', 'rebelle', 'explosion', 'soldat',
  'غارة', 'غارات', 'قصف', 'استهداف', 'استهدف', 'قتلى', 'مقتل', 'قتل', 'جرحى', 'اشتباك', 'معارك', 'ميليشي', 'مليشي', 'قوات', 'جيش',
  'قاعدة', 'قواعد', 'مروحي', 'طائرات', 'دورية', 'انسحاب', 'انتشار', 'أسلحة', 'اسلحة', 'الدفاعات', 'وقف إطلاق النار', 'احتلال',
  'مسيرة', 'هجوم', 'مسلح', 'فصائل', 'عناصر', 'انفجار', 'صاروخ', 'قذائف', 'عسكري', 'عبوة', 'كمين', 'اعتقال', 'حاجز',
]);

const ELSEWHERE = wordSet([
  'recipe', 'recipes', 'cuisine', 'cooking', 'dish', 'spice', 'pepper', 'flavour', 'flavor', 'soap', 'restaurant', 'ingredient',
  'football', 'league', 'match', 'championship', 'club', 'striker', 'goalkeeper', 'tournament', 'fashion', 'perfume', 'fabric',
  'recette', 'cuisine', 'plat', 'epice', 'piment', 'saveur', 'savon', 'restaurant', 'ingredient', 'championnat', 'ligue',
  'footballeur', 'buteur', 'tournoi', 'parfum', 'tissu', 'patisserie', 'gastronomie',
  'وصفة', 'طبخ', 'طبق', 'مطبخ', 'بهارات', 'توابل', 'نكهة', 'صابون', 'مطعم', 'مكونات', 'الدوري', 'مباراة', 'منتخب', 'بطولة', 'لاعب',
  'نادي', 'أزياء', 'عطر', 'حلويات',
]);

export interface SentenceWords { conflict: string | undefined; elsewhere: string | undefined }

/** Conflict and elsewhere vocabulary in one sentence (folded). */
export function sentenceWords(sentence: string): SentenceWords {
  const folded = foldForWords(sentence);
  return { conflict: CONFLICT.exec(folded)?.[0].trim(), elsewhere: ELSEWHERE.exec(folded)?.[0].trim() };
}

// Outlets, institutions and teams named after a place: "Deir ez-Zor 24", "Aleppo Today", "Damascus
// University", "Al-Jazeera Club"; and the place inside "front for the liberation of X".
// Checked on the text as written: "Aleppo Today" is an outlet, "in Aleppo today" is not.
const NAME_AFTER_RE = /^[ \u00a0]?(?:24|TV|Today|News|FM|Post|Times|University|Université|Club|FC|SC|Media|Network|Channel|Radio|Agency)(?![\p{L}\p{N}])/u;
const NAME_BEFORE_RE = /(?:universite de|universite d'|university of|club d'|club de|liberation du|liberation de|liberation of the|liberation of|(?:^|\s)تحرير|جامعة|نادي|قناة|إذاعة|راديو)\s*$/u;
const ROAD_WORDS = /(?:road|highway|motorway|route|autoroute|axe|طريق|اوتوستراد|أوتوستراد|الطريق)/u;

/** Why the place hit [start, end) is part of another name (outlet, institution, road), if it is. */
export function insideOtherName(text: string, start: number, end: number): string | undefined {
  const a = NAME_AFTER_RE.exec(text.slice(end, end + 16));
  if (a) return `part of a name («${text.slice(start, end)} ${a[0].trim()}»)`;
  const before = foldForWords(text.slice(Math.max(0, start - 32), start));
  const b = NAME_BEFORE_RE.exec(before);
  if (b) return `part of a name («${b[0].trim()} ${text.slice(start, end)}»)`;
  // "Damascus-Aleppo highway", "route Alep-Damas", "طريق حلب - دمشق": a place joined by a dash to
  // another word, with a road word on either side.
  const dashAfter = /^\s?[-–]\s?\p{L}/u.test(text.slice(end, end + 4));
  const dashBefore = /\p{L}\s?[-–]\s?$/u.test(text.slice(Math.max(0, start - 4), start));
  if (dashAfter || dashBefore) {
    const around = foldForWords(text.slice(Math.max(0, start - 40), Math.min(text.length, end + 40)));
    const r = ROAD_WORDS.exec(around);
    if (r) return `part of a road name («${r[0]}»)`;
  }
  return undefined;
}

// A seat town's name used for its unit: "province (méridionale) de Souëda", "محافظتي طرطوس واللاذقية",
// "the provinces of Daraa and Quneitra" (the list after a plural unit word), "Idlib province".
const LIST_TAIL = String.raw`(?:[^.;:!?\n]{0,50}?(?:,|\set|\sand|\sو|\s)\s*)?`;
const PROVINCE_BEFORE_RE = new RegExp(
  String.raw`(?:provinces?|gouvernorats?|governorates?|محافظة|محافظتي|محافظات)(?:\s+[\p{L}-]+){0,2}?\s*(?:de\s+|d'\s*|du\s+|of\s+(?:the\s+)?)?${LIST_TAIL}$`, 'u');
const REGION_BEFORE_RE = new RegExp(
  String.raw`(?:regions?\s+(?:de|d'|of)|campagne\s+(?:de|d')|countryside\s+of|(?:^|\s)[وفبلك]{0,2}(?:ريف|ريفي|أرياف))\s*(?:\p{L}+\s+)?${LIST_TAIL}$`, 'u');
const PROVINCE_AFTER_RE = /^\s*(?:province|governorate)(?![\p{L}])/u;
const REGION_AFTER_RE = /^\s*(?:countryside|region)(?![\p{L}])/u;

/** Whether a seat town's name stands for its governorate ("province") or its area ("region"). */
export function seatUnitWord(text: string, start: number, end: number): 'province' | 'region' | undefined {
  const before = foldForWords(text.slice(Math.max(0, start - 90), start)).replace(/['’]\s*$/, "' ");
  const after = foldForWords(text.slice(end, end + 16));
  if (PROVINCE_BEFORE_RE.test(before) || PROVINCE_AFTER_RE.test(after)) return 'province';
  if (REGION_BEFORE_RE.test(before) || REGION_AFTER_RE.test(after)) return 'region';
  return undefined;
}

// A state as the patron in a descriptor: "backed by Iran", "soutenues par l'Iran", "المدعومة من إيران",
// "Iran-backed fighters" (the compound's head is the backed group, not the state).
const PATRON_BEFORE_RE = /(?:backed|supported|funded|armed|sponsored|loyal|linked|aligned|allied|close)\s+(?:by|to|with)\s*(?:the\s+)?$|(?:soutenu|appuye|finance|arme|affilie|lie|fidele|proche|allie)e?s?\s+(?:par|a|de)\s*(?:l['’]\s*|la\s+|les\s+)?$|(?:المدعوم|المدعومة|الموالي|الموالية|التابع|التابعة|المرتبط|المرتبطة|المقرب|المقربة|مدعوم|مدعومة|موالية|موالي|تابعة)\s*(?:من|ل)?\s*$|\bpro-?$/u;
const PATRON_AFTER_RE = /^[-‐]?(?:backed|linked|aligned|allied|affiliated|sponsored|supported|funded)(?![\p{L}])/u;

/** The descriptor word when the state hit [start, end) is named as somebody's patron. */
export function patronWordNear(text: string, start: number, end: number): string | undefined {
  const before = foldForWords(text.slice(Math.max(0, start - 30), start));
  const b = PATRON_BEFORE_RE.exec(before);
  if (b) return b[0].trim();
  const a = PATRON_AFTER_RE.exec(text.slice(end, end + 14).toLowerCase());
  return a ? a[0] : undefined;
}
