// Finds the entities of one document (title, summary, text) with the compiled matcher and explains
// each hit (alias, surface, offsets, snippet, path). Case rules, exclusions and containment decide which
// scan hits are reported (resolve-hits.ts).
import type { EntityKind, Lang } from '../entities/entity.js';
import { LANGS } from '../entities/langs.js';
import { FLAG_GENERIC, FLAG_NEEDS_CONTEXT, type Matcher } from './compile-matcher.js';
import { decide, LOCAL_SIGN, NAMED, NEARBY, strength, type Established, type PendingHit, type Verdict } from './confirm-context.js';
import { notAnArabicName, abroadAfter, setInUsOnly, afterAssadCue, insideOtherName, LazyWords, offTopicWords, saysCity, cityWordBefore, seatUnitWord, writtenAsLocation } from './context-words.js';
import { indexSentences, sentences } from './sentence-index.js';
import { scanText } from './scan-text.js';
import { coveringEntity, EntityMarks, kept, resolveHits } from './resolve-hits.js';
import { snippetOf } from './snippet.js';
import { isArabicStart } from './arabic-variants.js';
import { nameKey } from './entity-graph.js';
import type { EntityFacts, EntityFactsTable } from './entity-facts.js';

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
export interface MatchResult {
  matches: Match[];
  entities: MatchedEntity[];
  /** Hits that did not count: ambiguous or generic aliases without evidence, places inside an outlet,
   * institution or road name. Each says why (`unconfirmed`). Absent when there are none. */
  unconfirmed?: Match[];
}
export interface MatchDoc { title?: string; summary?: string; text?: string; lang?: string }

function docLang(lang: string | undefined): Lang {
  const primary = (lang ?? '').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : 'en';
}

const nameIn = (f: EntityFacts, lang: Lang): string => (lang === 'en' ? f.en : lang === 'fr' ? f.fr : f.ar);

/** Entities (by owner) the document lists already. */
const listed = new EntityMarks();

/** Seat towns the document names plainly as towns, with the units they seat (district, governorate). */
const seatsNamed = new Map<string, string[]>();

/** Entities of a dated era (a `period`) the document names plainly, with the words: they date an undated text. */
let namedEras: Array<{ id: string; period: { from?: number; to?: number }; surface: string }> = [];

/** The governorate or district a seat town's hit stands for ("province de Lattaquié"), or -1. */
function seatTarget(m: Matcher, e: number, text: string, start: number, end: number): number {
  const gov = m.seats.governorate[e]!;
  const district = m.seats.district[e]!;
  if (gov < 0 && district < 0) return -1;
  // "ريف مدينة القامشلي", "the city of Idlib": a name that says "city" is the town whatever surrounds it.
  if (saysCity(text.slice(start, end))) return -1;
  // "ريف إدلب الجنوبي قرب مدينة معرة النعمان": the countryside word is the other town's; this one is a city.
  if (cityWordBefore(text, start)) return -1;
  const word = seatUnitWord(text, start, end);
  if (word === undefined) return -1;
  // "province de X" is a unit; "région de X" / "ريف X" is the area around the town: the governorate
  // when X seats one, else the district it seats (EVAL.md labels "ريف القامشلي" as the district).
  return gov >= 0 ? gov : district;
}

/** Characters around a state's name searched for what it does. */
const ACTS_WINDOW = 80;

/** A context-dependent hit waiting for the whole document, with what its own field told about it. */
interface Pending {
  match: Match; facts: EntityFacts; hit: PendingHit; sentStart: number; sentEnd: number;
  /** The text of the hit's field. */
  text: string;
  /** The plain match of another entity on the same words, if any: the two readings are weighed. */
  rival?: Match;
}

/** [start, end) of the sentence holding [from, to) in the text the sentence index holds. */
function sentenceAround(text: string, from: number, to: number): [number, number] {
  indexSentences(text);
  let start = 0;
  let end = text.length;
  for (let k = 0; k < sentences.endCount; k += 1) {
    const e = sentences.ends[k]!;
    if (e < from) start = e + 1;
    else if (e >= to) { end = e + 1; break; }
  }
  return [start, end];
}

