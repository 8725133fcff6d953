// Every alias of one entity with where it came from (data, hand, generated, former, generic) and how it
// counts (ok, ambiguous with why, generic, acronym). `vigie entities show` prints it; the matcher
// compiler reads the same rows for its payload flags and reasons, so what the page shows is what the
// matcher does. Pure, one pass.
import type { Entity } from './entity.js';
import { LANGS, type Lang } from './langs.js';

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

/**
 * Actor types whose every name needs context: a state, an alliance of states (NATO) or an international
 * body is an actor only when it or its forces act in the text (EVAL.md), not when a page merely names
 * it ("talks in Washington", "NATO member Turkey").
 */
export const ACTS_ONLY_TYPES: ReadonlySet<string> = new Set(['state', 'alliance', 'international', 'party']);
export const ACTS_ONLY_REASON = 'state: counts when it acts';
/** A political party is an actor where it or its forces act (EVAL.md: armed groups, state or military
 * actors), not where it is named in politics (talks, elections, statements). */
export const PARTY_REASON = 'party: counts when it acts';
export const INTERNATIONAL_REASON = 'international: counts when its forces are named';
export const MINOR_PLACE_REASON = 'minor place';

export function actsOnly(e: Entity): boolean {
  return e.kind === 'actor' && e.type !== undefined && ACTS_ONLY_TYPES.has(e.type);
}

/** A village or neighbourhood the gazetteer marks minor (any of its names marked "minor place"). */
export function isMinorPlace(e: Entity): boolean {
  if (e.kind !== 'region' || !e.ambiguous) return false;
  for (const reason of Object.values(e.ambiguous)) if (reason.startsWith(MINOR_PLACE_REASON)) return true;
  return false;
}

/** Why one alias needs context, or undefined when it counts alone. */
function reasonOf(e: Entity, alias: string, origin: AliasOrigin, actsReason: string | undefined, minor: boolean): string | undefined {
  if (origin === 'generic') return undefined;
  // A state's own rule comes first (the matcher reads the reason's head); a mark of its own is kept after.
  if (actsReason !== undefined) return e.ambiguous?.[alias] === undefined ? actsReason : `${actsReason}; ${e.ambiguous[alias]}`;
  // A generated spelling of a minor place is as weak as the place's own names.
  return e.ambiguous?.[alias] ?? (origin === 'generated' && minor ? `${MINOR_PLACE_REASON} (generated spelling)` : undefined);
}

/** Rows in a fixed order: per language (en, fr, ar) the canonical name, aliases, former names, generic
 * references, generated variants; then acronyms. An alias written twice in one language is listed once,
 * with its first origin. */
export function aliasTable(e: Entity): AliasRow[] {
  const hand = new Set(e.hand ?? []);
  const actsReason = actsOnly(e) ? (e.type === 'international' ? INTERNATIONAL_REASON : e.type === 'party' ? PARTY_REASON : ACTS_ONLY_REASON) : undefined;
  const minor = isMinorPlace(e);
  const rows: AliasRow[] = [];
  const seen = new Set<string>();
  const push = (alias: string, lang: AliasLang, origin: AliasOrigin): void => {
    const key = `${lang}\u0000${alias}`;
    if (seen.has(key)) return;
    seen.add(key);
    const reason = reasonOf(e, alias, origin, actsReason, minor);
    const status: AliasStatus = origin === 'generic' ? 'generic' : reason !== undefined ? 'ambiguous' : lang === 'acronym' ? 'acronym' : 'ok';
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
