// Finds the entities of one document (title, summary, text) with the compiled matcher and explains
// each hit (alias, surface, offsets, snippet, path). Case rules, exclusions and containment decide which
// scan hits are reported (resolve-hits.ts).
import type { EntityKind, Lang } from '../entities/entity.js';
import { LANGS } from '../entities/entity.js';
import type { Matcher } from './compile-matcher.js';
import { scanText } from './scan-text.js';
import { coveringEntity, EntityMarks, kept, resolveHits } from './resolve-hits.js';
import { snippetOf } from './snippet.js';

export type MatchField = 'title' | 'summary' | 'text';
export const MATCH_FIELDS: readonly MatchField[] = ['title', 'summary', 'text'];

export interface Match {
  entityId: string;
  kind: EntityKind;
  /** Canonical name in the document's language if known, else English. */
  name: string;
  alias: string;
  surface: string;
  field: MatchField;
  start: number;
  end: number;
  snippet: string;
  path: string[];
  pathIds: string[];
  /** Set when a longer alias of another entity covers this hit (Kataib Hezbollah > Hezbollah). */
  suppressedBy?: string;
  /** Why an alias that needs context counted (ambiguous or generic alias): the evidence found. */
  evidence?: string;
  /** Set on an ambiguous or generic hit that found no evidence: reported for explanation only, its
   * entity is not in `entities` on its account. */
  unconfirmed?: string;
}
export interface MatchedEntity { id: string; kind: EntityKind; name: string; path: string[] }
export interface MatchResult { matches: Match[]; entities: MatchedEntity[] }
export interface MatchDoc { title?: string; summary?: string; text?: string; lang?: string }

function docLang(lang: string | undefined): Lang {
  const primary = (lang ?? '').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : 'en';
}

/**
 * What a match reports of one entity, flat: one object per entity instead of the chain
 * entities[e].entity.names[lang] (fewer dependent loads per match, which at 10k+ entities miss the
 * cache). `owner`: the first entity index with the same id (the entity list names each id once).
 */
interface EntityFacts { id: string; kind: EntityKind; en: string; fr: string; ar: string; path: string[]; pathIds: string[]; owner: number }

/** Built once per matcher, on its first document (a compiled matcher's entities do not change). */
const factsOf = new WeakMap<Matcher, EntityFacts[]>();

function entityFacts(m: Matcher): EntityFacts[] {
  let facts = factsOf.get(m);
  if (facts === undefined) {
    const owners = new Map<string, number>();
    facts = m.entities.map(({ entity, kind, path, pathIds }, e) => {
      if (!owners.has(entity.id)) owners.set(entity.id, e);
      const { en, fr, ar } = entity.names;
      return { id: entity.id, kind, en, fr, ar, path, pathIds, owner: owners.get(entity.id)! };
    });
    factsOf.set(m, facts);
  }
  return facts;
}

const nameIn = (f: EntityFacts, lang: Lang): string => (lang === 'en' ? f.en : lang === 'fr' ? f.fr : f.ar);

/** Entities (by owner) the document lists already. */
const listed = new EntityMarks();

/** Appends the matches of one field to `out`, and the entities its unsuppressed matches show first. */
function fieldMatches(m: Matcher, facts: EntityFacts[], field: MatchField, text: string, lang: Lang, out: MatchResult): void {
  const s = scanText(m, text);
  if (s.count === 0) return;
  resolveHits(m, text, s);
  // Built only now, for the hits that are reported: surfaces and snippets.
  for (let k = 0; k < kept.count; k += 1) {
    const h = kept.list[k]!;
    const payload = s.payload[h]!;
    const start = s.start[h]!;
    const end = s.end[h]!;
    const f = facts[m.payEntity[payload]!]!;
    const cover = coveringEntity(m, s, k);
    const surface = text.slice(start, end);
    const match: Match = {
      entityId: f.id, kind: f.kind, name: nameIn(f, lang), alias: m.payAlias[payload]!,
      surface, field, start, end, snippet: snippetOf(text, start, end, surface), path: f.path, pathIds: f.pathIds,
    };
    out.matches.push(match);
    if (cover >= 0) {
      match.suppressedBy = facts[cover]!.id;
    } else if (!listed.has(f.owner)) {
      listed.set(f.owner);
      out.entities.push({ id: f.id, kind: f.kind, name: match.name, path: f.path });
    }
  }
}

export function matchDocument(matcher: Matcher, doc: MatchDoc, opts: { fields?: MatchField[] } = {}): MatchResult {
  const lang = docLang(doc.lang);
  const facts = entityFacts(matcher);
  const result: MatchResult = { matches: [], entities: [] };
  listed.begin(matcher.entityCount);
  for (const field of opts.fields ?? MATCH_FIELDS) {
    const text = doc[field];
    if (text) fieldMatches(matcher, facts, field, text, lang, result);
  }
  return result;
}