function pendingOf(m: Matcher, f: EntityFacts, payload: number, text: string, match: Match): Pending {
  const [sentStart, sentEnd] = sentenceAround(text, match.start, match.end);
  // A state acts in the clause around its name ("Israeli jets struck"), not anywhere in a long sentence.
  const words = f.actsOnly
    ? new LazyWords(text, Math.max(sentStart, match.start - ACTS_WINDOW), Math.min(sentEnd, match.end + ACTS_WINDOW), match.start, match.end)
    : new LazyWords(text, sentStart, sentEnd, match.start, match.end);
  const generic = (m.payFlags[payload]! & FLAG_GENERIC) !== 0;
  const reason = generic ? 'generic reference' : m.payReason.at(payload) ?? 'ambiguous';
  return {
    match, facts: f, sentStart, sentEnd, text, rival: undefined,
    hit: {
      id: f.id, kind: f.kind, pathIds: f.pathIds, generic, reason, establishedBy: f.establishedBy, period: f.period,
      aliasKey: generic ? nameKey(match.alias) : '',
      words, sentenceNeighbour: undefined,
    },
  };
}

function setAside(out: MatchResult, match: Match, why: string): void {
  match.unconfirmed = why;
  (out.unconfirmed ??= []).push(match);
}

/**
 * Appends the matches of one field to `out` and the entities its plain matches show first; hits of
 * context-dependent aliases go to `pending` (decided once the document is read).
 */
function fieldMatches(m: Matcher, facts: EntityFactsTable, field: MatchField, text: string, lang: Lang, out: MatchResult, pending: Pending[]): void {
  const s = scanText(m, text);
  if (s.count === 0) return;
  resolveHits(m, text, s);
  const firstPlain = out.matches.length;
  const firstPending = pending.length;
  // Built only now, for the hits that are reported: surfaces and snippets.
  for (let k = 0; k < kept.count; k += 1) {
    const h = kept.list[k]!;
    const payload = s.payload[h]!;
    const start = s.start[h]!;
    const end = s.end[h]!;
    const e = m.payEntity[payload]!;
    const seat = seatTarget(m, e, text, start, end);
    const f = facts.at(seat < 0 ? e : seat)!;
    const cover = coveringEntity(m, s, k);
    const surface = text.slice(start, end);
    const match: Match = {
      entityId: f.id, kind: f.kind, name: nameIn(f, lang), alias: m.payAlias.at(payload),
      surface, field, start, end, snippet: snippetOf(text, start, end, surface), path: f.path, pathIds: f.pathIds,
    };
    if (cover >= 0) {
      match.suppressedBy = facts.at(cover)!.id;
      out.matches.push(match);
      continue;
    }
    const inName = f.kind === 'region'
      ? insideOtherName(text, start, end) ?? abroadOf(text, end) ?? (isArabicStart(surface.charCodeAt(surface.length - 1)) ? notAnArabicName(text, start, end, match.alias) : undefined)
      : undefined;
    if (inName) setAside(out, match, inName);
    else if (m.payFlags[payload]! & FLAG_NEEDS_CONTEXT) pending.push(pendingOf(m, f, payload, text, match));
    else {
      out.matches.push(match);
      if (f.period !== undefined && !namedAsFormer(text, start, end)) namedEras.push({ id: f.id, period: f.period, surface });
      if (seat < 0 && (m.seats.governorate[e]! >= 0 || m.seats.district[e]! >= 0) && !seatsNamed.has(f.id)) {
        seatsNamed.set(f.id, [m.seats.governorate[e]!, m.seats.district[e]!].filter((u) => u >= 0).map((u) => facts.at(u)!.id));
      }
      if (!listed.has(f.owner)) {
        listed.set(f.owner);
        out.entities.push({ id: f.id, kind: f.kind, name: match.name, path: f.path });
      }
    }
  }
  // What only this field can tell a pending hit: a plain hit on the same words (then the plain reading
  // wins), or one in its sentence. The field's plain matches are in start order: each pending hit
  // reads only those of its sentence.
  const plain = out.matches;
  for (let p = firstPending; p < pending.length; p += 1) {
    const { match, hit, sentStart, sentEnd } = pending[p]!;
    let lo = firstPlain;
    for (let hi = plain.length; lo < hi;) {
      const mid = (lo + hi) >>> 1;
      if (plain[mid]!.start < sentStart) lo = mid + 1; else hi = mid;
    }
    for (let i = lo; i < plain.length && plain[i]!.start < sentEnd; i += 1) {
      const other = plain[i]!;
      if (other.suppressedBy !== undefined || other.entityId === match.entityId) continue;
      if (other.start === match.start && other.end === match.end) { pending[p]!.rival = other; continue; }
      if (other.start >= sentStart && other.end <= sentEnd) hit.sentenceNeighbour ??= other.entityId;
    }
  }
}

