// Which scan hits a document reports (match-document.ts builds the Match objects): case rules,
// exclusions, same-entity nesting, then which kept hit a longer hit of another entity covers. Works on
// the scan's typed arrays with module-level scratch lists of hit indices: no array, closure or string
// per hit. Not reentrant, like the scan's own scratch (no await inside matching).
import { FLAG_ACRONYM, FLAG_CASED, FLAG_EXCLUSION, FLAG_PROPER, type Matcher } from './compile-matcher.js';
import type { ScanHits } from './scan-text.js';
import { hasUpperAt, hasWrittenCaseAt, isAllCapitalsAt, isCapitalLatinWord } from './case-check.js';

/** Per entity index, a mark and a value that hold for one pass: a new pass number forgets them all. */
export class EntityMarks {
  private pass = 0;
  private marked = new Int32Array(256);
  private values = new Int32Array(256);

  /** Starts a pass over entity indices < entityCount. */
  begin(entityCount: number): void {
    if (this.marked.length < entityCount) {
      this.marked = new Int32Array(entityCount);
      this.values = new Int32Array(entityCount);
      this.pass = 0;
    }
    if (this.pass === 0x7fffffff) { this.marked.fill(0); this.pass = 0; }
    this.pass += 1;
  }
  has(e: number): boolean { return this.marked[e] === this.pass; }
  value(e: number): number { return this.values[e]!; }
  set(e: number, value = 0): void { this.marked[e] = this.pass; this.values[e] = value; }
}

/** The kept hits of the last resolveHits call: hit indices `list[0..count)`, in start order. */
export const kept = { list: new Int32Array(256), count: 0 };

const scratch = {
  /** Acronym hits written in capitals (neighbours that do not make a capitals run). */
  acronyms: new Int32Array(64), acronymCount: 0,
  /** Exclusion hits that passed the case rules. */
  exclusions: new Int32Array(64), exclusionCount: 0,
  /** Hits that may cover the next one in the covering sweep. */
  open: new Int32Array(256), openCount: 0,
  /** Furthest end token per entity in the same-entity nesting sweep. */
  furthest: new EntityMarks(),
};

function fitScratch(s: ScanHits): void {
  if (kept.list.length >= s.count) return;
  const size = Math.max(s.count, kept.list.length * 2);
  kept.list = new Int32Array(size);
  scratch.open = new Int32Array(size);
}

/** `list` with room for index n (rarely grows: acronym and exclusion hits are few). */
function roomFor(list: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n < list.length) return list;
  const grown = new Int32Array(list.length * 2);
  grown.set(list);
  return grown;
}

/**
 * Whether token t (a neighbour of an acronym hit) makes it part of a capitals run: a Latin all-capitals
 * word of >= 2 letters ("WARNING IS IN EFFECT") that is not itself inside a capital acronym hit
 * (YPG/SDF, HTS-SDF).
 */
function capitalNeighbour(s: ScanHits, text: string, t: number): boolean {
  if (t < 0 || t >= s.tokenCount || !isCapitalLatinWord(text, s.tokenStart[t]!, s.tokenEnd[t]!)) return false;
  for (let k = 0; k < scratch.acronymCount; k += 1) {
    const a = scratch.acronyms[k]!;
    if (s.startToken[a]! <= t && t < s.endToken[a]!) return false;
  }
  return true;
}

/** Records hit h as passing the case rules: an exclusion hit, or an entity hit for kept.list. */
function passes(m: Matcher, s: ScanHits, h: number): void {
  if ((m.payFlags[s.payload[h]!]! & FLAG_EXCLUSION) === 0) { kept.list[kept.count++] = h; return; }
  scratch.exclusions = roomFor(scratch.exclusions, scratch.exclusionCount);
  scratch.exclusions[scratch.exclusionCount++] = h;
}

/**
 * Sorts the hits that pass the case rules into kept.list and scratch.exclusions. Acronym hits in
 * capitals are decided last: whether a neighbour counts depends on all of them.
 */
function caseValid(m: Matcher, text: string, s: ScanHits): void {
  kept.count = 0;
  scratch.acronymCount = 0;
  scratch.exclusionCount = 0;
  for (let h = 0; h < s.count; h += 1) {
    const payload = s.payload[h]!;
    const flags = m.payFlags[payload]!;
    if (flags & FLAG_ACRONYM) {
      if (!isAllCapitalsAt(text, s.start[h]!, s.end[h]!)) continue;
      scratch.acronyms = roomFor(scratch.acronyms, scratch.acronymCount);
      scratch.acronyms[scratch.acronymCount++] = h;
    } else if (flags & FLAG_PROPER) {
      if (hasUpperAt(text, s.start[h]!, s.end[h]!)) passes(m, s, h);
    } else if (!(flags & FLAG_CASED) || hasWrittenCaseAt(text, s.start[h]!, s.end[h]!, m.payAlias.at(payload))) {
      passes(m, s, h);
    }
  }
  for (let k = 0; k < scratch.acronymCount; k += 1) {
    const h = scratch.acronyms[k]!;
    if (!capitalNeighbour(s, text, s.startToken[h]! - 1) && !capitalNeighbour(s, text, s.endToken[h]!)) passes(m, s, h);
  }
}

