// The romanisation rules behind latinVariants: which spellings of the same Arabic sound real news uses
// (Boukamal/Bukamal, Idlib/Idleb, Raqqa/Rakka, Jaysh/Jaish/Jaych). Data only; no matching logic here.

export type LatinLang = 'en' | 'fr';

/** One spelling change; `re` is global and case-insensitive, `to` keeps the case of the first letter. */
export interface LatinRule {
  cls: string;
  re: RegExp;
  to: string;
  /** Only for names written in this language (French writes ch, dj, ou where English writes sh, j, u). */
  lang?: LatinLang;
  /** A change of one syllable (Idlib -> Idleb, not Edleb): each occurrence alone, never all at once. */
  local?: boolean;
}

const rule = (cls: string, re: string, to: string, lang?: LatinLang): LatinRule =>
  ({ cls, re: new RegExp(re, 'gi'), to, ...(lang ? { lang } : {}) });
const local = (cls: string, re: string, to: string, lang?: LatinLang): LatinRule => ({ ...rule(cls, re, to, lang), local: true });

/** Ordered by how often the change separates two real spellings of one place or group. */
export const LATIN_RULES: readonly LatinRule[] = [
  // ta marbuta: Hasakah / Hasaka / Hassakeh / Hassaké
  rule('ending', 'ah$', 'a'), rule('ending', 'ah$', 'eh'), rule('ending', '(?<=[^aeiouy])a$', 'ah'),
  rule('ending', 'eh$', 'ah'), rule('ending', 'eh$', 'a'), rule('ending', '(?<=[^aeiouyl])(?:ah|eh)$', 'é', 'fr'),
  rule('ending', 'é$', 'eh', 'en'), rule('ending', 'é$', 'ah', 'en'),
  // u / ou / o: Bukamal / Boukamal, Zor / Zour / Zur
  rule('u-ou', '(?<![oq])u', 'ou', 'fr'), rule('u-ou', 'ou', 'u', 'en'), rule('u-ou', '(?<![oq])u', 'ou'),
  rule('u-ou', 'ou', 'u'), rule('o-u', 'o(?!u)', 'ou'), rule('o-u', 'o(?!u)', 'u'), rule('o-u', '(?<![oq])u', 'o'),
  // diphthongs: Deir / Dayr / Dair, Jaysh / Jaish / Jeish, Zawr / Zour
  rule('diphthong', 'ei', 'ay'), rule('diphthong', 'ay(?![aeiou])', 'ai'), rule('diphthong', 'ai(?![aeiou])', 'ay'),
  rule('diphthong', 'ei', 'ai'), rule('diphthong', 'a[iy](?![aeiou])', 'ei'), rule('diphthong', 'aw(?![aeiou])', 'our'),
  rule('diphthong', 'aw(?![aeiou])', 'au'), rule('diphthong', 'ou(?=r$)', 'aw', 'en'),
  // q / k / g: Qamishli / Kamishli, Raqqa / Rakka
  rule('q-k', 'qq', 'kk'), rule('q-k', '(?<!q)q(?!q)', 'k'), rule('q-k', '(?<!q)q(?!q)', 'g'),
  // French consonants: Qamishli / Qamichli, Jaysh / Djaych, Hawija / Haouija; and back for English
  rule('french', 'sh', 'ch', 'fr'), rule('french', '(?<![dg])j', 'dj', 'fr'), rule('french', 'w(?=[aeiy])', 'ou', 'fr'),
  rule('french', 'ch', 'sh', 'en'), rule('french', 'dj', 'j', 'en'), rule('french', 'ou(?=[aeiy])', 'w', 'en'),
  // short vowels: Idlib / Idleb, Kamal / Kemal; y / i: Qamishli / Qamishly, Abyad / Abiad
  local('i-e', '(?<=[^aeiouy])i(?=[^aeiouy]+[aeiouy]?$)', 'e'), local('i-e', '(?<=[^aeiouy])e(?=[^aeiouy])', 'i'),
  local('a-e', '(?<=[^aeiouy])a(?=[^aeiouyw])', 'e'), local('a-e', '(?<=[^aeiouy])e(?=[^aeiouy])', 'a'),
  rule('i-y', 'i$', 'y'), rule('i-y', '(?<=[^aeiou])y$', 'i'), local('i-y', '(?<=[^aeiouy])i(?=[^aeiouy])', 'ee', 'en'),
  rule('i-y', 'ee', 'i'), rule('i-y', '(?<=[^aeiouy])y(?=[aeiou])', 'i'),
  // doubled letters: Hasakah / Hassakah, Raqqa / Raqa, Tall / Tal
  rule('double', '([bdfklmnprstz])\\1', '$1'), rule('double', '(?<=[aeiou])([st])(?=[aeiou])', '$1$1'),
  // other consonants: Dhiban / Ziban, Khan / Han
  rule('consonant', 'dh', 'z'), rule('consonant', 'dh', 'd'), rule('consonant', 'kh', 'h'), rule('consonant', 'th', 't'),
  // ayn and hamza marks of scholarly romanisation (Maʿarrat, Kataʾib): the matcher reads them as letters,
  // so a name written with an apostrophe does not find them by itself
  // (never the English possessive: "army's" is not "armyʿs")
  rule('ayn', "['’](?!s$)", 'ʿ'), rule('ayn', "['’](?!s$)", 'ʾ'),
];

/** Hiatus that news writes with an apostrophe for the hamza or ayn: Kataib / Kata'ib, Kataeb / Kata'eb. */
export const HIATUS = /(?<=[^aeiou]{1,2}[aeiou][^aeiou])([aeiu])([aei])(?=[^aeiou])/gi;

/**
 * Arabic name elements that English or French dictionaries also hold (abu, ras, tell, sham, ain): they are
 * spelled differently in every source, so they vary even though they look like common words.
 */
export const ARABIC_NAME_WORDS: ReadonlySet<string> = new Set([
  'abu', 'abou', 'umm', 'oum', 'bin', 'ibn', 'bani', 'beni', 'bab', 'ras', 'tell', 'tal', 'tall', 'ain', 'ayn',
  'jabal', 'jebel', 'deir', 'dayr', 'kafr', 'kfar', 'bayt', 'beit', 'bir', 'qasr', 'wadi', 'sheikh', 'shaykh',
  'sham', 'cham', 'jisr', 'khan', 'hayat', 'jaysh', 'jaish', 'harakat', 'liwa', 'saraya', 'kataib', 'ansar',
]);

/** Letters that take the assimilated article in romanisation: ash-Sham, ar-Raqqa, ez-Zor, ad-Dana. */
export const SUN_LETTERS = /^(sh|th|dh|[tdrzsnl])/i;

/** Article forms as written before a hyphen: al-, el-, and the assimilated ones (ez-, ar-, esh-). */
export const ARTICLE = /^(?:al|el|il|ul|[ae](?:sh|th|dh|[tdrzsn]))$/i;