/** What the plain matches established: ids, their path ids, the countries of the regions. */
/** The latest year from 1990 to 2039 the document writes ("date 2025-03", "en 2019", "عام 2024"). */
function latestYear(doc: MatchDoc): number | undefined {
  let latest: number | undefined;
  for (const field of MATCH_FIELDS) {
    const text = doc[field];
    if (!text) continue;
    for (const m of text.matchAll(/(?<![\p{N}])(?:199\d|20[0-3]\d)(?![\p{N}])/gu)) {
      const y = Number(m[0]);
      if (latest === undefined || y > latest) latest = y;
    }
  }
  return latest;
}

function establishedOf(out: MatchResult, doc: MatchDoc, pending: readonly Pending[]): Established {
  const est: Established = { ids: new Set(), plainAliases: [], regionIds: new Set(), seatedUnits: new Set(), pathIds: new Set(), countries: new Set(), hasWatched: false, year: undefined };
  for (const units of seatsNamed.values()) for (const u of units) est.seatedUnits.add(u);
  for (const e of out.entities) if (e.kind === 'region') est.regionIds.add(e.id);
  // Read only when a generic reference depends on it (most documents have none).
  const generic = pending.some((p) => p.hit.generic);
  if (generic && pending.some((p) => p.hit.generic && p.hit.period !== undefined)) est.year = latestYear(doc);
  for (const e of out.entities) est.ids.add(e.id);
  let previous: readonly string[] | undefined;
  for (const match of out.matches) {
    if (match.suppressedBy !== undefined) continue;
    if (generic && match.kind === 'actor') est.plainAliases.push([nameKey(match.alias), match.entityId, match.pathIds]);
    // An entity named again adds nothing (its path is the same array): skip the set work.
    if (match.pathIds === previous) continue;
    previous = match.pathIds;
    for (const id of match.pathIds) est.pathIds.add(id);
    // A country is a region without parents: it gives a focus, not a watched place.
    if (match.kind === 'region') est.countries.add(match.pathIds[match.pathIds.length - 1]!);
    if (match.kind !== 'region' || match.pathIds.length > 1) est.hasWatched = true;
  }
  // No year written, or an earlier one (a look back at 2011): words such as "فلول النظام" or "the
  // former regime" date the text after the fall of Assad.
  if (generic && (est.year === undefined || est.year < AFTER_ASSAD_YEAR) && pending.some((p) => p.hit.period !== undefined)) {
    const cue = afterAssadCue(MATCH_FIELDS.map((f) => doc[f] ?? '').join('\n'), est.countries.has('sy'));
    if (cue !== undefined) { est.year = AFTER_ASSAD_YEAR; est.yearCue = cue; }
  }
  if (generic && est.year === undefined) datedByNamedEra(est);
  return est;
}

// "the former Old Guard", "l'ancien régime", "النظام السابق": the new era naming the old one.
const FORMER_BEFORE = /(?:^|[^\p{L}])(?:former|ex|ousted|fallen|deposed|toppled|defunct|ancien|ancienne|anciens|anciennes|d[ée]funt|d[ée]funte)[\s-]+(?:\p{L}+\s+)?$/iu;
const FORMER_AFTER_AR = /^\s+(?:ال)?(?:سابق|سابقة|بائد|بائدة|مخلوع|مخلوعة|منحل|منحلة)(?![\u0621-\u064a])/u;
const namedAsFormer = (text: string, start: number, end: number): boolean =>
  FORMER_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || FORMER_AFTER_AR.test(text.slice(end, end + 12));

/**
 * An undated text that names, by its own name, an entity of one era only ("the Assad regime", "قوات
 * النظام" before December 2024; "the transitional government" after) is of that era: its generic words
 * ("government forces", "الجيش السوري") name that era's entity. Entities of both eras named: no date.
 */
