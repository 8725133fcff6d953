// matchDocument's post-scan work (case rules, exclusions, nesting, containment, Match objects, snippets,
// entity list) equals a plain reference written straight from the rules in src/core/match/README.md:
// array filters, pairwise loops, sliced surfaces, regex white space. Both start from the same scanText
// hits, so this pins the optimised indexing and sweeps, not the scan. Texts: the evaluation set with the
// shipped entities, and seeded random texts built from the fixture names, acronyms and exclusions (with
// all-capitals words, odd white space, long sentences, an acronym that is also another entity's name,
// and two entities sharing an id).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '../../src/core/entities/entity.js';
import { LANGS } from '../../src/core/entities/entity.js';
import { compileMatcher, FLAG_ACRONYM, FLAG_CASED, FLAG_EXCLUSION, FLAG_NEEDS_CONTEXT, FLAG_PROPER, type Matcher } from '../../src/core/match/compile-matcher.js';
import { MATCH_FIELDS, matchDocument, type Match, type MatchDoc, type MatchedEntity, type MatchField, type MatchResult } from '../../src/core/match/match-document.js';
import { scanText } from '../../src/core/match/scan-text.js';
import { abroadAfter, insideOtherName, notAnArabicName, seatUnitWord, setInUsOnly } from '../../src/core/match/context-words.js';
import { repoRoot } from '../harness/paths.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';
import { entities as fixtureEntities, matcher as fixtureMatcher } from './fixture.js';
import { referenceSnippet as snippet } from './reference-snippet.js';
import { seededRandom } from '../harness/seeded-random.js';

interface Hit { payload: number; entity: number; flags: number; from: number; to: number; start: number; end: number }

/** The hits and token offsets of one scan, copied out of the scanner's scratch. */
function scan(m: Matcher, text: string): { hits: Hit[]; tokens: Array<[number, number]> } {
  const s = scanText(m, text);
  const hits: Hit[] = [];
  for (let h = 0; h < s.count; h += 1) {
    const payload = s.payload[h]!;
    hits.push({ payload, entity: m.payEntity[payload]!, flags: m.payFlags[payload]!, from: s.startToken[h]!, to: s.endToken[h]!, start: s.start[h]!, end: s.end[h]! });
  }
  const tokens: Array<[number, number]> = [];
  for (let t = 0; t < s.tokenCount; t += 1) tokens.push([s.tokenStart[t]!, s.tokenEnd[t]!]);
  return { hits, tokens };
}

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string): boolean => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const caseProfile = (s: string): string => [...s].map((ch) => (isUpper(ch) ? 'U' : isLower(ch) ? 'l' : '')).join('');
const allCapitals = (s: string): boolean => !caseProfile(s).includes('l');
function writtenCase(surface: string, written: string): boolean {
  const got = caseProfile(surface);
  const want = caseProfile(written);
  return got === want || (want.startsWith('U') && got.length === want.length && !got.includes('l'));
}
function capitalLatinWord(word: string): boolean {
  const letters = [...word].filter((ch) => !/[\p{M}\p{Cf}]/u.test(ch));
  return letters.length >= 2 && letters.every((ch) => /\p{Script=Latin}/u.test(ch) && isUpper(ch));
}


/** How often each rule decided something over all reference runs (the texts must exercise them all). */
const seen = { lowerAcronym: 0, capitalsRun: 0, wrongCase: 0, lowerName: 0, excluded: 0, selfNested: 0, suppressed: 0, sameIdListedOnce: 0, abroad: 0 };

