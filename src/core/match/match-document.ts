// Finds the entities of one document (title, summary, text) with the compiled matcher and explains
// each hit (alias, surface, offsets, snippet, path). Applies case rules, exclusions and containment.
import type { EntityKind, Lang } from '../entities/entity.js';
import { LANGS } from '../entities/entity.js';
import { FLAG_ACRONYM, FLAG_CASED, FLAG_EXCLUSION, type Matcher } from './compile-matcher.js';
import { scanText, type RawHit } from './scan-text.js';
import { hasWrittenCase, isAllCapitals } from './case-check.js';
import { makeSnippet } from './snippet.js';

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
}
export interface MatchedEntity { id: string; kind: EntityKind; name: string; path: string[] }
export interface MatchResult { matches: Match[]; entities: MatchedEntity[] }
export interface MatchDoc { title?: string; summary?: string; text?: string; lang?: string }

function docLang(lang: string | undefined): Lang {
  const primary = (lang ?? '').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : 'en';
}

function passesCase(m: Matcher, text: string, h: RawHit): boolean {
  const flags = m.payFlags[h.payload]!;
  if (flags & FLAG_ACRONYM) return isAllCapitals(text.slice(h.start, h.end));
  if (flags & FLAG_CASED) return hasWrittenCase(text.slice(h.start, h.end), m.payAlias[h.payload]!);
  return true;
}

const inside = (a: RawHit, b: RawHit): boolean => b.startToken <= a.startToken && a.endToken <= b.endToken;
const span = (h: RawHit): number => h.endToken - h.startToken;

/** Keeps entity hits not inside an exclusion of the same entity, one per entity and covering span. */
function resolveHits(m: Matcher, text: string, raw: RawHit[]): RawHit[] {
  const valid = raw.filter((h) => passesCase(m, text, h));
  const exclusions = valid.filter((h) => m.payFlags[h.payload]! & FLAG_EXCLUSION);
  const hits = valid.filter((h) => !(m.payFlags[h.payload]! & FLAG_EXCLUSION)
    && !exclusions.some((x) => m.payEntity[x.payload] === m.payEntity[h.payload] && inside(h, x)));
  hits.sort((a, b) => a.startToken - b.startToken || span(b) - span(a));
  // Same entity nested in itself (Deir ez-Zor inside Deir ez-Zor Governorate) adds nothing: keep the outer.
  return hits.filter((h, i) => !hits.some((g, j) => j !== i && m.payEntity[g.payload] === m.payEntity[h.payload]
    && inside(h, g) && (span(g) > span(h) || j < i)));
}

function coveringEntity(m: Matcher, hits: RawHit[], h: RawHit): number {
  let best: RawHit | undefined;
  for (const g of hits) {
    if (m.payEntity[g.payload] === m.payEntity[h.payload] || !inside(h, g) || span(g) <= span(h)) continue;
    if (!best || span(g) > span(best)) best = g;
  }
  return best ? m.payEntity[best.payload]! : -1;
}

function fieldMatches(m: Matcher, field: MatchField, text: string, lang: Lang): Match[] {
  const hits = resolveHits(m, text, scanText(m, text));
  return hits.map((h) => {
    const info = m.entities[m.payEntity[h.payload]!]!;
    const cover = coveringEntity(m, hits, h);
    const match: Match = {
      entityId: info.entity.id, kind: info.kind, name: info.entity.names[lang], alias: m.payAlias[h.payload]!,
      surface: text.slice(h.start, h.end), field, start: h.start, end: h.end,
      snippet: makeSnippet(text, h.start, h.end), path: info.path, pathIds: info.pathIds,
    };
    if (cover >= 0) match.suppressedBy = m.entities[cover]!.entity.id;
    return match;
  });
}

export function matchDocument(matcher: Matcher, doc: MatchDoc, opts: { fields?: MatchField[] } = {}): MatchResult {
  const lang = docLang(doc.lang);
  const matches: Match[] = [];
  for (const field of opts.fields ?? MATCH_FIELDS) {
    const text = doc[field];
    if (text) matches.push(...fieldMatches(matcher, field, text, lang));
  }
  const entities: MatchedEntity[] = [];
  const seen = new Set<string>();
  for (const mt of matches) {
    if (mt.suppressedBy !== undefined || seen.has(mt.entityId)) continue;
    seen.add(mt.entityId);
    entities.push({ id: mt.entityId, kind: mt.kind, name: mt.name, path: mt.path });
  }
  return { matches, entities };
}