function datedByNamedEra(est: Established): void {
  // "the former Syrian regime", "النظام السوري السابق" (aliases of their own) name the old era from the new one.
  namedEras = namedEras.filter((n) => afterAssadCue(n.surface, true) === undefined);
  const closed = namedEras.find((n) => n.period.to !== undefined);
  const open = namedEras.find((n) => n.period.from !== undefined);
  if ((closed === undefined) === (open === undefined)) return;
  const n = (closed ?? open)!;
  est.year = closed !== undefined ? Math.max(...namedEras.map((x) => x.period.to!)) : Math.min(...namedEras.map((x) => x.period.from!));
  est.yearCue = n.surface;
  est.yearSide = closed !== undefined ? 'before' : 'after';
  est.yearCueId = n.id;
}

/** The first year of the Syrian entities that replaced the Assad regime's (their `period.from`). */
const AFTER_ASSAD_YEAR = 2025;

/**
 * A context-dependent hit on the same words as a plain hit of another entity (two places of one name):
 * it takes the words only when its own parent place is named and the plain entity's is not.
 */
function contest(p: Pending, est: Established): Verdict {
  const rival = p.rival!;
  const verdict = decide(p.hit, est);
  const rivalParent = rival.pathIds.slice(1, -1).find((id) => est.ids.has(id));
  if (verdict.counts && verdict.evidence.startsWith('its ') && rivalParent === undefined) return verdict;
  return { counts: false, why: `same words as ${rival.entityId}, which counts without context${rivalParent ? ` (its parent ${rivalParent} is named)` : ''}` };
}

/** Ancestors of a place below its governorate (district, sub-district, town for a neighbourhood). */
const localAncestors = (pathIds: readonly string[]): readonly string[] => pathIds.slice(1, -2);

/**
 * A minor place named next to another minor place of the same district that counts by its own evidence: "Kansafra, al-Fatira and Banin" once one of them is known. Spreads along such a list.
 */
function supportNeighbours(pending: readonly Pending[], verdicts: Verdict[]): void {
  // Anchors are other minor places that counted: a big town names its district too often to vouch for
  // every village of it whose name is also a word.
  const anchors: Array<{ field: MatchField; start: number; id: string; local: readonly string[] }> = [];
  pending.forEach((p, k) => {
    if (verdicts[k]!.counts && p.hit.kind === 'region') anchors.push({ field: p.match.field, start: p.match.start, id: p.hit.id, local: localAncestors(p.hit.pathIds) });
  });
  clusterAnchors(pending, verdicts, anchors);
  for (let grew = true; grew;) {
    grew = false;
    for (let k = 0; k < pending.length; k += 1) {
      const p = pending[k]!;
      if (verdicts[k]!.counts || p.hit.kind !== 'region' || p.hit.generic || p.rival || /^common word/.test(p.hit.reason)) continue;
      const mine = localAncestors(p.hit.pathIds);
      const anchor = anchors.find((a) => a.field === p.match.field && a.id !== p.hit.id && Math.abs(a.start - p.match.start) <= 200
        && a.local.some((id) => mine.includes(id) || id === p.hit.id) || (a.field === p.match.field && mine.includes(a.id) && Math.abs(a.start - p.match.start) <= 200));
      if (!anchor) continue;
      verdicts[k] = { counts: true, evidence: `named next to ${anchor.id}, a place of the same district`, strength: NAMED };
      anchors.push({ field: p.match.field, start: p.match.start, id: p.hit.id, local: mine });
      grew = true;
    }
  }
}

/** What may stand between two names of a list: commas, "and", "et", و (fused to the next name in Arabic). */
const LIST_GAP = /^[\s,،؛]*(?:(?:and|et|or|ou|و)\s+)?$/u;
const CLUSTER_MIN = 3;

/**
 * A list of minor places ("داديخ والملاجة وأورم الصغرى", "Kansafra, Fatira and Banin"), at least three
 * distinct names of which are places of one district or sub-district: a list no other reading explains
 * (person names and everyday words do not line up as villages of one district by chance). Those count,
 * and anchor the neighbours rule.
 */
