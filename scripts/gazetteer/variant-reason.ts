// Why an alias counts only with evidence: another entity's name, the gazetteer's stop list, a common
// word of English, French or Arabic, a short Latin form. Pure: the word lists come in as a WordCheck.
import { LANGS, type Entity } from '../../src/core/entities/entity.js';
import { aliasKeys } from '../../src/core/entities/variants/alias-signature.js';

export interface WordCheck {
  /** Why a one-word matcher key is a common word, or undefined. */
  reason(key: string): string | undefined;
  /** Whether a Latin word is a dictionary word, left as written in variants. */
  known(key: string): boolean;
}

/** The common-word reason of a written alias: one of its one-word keys is a common word. */
function commonReason(alias: string, words: WordCheck): string | undefined {
  for (const key of aliasKeys(alias)) {
    if (!key.includes(' ')) {
      const r = words.reason(key);
      if (r) return r;
    }
  }
  return undefined;
}

/** Entities written by hand (actors.yaml: no open-data source) chose every alias knowingly. */
function fromOpenData(e: Entity): boolean {
  return (e.sources ?? []).some((s) => s !== 'hand');
}

/** Data aliases (not hand-added, not canonical names) that are common words. */
export function dataAliasReasons(e: Entity, words: WordCheck): Record<string, string> {
  if (!fromOpenData(e)) return {};
  // A minor place's names, its canonical ones included, are re-marked when they are everyday words
  // (a village called على "on", شرقي "eastern"): "minor place" alone would let a unit word confirm them.
  const minor = Object.values(e.ambiguous ?? {}).some((r) => r.startsWith('minor place'));
  const exempt = new Set([...(minor ? [] : LANGS.map((l) => e.names[l])), ...(e.hand ?? [])]);
  const out: Record<string, string> = {};
  for (const l of LANGS) {
    for (const a of new Set([e.names[l], ...(e.aliases[l] ?? [])])) {
      const existing = e.ambiguous?.[a];
      if (exempt.has(a) || (existing !== undefined && !(minor && existing.startsWith('minor place')))) continue;
      const r = commonReason(a, words);
      if (r) out[a] = r;
    }
  }
  return out;
}

function sameAs(others: string[]): string {
  const shown = others.slice(0, 3).join(', ');
  return others.length > 3 ? `same as ${shown} (+${others.length - 3} more)` : `same as ${shown}`;
}

/** Latin forms shorter than this are mostly other languages' words (Tal, Bab, Sam): the gazetteer
 * build drops such data strings, so a generated one counts only with evidence. */
export const MIN_LATIN_LETTERS = 5;

/** Why a generated variant is ambiguous: another entity's name first, then the stop list, a common
 * word, a short Latin form. */
export function variantReason(v: string, others: string[], words: WordCheck, stopKeys: ReadonlySet<string>): string | undefined {
  if (others.length > 0) return sameAs(others);
  if (stopKeys.has(aliasKeys(v)[0] ?? '')) return 'stop-listed (news-spellings.yaml stopAliases)';
  const common = commonReason(v, words);
  if (common) return common;
  const letters = v.replace(/[^\p{L}]/gu, '');
  return /^\p{Script=Latin}+$/u.test(letters) && letters.length < MIN_LATIN_LETTERS ? `short Latin form (under ${MIN_LATIN_LETTERS} letters)` : undefined;
}

