// Finds the entities of one document (title, summary, text) with the compiled matcher and explains
// each hit (alias, surface, offsets, snippet, path). Applies case rules, exclusions and containment.
import type { EntityKind, Lang } from '../entities/entity.js';
import { LANGS } from '../entities/entity.js';
import { FLAG_ACRONYM, FLAG_CASED, FLAG_EXCLUSION, type Matcher } from './compile-matcher.js';
import { scanText, type ScanHits } from './scan-text.js';
import { hasWrittenCase, isAllCapitals, isCapitalLatinWord } from './case-check.js';
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

/** Acronym hits written in capitals (candidates for the context check). */
function capitalAcronyms(m: Matcher, text: string, s: ScanHits): number[] {
  const out: number[] = [];
  for (let h = 0; h < s.count; h += 1) {
    if (m.payFlags[s.payload[h]!]! & FLAG_ACRONYM && isAllCapitals(text.slice(s.start[h], s.end[h]))) out.push(h);
  }
  return out;
}

/**
 * An acronym next to a Latin all-capitals word of >= 2 letters is ambiguous ("WARNING IS IN EFFECT"):
 * rejected. A neighbour that is itself a capitals acronym hit does not count (YPG/SDF, HTS-SDF).
 */
function inCapitalsRun(s: ScanHits, text: string, h: number, acronyms: number[]): boolean {
  for (const t of [s.startToken[h]! - 1, s.endToken[h]!]) {
    if (t < 0 || t >= s.tokenCount || !isCapitalLatinWord(text, s.tokenStart[t]!, s.tokenEnd[t]!)) continue;
    if (!acronyms.some((a) => s.startToken[a]! <= t && t < s.endToken[a]!)) return true;
  }
  return false;
}

/** Hits (indices into `s`) that pass the case rules, in scan order. */
function caseValid(m: Matcher, text: string, s: ScanHits): number[] {
  const acronyms = capitalAcronyms(m, text, s);
  const valid: number[] = [];
  for (let h = 0; h < s.count; h += 1) {
    const flags = m.payFlags[s.payload[h]!]!;
    if (flags & FLAG_ACRONYM) {
      if (!acronyms.includes(h) || inCapitalsRun(s, text, h, acronyms)) continue;
    } else if (flags & FLAG_CASED && !hasWrittenCase(text.slice(s.start[h], s.end[h]), m.payAlias[s.payload[h]!]!)) continue;
    valid.push(h);
  }
  return valid;
}

/** Per kept hit, its entity and token span, copied once so the pairwise checks below stay cheap. */
const view = { entity: new Int32Array(256), from: new Int32Array(256), to: new Int32Array(256) };

function loadView(m: Matcher, s: ScanHits, list: number[]): void {
  if (view.entity.length < list.length) {
    const size = Math.max(list.length, view.entity.length * 2);
    view.entity = new Int32Array(size); view.from = new Int32Array(size); view.to = new Int32Array(size);
  }
  list.forEach((h, k) => {
    view.entity[k] = m.payEntity[s.payload[h]!]!;
    view.from[k] = s.startToken[h]!;
    view.to[k] = s.endToken[h]!;
  });
}

/** Whether hit k of the view lies inside hit j (token spans). */
const insideView = (k: number, j: number): boolean => view.from[j]! <= view.from[k]! && view.to[k]! <= view.to[j]!;
const spanView = (k: number): number => view.to[k]! - view.from[k]!;

/** Keeps entity hits not inside an exclusion of the same entity, one per entity and covering span. */
function resolveHits(m: Matcher, text: string, s: ScanHits): number[] {
  const valid = caseValid(m, text, s);
  const isExclusion = (h: number): boolean => (m.payFlags[s.payload[h]!]! & FLAG_EXCLUSION) !== 0;
  loadView(m, s, valid);
  const exclusions: number[] = [];
  valid.forEach((h, k) => { if (isExclusion(h)) exclusions.push(k); });
  const candidates = valid.filter((h, k) => !isExclusion(h)
    && !exclusions.some((x) => view.entity[x] === view.entity[k] && insideView(k, x)));
  candidates.sort((a, b) => s.startToken[a]! - s.startToken[b]! || (s.endToken[b]! - s.startToken[b]!) - (s.endToken[a]! - s.startToken[a]!));
  // Same entity nested in itself (Deir ez-Zor inside Deir ez-Zor Governorate) adds nothing: keep the outer
  // (of two equal spans, the first).
  loadView(m, s, candidates);
  return candidates.filter((_, i) => {
    for (let j = 0; j < candidates.length; j += 1) {
      if (j === i || view.entity[j] !== view.entity[i] || !insideView(i, j)) continue;
      if (spanView(j) > spanView(i) || j < i) return false;
    }
    return true;
  });
}

/** Entity index of the longest kept hit of another entity strictly covering kept hit `i`, or -1 (view loaded). */
function coveringEntity(kept: number, i: number): number {
  let best = -1;
  for (let j = 0; j < kept; j += 1) {
    if (view.entity[j] === view.entity[i] || spanView(j) <= spanView(i) || !insideView(i, j)) continue;
    if (best < 0 || spanView(j) > spanView(best)) best = j;
  }
  return best < 0 ? -1 : view.entity[best]!;
}

function fieldMatches(m: Matcher, field: MatchField, text: string, lang: Lang): Match[] {
  const s = scanText(m, text);
  if (s.count === 0) return [];
  const kept = resolveHits(m, text, s);
  loadView(m, s, kept);
  // Built only now, for the hits that are reported: surfaces and snippets.
  return kept.map((h, i) => {
    const payload = s.payload[h]!;
    const start = s.start[h]!;
    const end = s.end[h]!;
    const info = m.entities[m.payEntity[payload]!]!;
    const cover = coveringEntity(kept.length, i);
    const match: Match = {
      entityId: info.entity.id, kind: info.kind, name: info.entity.names[lang], alias: m.payAlias[payload]!,
      surface: text.slice(start, end), field, start, end,
      snippet: makeSnippet(text, start, end), path: info.path, pathIds: info.pathIds,
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