function clusterAnchors(pending: readonly Pending[], verdicts: Verdict[], anchors: Array<{ field: MatchField; start: number; id: string; local: readonly string[] }>): void {
  const candidates: number[] = [];
  pending.forEach((p, k) => {
    if (!verdicts[k]!.counts && p.hit.kind === 'region' && !p.hit.generic && !p.rival && /^minor place/.test(p.hit.reason)) candidates.push(k);
  });
  if (candidates.length < CLUSTER_MIN) return;
  const at = (k: number): Match => pending[k]!.match;
  candidates.sort((a, b) => at(a).field.localeCompare(at(b).field) || at(a).start - at(b).start);
  // Runs of hits separated by list punctuation only (hits on the same words stay in one run).
  const runs: number[][] = [];
  for (const k of candidates) {
    const run = runs[runs.length - 1];
    const last = run === undefined ? undefined : at(run[run.length - 1]!);
    const m = at(k);
    const joined = last !== undefined && last.field === m.field && (m.start <= last.end
      || (m.start - last.end <= 12 && LIST_GAP.test(pending[k]!.text.slice(last.end, m.start))));
    if (joined) run!.push(k); else runs.push([k]);
  }
  for (const run of runs) {
    const units = new Map<string, Set<string>>();
    for (const k of run) for (const unit of localAncestors(pending[k]!.hit.pathIds)) {
      if (!units.has(unit)) units.set(unit, new Set());
      units.get(unit)!.add(at(k).alias);
    }
    for (const k of run) {
      const p = pending[k]!;
      const unit = localAncestors(p.hit.pathIds).find((u) => units.get(u)!.size >= CLUSTER_MIN);
      if (unit === undefined) continue;
      verdicts[k] = { counts: true, evidence: `listed with ${units.get(unit)!.size - 1} other places of ${unit}`, strength: NEARBY };
      anchors.push({ field: p.match.field, start: p.match.start, id: p.hit.id, local: localAncestors(p.hit.pathIds) });
    }
  }
}

/** Characters after a place in which its own district or governorate, named, locates it. */
const LOCATED_WITHIN = 48;

/** Words that may stand between a place and the unit that locates it: prepositions, compass points,
 * unit words ("in the west of the governorate of", "بريف", "بمحافظة"). Anything else is another clause. */
const LOCATING_WORDS = new Set(['in', 'near', 'of', 'at', 'the', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western',
  'part', 'parts', 'partie', 'and', 'et', 'countryside', 'province', 'governorate', 'district', 'region', 'area', 'dans', 'de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'près', 'au',
  'à', 'en', 'nord', 'sud', 'est', 'ouest', 'province', 'gouvernorat', 'région', 'campagne', 'في', 'ب', 'من', 'قرب', 'ريف', 'بريف', 'محافظة',
  'بمحافظة', 'منطقة', 'بمنطقة', 'قضاء', 'بقضاء', 'شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي']);

function locatingGap(gap: string): boolean {
  if (/[.!?؟\n]/u.test(gap)) return false;
  // Arabic fuses "and" to the next word: "شمال وغرب حلب".
  return gap.toLowerCase().split(/[^\p{L}]+/u).every((w) => w === '' || LOCATING_WORDS.has(w) || (w.startsWith('و') && LOCATING_WORDS.has(w.slice(1))));
}

/** The text between a place and what may locate it, other places' names blanked: "Ankawi and Qulaydin in
 * Sahl al-Ghab, north-west of Hama" locates both villages (the list and the area stand between). */
function gapWithoutPlaces(out: MatchResult, pending: readonly Pending[], field: MatchField, text: string, from: number, to: number): string {
  let gap = text.slice(from, to);
  const blank = (m: Match): void => {
    if (m.field !== field || m.kind !== 'region' || m.start < from || m.end > to) return;
    gap = gap.slice(0, m.start - from) + ' '.repeat(m.end - m.start) + gap.slice(m.end - from);
  };
  for (const m of out.matches) blank(m);
  for (const p of pending) blank(p.match);
  return gap;
}

/** The named place locates a place under `ancestors`: it is one of them, or the seat town of one (Idlib for Idlib Governorate). */
const locates = (id: string, ancestors: readonly string[]): boolean =>
  ancestors.includes(id) || (seatsNamed.get(id)?.some((u) => ancestors.includes(u)) ?? false);

/**
 * A village or a shared name followed at once by its own district or governorate ("Kafr Hamra, dans
 * l'ouest du gouvernorat d'Alep", "بصر الحرير بمحافظة درعا", "X in the Idlib countryside"): the text
 * places it, as a unit word would. Not for names that are also words.
 */