/** Whether hit h lies inside an exclusion hit of its own entity (token spans). */
function excluded(m: Matcher, s: ScanHits, h: number): boolean {
  const entity = m.payEntity[s.payload[h]!]!;
  for (let k = 0; k < scratch.exclusionCount; k += 1) {
    const x = scratch.exclusions[k]!;
    if (m.payEntity[s.payload[x]!] === entity && s.startToken[x]! <= s.startToken[h]! && s.endToken[h]! <= s.endToken[x]!) return true;
  }
  return false;
}

function dropExcluded(m: Matcher, s: ScanHits): void {
  if (scratch.exclusionCount === 0) return;
  let n = 0;
  for (let k = 0; k < kept.count; k += 1) {
    const h = kept.list[k]!;
    if (!excluded(m, s, h)) kept.list[n++] = h;
  }
  kept.count = n;
}

/** Whether hit a goes before hit b: earlier start token, then longer span, then scan order. */
function startsBefore(s: ScanHits, a: number, b: number): boolean {
  const d = s.startToken[a]! - s.startToken[b]! || s.endToken[b]! - s.endToken[a]!;
  return d < 0 || (d === 0 && a < b);
}

/**
 * Sorts kept.list by start token, longest span first, then scan order. Insertion sort: the scan emits
 * hits by start token, so only the few hits of one start (and the acronym hits, listed last) move.
 */
function sortByStart(s: ScanHits): void {
  const list = kept.list;
  for (let i = 1; i < kept.count; i += 1) {
    const h = list[i]!;
    let j = i - 1;
    while (j >= 0 && startsBefore(s, h, list[j]!)) { list[j + 1] = list[j]!; j -= 1; }
    list[j + 1] = h;
  }
}

/**
 * Same entity nested in itself (Deir ez-Zor inside Deir ez-Zor Governorate) adds nothing: keep the outer
 * (of two equal spans, the first). In start order (longest first) a hit lies in a hit of its entity
 * exactly when an EARLIER hit of that entity ends at or after its end, so one sweep keeps, per entity,
 * the furthest end seen (over every earlier hit, dropped or not).
 */
function dropSelfNested(m: Matcher, s: ScanHits): void {
  const furthest = scratch.furthest;
  furthest.begin(m.entityCount);
  let n = 0;
  for (let k = 0; k < kept.count; k += 1) {
    const h = kept.list[k]!;
    const e = m.payEntity[s.payload[h]!]!;
    const to = s.endToken[h]!;
    if (furthest.has(e) && furthest.value(e) >= to) continue;
    furthest.set(e, to);
    kept.list[n++] = h;
  }
  kept.count = n;
}

/**
 * Fills `kept` with the entity hits a document reports, in start order (then longest first, then scan
 * order): those that pass the case rules, are not inside an exclusion of their entity and are not
 * nested in a hit of their own entity.
 */
export function resolveHits(m: Matcher, text: string, s: ScanHits): void {
  fitScratch(s);
  caseValid(m, text, s);
  dropExcluded(m, s);
  sortByStart(s);
  dropSelfNested(m, s);
  scratch.openCount = 0;
}

/**
 * Entity index of the longest kept hit of another entity strictly covering kept.list[k] (the first of
 * equal spans), or -1. Call for k = 0, 1, 2... in turn (a sweep). A longer hit covering it starts at or
 * before it, so comes earlier in start order; hits that end at or before its start can cover neither it
 * nor any later hit, so only the hits still open are searched.
 */
export function coveringEntity(m: Matcher, s: ScanHits, k: number): number {
  const h = kept.list[k]!;
  const from = s.startToken[h]!;
  const to = s.endToken[h]!;
  const entity = m.payEntity[s.payload[h]!]!;
  const open = scratch.open;
  let n = 0;
  let best = -1;
  let bestSpan = to - from;
  for (let i = 0; i < scratch.openCount; i += 1) {
    const j = open[i]!;
    const end = s.endToken[j]!;
    if (end <= from) continue;
    open[n++] = j;
    const span = end - s.startToken[j]!;
    if (span <= bestSpan || end < to) continue;
    const e = m.payEntity[s.payload[j]!]!;
    if (e === entity) continue;
    bestSpan = span;
    best = e;
  }
  open[n++] = h;
  scratch.openCount = n;
  return best;
}
