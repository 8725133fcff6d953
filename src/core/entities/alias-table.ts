// Every alias of one entity with where it came from (data, hand, generated, former, generic) and how it
// counts (ok, ambiguous with why, generic, acronym). `vigie entities show` prints it; the matcher
// compiler reads the same rows for its payload flags, so the order and fields are stable. Pure, one pass.
import { LANGS, type Entity, type Lang } from './entity.js';

export type AliasLang = Lang | 'acronym';
export type AliasOrigin = 'data' | 'hand' | 'generated' | 'former' | 'generic';
export type AliasStatus = 'ok' | 'ambiguous' | 'generic' | 'acronym';

export interface AliasRow {
  alias: string;
  lang: AliasLang;
  origin: AliasOrigin;
  status: AliasStatus;
  /** Why the alias is ambiguous (a common word, another entity's name), from entity.ambiguous. */
  reason?: string;
}

/** Rows in a fixed order: per language (en, fr, ar) the canonical name, aliases, former names, generic
 * references, generated variants; then acronyms. An alias written twice in one language is listed once,
 * with its first origin. */
export function aliasTable(e: Entity): AliasRow[] {
  const hand = new Set(e.hand ?? []);
  const rows: AliasRow[] = [];
  const seen = new Set<string>();
  const push = (alias: string, lang: AliasLang, origin: AliasOrigin): void => {
    const key = `${lang}\u0000${alias}`;
    if (seen.has(key)) return;
    seen.add(key);
    const reason = e.ambiguous?.[alias];
    const status: AliasStatus = reason !== undefined ? 'ambiguous' : origin === 'generic' ? 'generic' : lang === 'acronym' ? 'acronym' : 'ok';
    rows.push(reason !== undefined ? { alias, lang, origin, status, reason } : { alias, lang, origin, status });
  };
  for (const lang of LANGS) {
    push(e.names[lang], lang, hand.has(e.names[lang]) ? 'hand' : 'data');
    for (const a of e.aliases[lang] ?? []) push(a, lang, hand.has(a) ? 'hand' : 'data');
    for (const a of e.former?.[lang] ?? []) push(a, lang, 'former');
    for (const a of e.generic?.[lang] ?? []) push(a, lang, 'generic');
    for (const a of e.generated?.[lang] ?? []) push(a, lang, 'generated');
  }
  for (const a of e.acronyms) push(a, 'acronym', hand.has(a) ? 'hand' : 'data');
  return rows;
}