function locatedAfter(out: MatchResult, pending: readonly Pending[], verdicts: Verdict[]): void {
  pending.forEach((p, k) => {
    if (verdicts[k]!.counts || p.hit.kind !== 'region' || p.hit.generic || p.rival) return;
    if (!/^(?:minor place|same name)/.test(p.hit.reason)) return;
    const { field, end } = p.match;
    const ancestors = p.hit.pathIds.slice(1, -1);
    const after = out.matches.find((m) => m.field === field && m.suppressedBy === undefined && m.start >= end
      && m.start - end <= LOCATED_WITHIN && locates(m.entityId, ancestors) && locatingGap(gapWithoutPlaces(out, pending, field, p.text, end, m.start)));
    if (after !== undefined) verdicts[k] = { counts: true, evidence: `located by its ${after.entityId} named right after it («${after.surface}»)`, strength: LOCAL_SIGN };
  });
}

/** What separates two items of a list: a comma, "and"/"et"/"or"/"ou", or و fused to the next name. */
const LIST_SEPARATOR = /^\s*[,،؛]\s*(?:(?:and|et|or|ou)\s+)?$|^\s+(?:and|et|or|ou)\s+$/u;
const LIST_MAX_GAP = 12;
/** Places of a list that count plainly (or by evidence) before a doubtful item of the list counts. */
const LIST_SUPPORT = 2;

/**
 * An item of a list of places ("قرى شمع، طيرحرفا، الناقورة، ودبل", "Kansafra, Kafr Nabl and Hass")
 * whose name is also a word, or a village without its district named, counts when at least two other
 * items count and lie in its country: a word does not stand between commas among villages by chance.
 * Two places of the item's name: the one whose governorate the list names most takes it.
 */
function listNeighbours(out: MatchResult, pending: readonly Pending[], verdicts: Verdict[], doc: MatchDoc): void {
  interface Item { field: MatchField; start: number; end: number; surface: string; id: string; pathIds: readonly string[]; k: number }
  const doubtful: Item[] = [];
  pending.forEach((p, k) => {
    if (verdicts[k]!.counts || p.hit.kind !== 'region' || p.hit.generic || p.rival || p.hit.pathIds.length < 3) return;
    if (!/^(?:minor place|common word)/.test(p.hit.reason)) return;
    const { field, start, end, surface } = p.match;
    doubtful.push({ field, start, end, surface, id: p.hit.id, pathIds: p.hit.pathIds, k });
  });
  if (doubtful.length === 0) return;
  const items: Item[] = [...doubtful];
  for (const m of out.matches) {
    if (m.kind === 'region' && m.suppressedBy === undefined && m.pathIds.length >= 2) {
      items.push({ field: m.field, start: m.start, end: m.end, surface: m.surface, id: m.entityId, pathIds: m.pathIds, k: -1 });
    }
  }
  pending.forEach((p, k) => {
    if (verdicts[k]!.counts && p.hit.kind === 'region' && p.hit.pathIds.length >= 2) {
      const { field, start, end, surface } = p.match;
      items.push({ field, start, end, surface, id: p.hit.id, pathIds: p.hit.pathIds, k: -1 });
    }
  });
  items.sort((a, b) => a.field.localeCompare(b.field) || a.start - b.start || b.end - a.end);
  // Runs of items: each next item starts after a list separator (items on the same words share a slot).
  const runs: Item[][] = [];
  let run: Item[] = [];
  let last: Item | undefined;
  for (const it of items) {
    if (last !== undefined && it.field === last.field && it.start === last.start) { run.push(it); continue; }
    if (last !== undefined && it.start < last.end) continue; // a name inside another item
    const gap = last === undefined || it.field !== last.field ? undefined : doc[it.field]!.slice(last.end, it.start);
    const joined = gap !== undefined && gap.length <= LIST_MAX_GAP
      && (LIST_SEPARATOR.test(gap) || (/^\s+$/u.test(gap) && it.surface.startsWith('و') && /[,،]/u.test(doc[it.field]!.slice(Math.max(0, last!.start - 2), last!.start))));
    if (!joined && run.length > 0) { runs.push(run); run = []; }
    run.push(it);
    last = it;
  }
  if (run.length > 0) runs.push(run);
  for (const r of runs) {
    const counted = r.filter((it) => it.k < 0);
    if (counted.length < LIST_SUPPORT) continue;
    // Governorates of the list's other slots (doubtful ones included: "عيتا الشعب، رامية، ودبل" are
    // three villages of one district even before any counts).
    const govOf = (it: Item): string => it.pathIds[it.pathIds.length - 2]!;
    const govsAt = new Map<number, Set<string>>();
    for (const it of r) (govsAt.get(it.start) ?? govsAt.set(it.start, new Set()).get(it.start)!).add(govOf(it));
    const slots = new Map<number, Item[]>();
    for (const it of r) if (it.k >= 0) (slots.get(it.start) ?? slots.set(it.start, []).get(it.start)!).push(it);
    for (const readings of slots.values()) {
      if (r.some((it) => it.k < 0 && it.start === readings[0]!.start)) continue; // the words count already
      let best: Item | undefined;
      let bestSupport = 0;
      for (const it of readings) {
        const country = it.pathIds[it.pathIds.length - 1];
        const support = counted.filter((c) => c.pathIds[c.pathIds.length - 1] === country && c.id !== it.id).length;
        if (support < LIST_SUPPORT) continue;
        let sameGov = 0;
        for (const [start, govs] of govsAt) if (start !== it.start && govs.has(govOf(it))) sameGov += 1;
        const score = support + 100 * sameGov;
        if (score > bestSupport) { best = it; bestSupport = score; }
      }
      if (best === undefined) continue;
      verdicts[best.k] = { counts: true, evidence: `listed with ${counted.length} places that count`, strength: NEARBY };
    }
  }
}

