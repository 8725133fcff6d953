// Spec of four matcher fixes: exclusions match only as written (no Arabic article toggle), acronyms are
// not taken from all-capitals runs, French elided administrative forms resolve, and `vigie match --lang`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../../src/core/entities/entity.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { buildEntityGraph } from '../../src/core/match/entity-graph.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { testCacheDir } from '../harness/vigie-process.js';
import { linkShippedSnapshot, shippedCatalog } from '../harness/shipped-catalog.js';
import { matcher as fixtureMatcher } from './fixture.js';

const hamas: Entity = {
  id: 'actor-hamas', kind: 'actor', names: { en: 'Hamas', fr: 'Hamas', ar: 'حركة حماس' }, aliases: { ar: ['حماس'] },
  acronyms: [], parents: [], exclusions: ['الحماس'],
};
const hamasMatcher = compileMatcher([hamas]);
const hamasFound = (text: string): boolean => matchDocument(hamasMatcher, { text, lang: 'ar' }).entities.some((e) => e.id === hamas.id);

// Issue 1: the exclusion "الحماس" (enthusiasm) must not cancel "حماس" through the article toggle.
const EXCLUSION_CASES: Array<[string, string, boolean]> = [
  ['bare حماس is Hamas although the exclusion is الحماس', 'أعلنت حماس الهدنة', true],
  ['و + حماس is Hamas', 'إسرائيل وحماس', true],
  ['الحماس as written is the exclusion (enthusiasm)', 'استقبلوه بكل الحماس', false],
  ['ب + الحماس: the exclusion after a proclitic', 'استقبلوه بالحماس', false],
  ['ل + الحماس written للحماس: the exclusion after a proclitic', 'لا مكان للحماس هنا', false],
];
for (const [name, text, found] of EXCLUSION_CASES) {
  test(`exclusion without article toggle: ${name}`, () => {
    assert.equal(hamasFound(text), found);
  });
}

// Issue 2: an acronym next to a Latin all-capitals word (>= 2 letters) is not taken (ambiguous headline);
// a neighbour that is itself an acronym in capitals does not count.
const isisFound = (text: string): boolean => matchDocument(fixtureMatcher, { text }).entities.some((e) => e.id === 'actor-isis');
const ACRONYM_CASES: Array<[string, string, boolean]> = [
  ['IS between lower-case words', 'Fighters of IS attacked the town', true],
  ['IS at the start, lower-case word after', 'IS fighters attacked', true],
  ['IS next to a one-letter capital (L’EI)', 'L’EI revendique', true],
  ['IS next to another acronym in capitals (IS/SDF)', 'clashes between IS/SDF near the dam', true],
  ['IS inside an all-capitals headline', 'FLOOD WARNING IS IN EFFECT', false],
  ['IS with an all-capitals word before only', 'WARNING IS in effect', false],
  ['IS with an all-capitals word after only', 'the IS ATTACK', false],
  ['ISIS in an all-capitals headline', 'ISIS CLAIMS ATTACK', false],
  ['EI in a French all-capitals headline', 'L’EI REVENDIQUE L’ATTAQUE', false],
];
for (const [name, text, found] of ACRONYM_CASES) {
  test(`acronym in capitals context: ${name}`, () => {
    assert.equal(isisFound(text), found);
  });
}

// Issue 3: the shipped data names governorates "gouvernorat d'Alep", "province d'Idleb".
const shippedEntities = (await shippedCatalog()).entities;
const shipped = buildEntityGraph(shippedEntities);
const RESOLVE_CASES: Array<[string, string]> = [
  ['French name of the seat, elided form', 'Alep'],
  ['French spelling Idleb, elided form', 'Idleb'],
  ['English name of the seat', 'Aleppo'],
  ['hyphenated name of the seat', 'Deir ez-Zor'],
];
for (const [name, input] of RESOLVE_CASES) {
  test(`resolve gives the governorate: ${name} (${input})`, () => {
    const e = shipped.resolve(input);
    assert.ok(e, `${input} does not resolve`);
    assert.equal(e.kind, 'region');
    assert.equal(e.type, 'governorate', `${input} resolved to ${e.id} (${e.type})`);
  });
}

// Issue 4: `vigie match --lang` sets the language of a plain-text input (names are reported in it).
// Run in process (runCliCaptured), with the shipped matcher's snapshot in the test's cache folder (the
// compile and the snapshot write of `vigie match` are match-jsonl-cli.test.ts's).
await linkShippedSnapshot(testCacheDir);
const LANG_CASES: Array<[string, string[], string]> = [
  ['--lang fr reports the French name', ['--lang', 'fr'], 'fr'],
  ['--lang ar reports the Arabic name', ['--lang', 'ar'], 'ar'],
  ['no --lang reports the English name', [], 'en'],
];
for (const [name, args, lang] of LANG_CASES) {
  test(`vigie match: ${name}`, async () => {
    const run = await runCliCaptured(['match', '--json', ...args], {}, 'Frappe de drone près de Boukamal');
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { matches: Array<{ entityId: string; name: string }> };
    const hit = result.matches.find((m) => m.entityId === 'sy-town-abu-kamal');
    const town = shippedEntities.find((e) => e.id === 'sy-town-abu-kamal')!;
    assert.equal(hit?.name, town.names[lang as 'en' | 'fr' | 'ar']);
  });
}

test('vigie match: --lang refuses a language the matcher does not know', async () => {
  const run = await runCliCaptured(['match', '--lang', 'de'], {}, 'x');
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /--lang/);
});
