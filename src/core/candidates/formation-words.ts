// The word lists the candidate finder reads: formation heads, naming cues, group nouns, and the words
// that make a formation generic (numbers, ordinals, national armies). Data only.

/** Latin formation heads ("Regiment", "Liwa", "Bataillon"). */
export const LATIN_HEADS = ['Regiment', 'Régiment', 'Brigades', 'Brigade', 'Liwaa', 'Liwa', 'Kataib', "Kata'ib", 'Katibat', 'Saraya',
  'Firqat', 'Firqa', 'Division', 'Battalions', 'Battalion', 'Bataillons', 'Bataillon'];
/** Heads that may follow the name in English ("Fatemiyoun Brigade", "Imam Ali Battalion"). */
export const LATIN_TRAILING_HEADS = ['Regiment', 'Brigades', 'Brigade', 'Battalions', 'Battalion', 'Division'];
/** Arabic formation heads, written without the article: "الفرقة الرابعة" is a numbered army unit. */
export const ARABIC_HEADS = ['فوج', 'لواء', 'كتائب', 'كتيبة', 'سرايا', 'فرقة'];

/** Words that introduce a name: "baptisée", "dubbed", "known as", "تدعى". */
export const LATIN_CUES = ['baptisée', 'baptisées', 'baptisé', 'baptisés', 'appelée', 'appelées', 'appelé', 'appelés', 'nommée', 'nommé',
  'dénommée', 'dénommé', 'surnommée', 'surnommé', 'dubbed', 'called', 'named', 'known as', 'calling itself', 'calls itself', "s'appelant", 'se faisant appeler'];
export const ARABIC_CUES = ['تدعى', 'تدعي', 'يدعى', 'تسمى', 'يسمى', 'تحمل اسم', 'يحمل اسم', 'تحت اسم', 'تحت مسمى', 'باسم', 'اسمها', 'أطلق عليها اسم', 'أطلقت على نفسها اسم'];

/** A naming cue counts only after one of these nearby ("a new militia called X", not "a man called X"). */
export const GROUP_NOUNS = /\b(?:milices?|groupes?|factions?|formations?|unités?|brigades?|bataillons?|régiments?|militias?|groups?|units?|battalions?|regiments?|forces?|outfits?|organi[sz]ations?)\b|(?:ميليشيا|مليشيا|ميليشيات|مليشيات|فصيل|فصائل|جماعة|مجموعة|تشكيل|قوة|قوات|فوج|لواء|كتيبة|تنظيم)/iu;

/** Ordinals and army words that make a capitalised "name" generic ("Fourth Division", "Republican Guard Division"). */
export const GENERIC_NAME_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'premier', 'première', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième', 'septième', 'huitième', 'neuvième', 'dixième',
  'army', 'armée', 'armed', 'forces', 'force', 'guard', 'garde', 'republican', 'républicaine', 'regime', 'régime', 'navy', 'marine',
  'syrian', 'syrienne', 'syrien', 'iraqi', 'irakienne', 'irakien', 'russian', 'russe', 'turkish', 'turque', 'israeli', 'israélienne',
  'lebanese', 'libanaise', 'iranian', 'iranienne', 'american', 'américaine', 'us', 'u.s.', 'idf', 'special', 'spéciale', 'airborne',
  'armoured', 'armored', 'blindée', 'mechanised', 'mechanized', 'infantry', 'infanterie', 'the', 'a', 'an', 'this', 'that', 'la', 'le', 'les', 'une', 'un', 'cette']);

/** Arabic words that end a name (prepositions, relatives, conjunctions). */
export const ARABIC_STOP = new Set(['في', 'من', 'إلى', 'الى', 'على', 'عن', 'مع', 'التي', 'الذي', 'الذين', 'اللذين', 'و', 'بعد', 'قبل', 'أن', 'ان', 'إن',
  'قد', 'كما', 'ضمن', 'داخل', 'بين', 'نحو', 'حيث', 'لدى', 'عند', 'منذ', 'خلال', 'ضد', 'وقد', 'قرب', 'شمال', 'جنوب', 'شرق', 'غرب', 'هو', 'هي', 'إلا', 'أو']);
/** Arabic adjectives and ordinals that make a formation generic ("لواء جديد", "فرقة الرابعة"). */
export const ARABIC_GENERIC = new Set(['جديد', 'جديدة', 'الجديد', 'الجديدة', 'مسلح', 'مسلحة', 'المسلح', 'المسلحة', 'عسكري', 'عسكرية', 'العسكري', 'العسكرية',
  'التابع', 'التابعة', 'تابع', 'تابعة', 'الموالي', 'الموالية', 'موالية', 'موال', 'المدعوم', 'المدعومة', 'مدعومة', 'إيرانية', 'الإيرانية',
  'الأول', 'الأولى', 'الثاني', 'الثانية', 'الثالث', 'الثالثة', 'الرابع', 'الرابعة', 'الخامس', 'الخامسة', 'السادس', 'السادسة', 'السابع', 'السابعة',
  'الثامن', 'الثامنة', 'التاسع', 'التاسعة', 'العاشر', 'العاشرة', 'مدرعة', 'المدرعة', 'المشاة', 'مشاة', 'الجيش', 'جيش', 'النظام', 'الحكومة', 'آخر', 'أخرى', 'واحد', 'واحدة']);

/** A person between the group noun and the cue means the cue names the person ("forces led by a commander named X"). */
export const PERSON_NOUNS = /\b(?:commander|leader|chief|man|woman|fighter|member|spokesman|spokesperson|officer|cleric|son|brother|commandant|chef|dirigeant|homme|femme|combattant|membre|porte-parole|officier|fils|frère)\b|(?:قائد|القائد|زعيم|رجل|امرأة|عنصر|المتحدث|متحدث|ضابط|شيخ|ابن|شقيق)/iu;