/** Takes a plain match back: its entity leaves the list unless another plain match of it remains. */
function unseat(out: MatchResult, match: Match, why: string): void {
  const i = out.matches.indexOf(match);
  if (i < 0) return;
  out.matches.splice(i, 1);
  setAside(out, match, why);
  if (!out.matches.some((m) => m.entityId === match.entityId && m.suppressedBy === undefined)) {
    out.entities = out.entities.filter((e) => e.id !== match.entityId);
  }
}

/** How many of a place's units below its country (district, governorate) the document's plain matches lie in. */
function localWeight(p: Pending, est: Established): number {
  if (p.hit.kind !== 'region') return 0;
  let n = 0;
  for (let i = 1; i < p.hit.pathIds.length - 1; i += 1) if (est.pathIds.has(p.hit.pathIds[i]!)) n += 1;
  return n;
}

/** Decides the pending hits: those with evidence become matches (and list their entity). */
function confirmPending(out: MatchResult, pending: Pending[], doc: MatchDoc, fields: readonly MatchField[]): void {
  const est = establishedOf(out, doc, pending);
  let added = false;
  const taken = new Set<string>();
  // One decision per entity is enough once it counts: later hits of it count on that evidence.
  const counted = new Map<string, Verdict>();
  const verdicts = pending.map((p): Verdict => {
    const first = p.rival ? undefined : counted.get(p.hit.id);
    if (first !== undefined) return first;
    const v = p.rival ? contest(p, est) : decide(p.hit, est);
    if (v.counts && !p.rival) counted.set(p.hit.id, v);
    return v;
  });
  locatedAfter(out, pending, verdicts);
  supportNeighbours(pending, verdicts);
  listNeighbours(out, pending, verdicts, doc);
  // Two readings of the same words: the one with the stronger evidence takes them (a named parent place
  // over a unit word over a neighbour; a reading by default last). Equal evidence ("the village of X"
  // fits every X): the place whose district and governorate the document's other places lie in.
  const order = pending.map((_, k) => k).sort((a, b) => strength(verdicts[b]!) - strength(verdicts[a]!)
    || localWeight(pending[b]!, est) - localWeight(pending[a]!, est) || a - b);
  for (const k of order) {
    const { match, facts: f, hit } = pending[k]!;
    const verdict = verdicts[k];
    if (verdict.counts && pending[k]!.rival) unseat(out, pending[k]!.rival!, `the same words name ${f.id} here (${verdict.evidence})`);
    if (!verdict.counts) { setAside(out, match, verdict.why); continue; }
    // Two readings of the same words (shared-name places, a generic reference of two eras): one takes them.
    const span = `${match.field}:${match.start}:${match.end}`;
    if (taken.has(span)) { setAside(out, match, 'another entity took these words'); continue; }
    taken.add(span);
    match.evidence = verdict.evidence;
    out.matches.push(match);
    added = true;
    if (!listed.has(f.owner)) {
      listed.set(f.owner);
      out.entities.push({ id: f.id, kind: f.kind, name: match.name, path: f.path });
    }
  }
  // Back in document order: the fields in the order read, then by start, longest first.
  if (added) out.matches.sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field) || a.start - b.start || b.end - a.end);
}