function fieldMatches(m: Matcher, field: MatchField, text: string, lang: (typeof LANGS)[number]): Match[] {
  const { hits, tokens } = scan(m, text);
  const surface = (h: Hit): string => text.slice(h.start, h.end);
  const inside = (a: Hit, b: Hit): boolean => b.from <= a.from && a.to <= b.to;
  const span = (h: Hit): number => h.to - h.from;
  const capitalAcronyms = hits.filter((h) => h.flags & FLAG_ACRONYM && allCapitals(surface(h)));
  const inCapitalsRun = (h: Hit): boolean => [h.from - 1, h.to].some((t) => t >= 0 && t < tokens.length
    && capitalLatinWord(text.slice(...tokens[t]!)) && !capitalAcronyms.some((a) => a.from <= t && t < a.to));
  const valid = hits.filter((h) => {
    if (h.flags & FLAG_ACRONYM) {
      if (!capitalAcronyms.includes(h)) { seen.lowerAcronym += 1; return false; }
      if (inCapitalsRun(h)) { seen.capitalsRun += 1; return false; }
      return true;
    }
    if (h.flags & FLAG_CASED && !writtenCase(surface(h), m.payAlias.at(h.payload))) { seen.wrongCase += 1; return false; }
    if (h.flags & FLAG_PROPER && caseProfile(surface(h)).includes('l') && !caseProfile(surface(h)).includes('U')) { seen.lowerName += 1; return false; }
    return true;
  });
  const exclusions = valid.filter((h) => h.flags & FLAG_EXCLUSION);
  const candidates = valid.filter((h) => {
    if (h.flags & FLAG_EXCLUSION) return false;
    if (exclusions.some((x) => x.entity === h.entity && inside(h, x))) { seen.excluded += 1; return false; }
    return true;
  });
  candidates.sort((a, b) => a.from - b.from || span(b) - span(a));
  const kept = candidates.filter((h, i) => {
    const nested = candidates.some((o, j) => j !== i && o.entity === h.entity && inside(h, o) && (span(o) > span(h) || j < i));
    if (nested) seen.selfNested += 1;
    return !nested;
  });
  return kept.map((h) => {
    let cover: Hit | undefined;
    for (const o of kept) {
      if (o.entity !== h.entity && span(o) > span(h) && inside(h, o) && (cover === undefined || span(o) > span(cover))) cover = o;
    }
    // A seat town after a province or countryside word stands for its unit (seat-units.ts).
    // Either word means the governorate the town seats, else its district; a name that says "city"
    // ("مدينة القامشلي", "Idlib city") stays the town.
    // So does a city word right before it ("قرب مدينة معرة النعمان", "the city of Idlib").
    const saysCity = /^(?:[وبل]?مدينة|city|ville)\s|\scity$/iu.test(text.slice(h.start, h.end))
      || /(?:^|[\s(«"“])[وبل]?مدينة\s+["“«]?$|(?:^|[^\p{L}])(?:city\s+of|ville\s+(?:de|d['’]))\s*$/iu.test(text.slice(Math.max(0, h.start - 16), h.start));
    const word = !saysCity && (m.seats.governorate[h.entity]! >= 0 || m.seats.district[h.entity]! >= 0) ? seatUnitWord(text, h.start, h.end) : undefined;
    const unit = word === undefined ? -1 : m.seats.governorate[h.entity]! >= 0 ? m.seats.governorate[h.entity]! : m.seats.district[h.entity]!;
    const info = m.entities[unit >= 0 ? unit : h.entity]!;
    const match: Match = {
      entityId: info.entity.id, kind: info.kind, name: info.entity.names[lang], alias: m.payAlias.at(h.payload), surface: surface(h),
      field, start: h.start, end: h.end, snippet: snippet(text, h.start, h.end), path: info.path, pathIds: info.pathIds,
    };
    if (cover) { match.suppressedBy = m.entities[cover.entity]!.entity.id; seen.suppressed += 1; }
    else if (h.flags & FLAG_NEEDS_CONTEXT) contextHits.add(match);
    return match;
  });
}

const ABROAD = 'a place of the same name abroad';

/** Reference matches of context-dependent aliases (decided by confirm-context.ts, tested in context.test.ts). */
const contextHits = new WeakSet<Match>();

function referenceMatch(m: Matcher, doc: MatchDoc, fields: readonly MatchField[] = MATCH_FIELDS): { matches: Match[]; entities: MatchedEntity[]; unconfirmed?: Match[] } {
  const primary = (doc.lang ?? '').slice(0, 2).toLowerCase();
  const lang = LANGS.find((l) => l === primary) ?? 'en';
  // A place inside an outlet, institution or road name is set aside (its rule is tested on its own in
  // context.test.ts); the fixtures have no context-dependent aliases.
  const all = fields.flatMap((f) => (doc[f] ? fieldMatches(m, f, doc[f]!, lang) : []));
  // A town followed by a US state or a foreign country ("Damascus, MD") is a namesake (its reason is
  // compared by kind only: its wording is tested in context.test.ts).
  const setAside = (mt: Match): string | undefined => {
    if (mt.suppressedBy !== undefined || mt.kind !== 'region') return undefined;
    const text = doc[mt.field]!;
    return insideOtherName(text, mt.start, mt.end) ?? (abroadAfter(text, mt.end) === undefined ? undefined : ABROAD)
      ?? (/[\u0600-\u06ff]$/u.test(mt.surface) ? notAnArabicName(text, mt.start, mt.end, mt.alias) : undefined);
  };
  let matches = all.filter((mt) => setAside(mt) === undefined && !contextHits.has(mt));
  const unconfirmed = all.filter((mt) => setAside(mt) !== undefined).map((mt) => ({ ...mt, unconfirmed: setAside(mt)! }));
  // One sense per page: every other mention of a town placed abroad goes too, and every town of a
  // page set in the US that names none of the watched countries.
  const abroad = new Set(unconfirmed.filter((mt) => mt.unconfirmed === ABROAD).map((mt) => mt.entityId));
  if (setInUsOnly(fields.map((f) => doc[f] ?? '').join('\n'))) for (const mt of matches) if (mt.kind === 'region') abroad.add(mt.entityId);
  const dropped = matches.filter((mt) => abroad.has(mt.entityId) && mt.suppressedBy === undefined);
  if (dropped.length > 0) seen.abroad += 1;
  matches = matches.filter((mt) => !dropped.includes(mt));
  unconfirmed.push(...dropped.map((mt) => ({ ...mt, unconfirmed: ABROAD })));
  const entities: MatchedEntity[] = [];
  const listedIds = new Set<string>();
  const listedIndices = new Set<string>();
  for (const mt of matches) {
    if (mt.suppressedBy !== undefined) continue;
    if (listedIds.has(mt.entityId)) {
      if (!listedIndices.has(`${mt.entityId}\u0000${mt.name}`)) seen.sameIdListedOnce += 1;
      continue;
    }
    listedIds.add(mt.entityId);
    listedIndices.add(`${mt.entityId}\u0000${mt.name}`);
    entities.push({ id: mt.entityId, kind: mt.kind, name: mt.name, path: mt.path });
  }
  return unconfirmed.length > 0 ? { matches, entities, unconfirmed } : { matches, entities };
}

/**
 * matchDocument's result without what context decided: matches that counted on evidence, entities
 * listed only through them, and hits set aside for want of evidence. What is left is what the
 * reference computes.
 */
function plainPart(r: MatchResult): MatchResult {
  const matches = r.matches.filter((mt) => mt.evidence === undefined);
  const plainIds = new Set(matches.filter((mt) => mt.suppressedBy === undefined).map((mt) => mt.entityId));
  const entities = r.entities.filter((e) => plainIds.has(e.id));
  const unconfirmed = (r.unconfirmed ?? []).filter((mt) => /^(?:part of a (road )?name|a place of the same name abroad|written with (?:tanween|the article))/.test(mt.unconfirmed!))
    .map((mt) => (mt.unconfirmed!.startsWith(ABROAD) ? { ...mt, unconfirmed: ABROAD } : mt));
  return unconfirmed.length > 0 ? { matches, entities, unconfirmed } : { matches, entities };
}

function same(m: Matcher, doc: MatchDoc, fields?: MatchField[]): void {
  const got = plainPart(matchDocument(m, doc, fields ? { fields } : {}));
  const want = referenceMatch(m, doc, fields);
  assert.deepStrictEqual(got, want, JSON.stringify(doc).slice(0, 200));
  // Same key order too: results are serialised as they are (API, webhooks).
  assert.equal(JSON.stringify(got), JSON.stringify(want));
}

test('matchDocument equals the reference on the evaluation set (shipped entities and fixture entities)', async () => {
  const shipped = (await shippedCatalog()).matcher;
  const dir = path.join(repoRoot, 'test', 'fixtures', 'match-eval');
  const lines = ['fr', 'en', 'ar'].flatMap((l) => fs.readFileSync(path.join(dir, `${l}.jsonl`), 'utf8').split('\n').filter(Boolean));
  assert.ok(lines.length >= 120);
  for (const line of lines) {
    const a = JSON.parse(line) as { title: string; text: string; lang: string };
    same(shipped, { title: a.title, text: a.text, lang: a.lang });
    same(fixtureMatcher, { title: a.title, text: a.text, lang: a.lang });
    same(shipped, { title: a.title, summary: a.text.slice(0, 80), text: a.text }, ['text', 'summary']);
  }
});

/** Fixture entities plus: an entity named like another's acronym (same span, other entity), two sharing an id. */
function trickyEntities(): Entity[] {
  const clash: Entity[] = fixtureEntities.filter((e) => e.acronyms.length > 0).map((e, i) => ({
    ...e, id: `clash-${i}`, names: { en: e.acronyms[0]!, fr: e.acronyms[0]!.toLowerCase(), ar: e.names.ar }, aliases: {}, parents: [], exclusions: [],
  }));
  const twins: Entity[] = fixtureEntities.slice(0, 6).map((e) => ({ ...e, names: { ...e.names, en: `Twin ${e.names.en}` }, aliases: { en: ['Zorbland', 'Kataib Zorbland'] } }));
  return [...fixtureEntities, ...clash, ...twins];
}

test('matchDocument equals the reference on random texts of names, acronyms, exclusions and capitals', () => {
  const next = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const tricky = compileMatcher(trickyEntities());
  for (const [entities, m] of [[fixtureEntities, fixtureMatcher], [trickyEntities(), tricky]] as const) {
    const phrases = entities.flatMap((e) => [...Object.values(e.names), ...Object.values(e.aliases).flat(), ...e.acronyms, ...e.exclusions]);
    const words = ['WARNING', 'IN', 'EFFECT', 'the', 'A', "L'", 'd’', 'is', 'Is', 'de', 'و', 'ÉTÉ', 'İ', '𝐀𝐁', '😀', 'x\u0301', '3', 'U.S.'];
    const seps = [' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '. ', '! ', ', ', ' - ', '/', '-', '.', '؟ ', ' \n\t '];
    const cases = [(s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.toLowerCase(), (s: string) => s.replace(/ /g, '  ')];
    for (let i = 0; i < 600; i += 1) {
      let text = '';
      const parts = 1 + Math.floor(next() * 30);
      for (let k = 0; k < parts; k += 1) {
        const r = next();
        text += r < 0.55 ? pick(cases)(pick(phrases)) : r < 0.6 ? 'mot '.repeat(Math.floor(next() * 70)) : pick(words);
        text += pick(seps);
      }
      same(m, { text, title: next() < 0.3 ? text.slice(0, 60) : undefined, lang: pick(['fr', 'en', 'ar', 'de-CH', undefined]) });
    }
  }
});

test('the reference texts exercise every rule (the comparisons above are not vacuous)', () => {
  for (const [rule, count] of Object.entries(seen)) assert.ok(count > 0, `${rule}: never decided anything`);
});