export function matchDocument(matcher: Matcher, doc: MatchDoc, opts: { fields?: MatchField[] } = {}): MatchResult {
  const lang = docLang(doc.lang);
  const facts = matcher.facts;
  const result: MatchResult = { matches: [], entities: [] };
  listed.begin(matcher.entityCount);
  namedEras = [];
  seatsNamed.clear();
  const pending: Pending[] = [];
  const fields = opts.fields ?? MATCH_FIELDS;
  for (const field of fields) {
    const text = doc[field];
    if (text) fieldMatches(matcher, facts, field, text, lang, result, pending);
  }
  if (pending.length > 0) confirmPending(result, pending, doc, fields);
  setAsideAbroad(result, doc, fields);
  setAsideOffTopic(result, doc, fields);
  return result;
}

const ABROAD = 'a place of the same name abroad';
function abroadOf(text: string, end: number): string | undefined {
  const where = abroadAfter(text, end);
  return where === undefined ? undefined : `${ABROAD} («${text.slice(Math.max(0, end - 24), end).split(/[\s,.]+/).at(-1)}, ${where}»)`;
}

/**
 * One sense per document: once a page places a town abroad ("Damascus, Maryland"), its other bare
 * mentions ("the crash in Damascus") are that town too. The Levant town keeps only a hit that was
 * itself placed (never the case on such a page in practice), so all its hits go.
 */
function setAsideAbroad(out: MatchResult, doc: MatchDoc, fields: readonly MatchField[]): void {
  const abroad = new Set(out.unconfirmed?.filter((m) => m.unconfirmed?.startsWith(ABROAD)).map((m) => m.entityId));
  // A page set in the United States that never names Syria, Iraq or Lebanon: all its towns are namesakes.
  if (out.matches.some((m) => m.kind === 'region') && setInUsOnly(fields.map((f) => doc[f] ?? '').join('\n'))) {
    for (const m of out.matches) if (m.kind === 'region') abroad.add(m.entityId);
  }
  if (abroad.size === 0) return;
  const dropped = out.matches.filter((m) => abroad.has(m.entityId) && m.suppressedBy === undefined);
  if (dropped.length === 0) return;
  out.matches = out.matches.filter((m) => !dropped.includes(m));
  for (const m of dropped) setAside(out, m, `${ABROAD}, placed so in the document`);
  const still = new Set(out.matches.filter((m) => m.suppressedBy === undefined).map((m) => m.entityId));
  out.entities = out.entities.filter((e) => e.kind !== 'region' || still.has(e.id) || !abroad.has(e.id));
}

/**
 * On a page about something else (sport, food, crafts: its other-topic words and no conflict
 * vocabulary beside them), a place counts only where it is written as a location ("in Jounieh",
 * "مدينة حلب"): "Jableh beat Hutteen" is a club, "Aleppo pepper" a spice. Read only for pages that
 * name places and no actor: conflict news names an actor nearly always.
 */
function setAsideOffTopic(out: MatchResult, doc: MatchDoc, fields: readonly MatchField[]): void {
  let regions = false;
  for (const e of out.entities) {
    if (e.kind === 'actor') return;
    if (e.kind === 'region' && e.path.length > 1) regions = true;
  }
  if (!regions) return;
  const words = offTopicWords(fields.map((f) => doc[f] ?? '').join('\n'));
  if (words === undefined) return;
  const why = `off-topic page («${words.slice(0, 3).join('», «')}»): not written as a location`;
  const dropped = new Set<Match>();
  for (const m of out.matches) {
    if (m.kind !== 'region' || m.suppressedBy !== undefined || m.pathIds.length < 2) continue;
    if (!writtenAsLocation(doc[m.field]!, m.start, m.end)) dropped.add(m);
  }
  if (dropped.size === 0) return;
  out.matches = out.matches.filter((m) => !dropped.has(m));
  for (const m of dropped) setAside(out, m, why);
  const still = new Set(out.matches.filter((m) => m.suppressedBy === undefined).map((m) => m.entityId));
  out.entities = out.entities.filter((e) => still.has(e.id));
}
