// Spec of the entity graph (ancestors, expansion, name resolution, search, validation), the entity loader's
// error report, and rule evaluation (hierarchy and member-of expansion, query, filters, index).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { buildEntityGraph } from '../../src/core/match/entity-graph.js';
import { compileRules, type Rule } from '../../src/core/match/rules/compile-rules.js';
import { evaluateRules } from '../../src/core/match/rules/evaluate-rules.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { loadEntities } from '../../src/config/load-entities.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';
import { graph, matcher } from './fixture.js';
import { entityDir } from '../harness/config-dir.js';

test('graph: ancestors are nearest first', () => {
  assert.deepEqual(graph.ancestors('sy-town-abu-kamal'), ['sy-abu-kamal-district', 'sy-deir-ez-zor', 'sy']);
});

test('graph: expand holds the entity and all descendants', () => {
  const set = graph.expand('sy-deir-ez-zor');
  for (const id of ['sy-deir-ez-zor', 'sy-abu-kamal-district', 'sy-town-abu-kamal', 'sy-town-mayadin']) assert.ok(set.has(id), id);
  assert.ok(!set.has('sy-town-aleppo'));
});

const RESOLVE: Array<[string, string, string]> = [
  ['an id', 'sy-town-abu-kamal', 'sy-town-abu-kamal'],
  ['a French name', 'Boukamal', 'sy-town-abu-kamal'],
  ['an Arabic name with tashkeel', 'البُوكَمال', 'sy-town-abu-kamal'],
  ['an alias in another case and hyphenation', 'al bukamal', 'sy-town-abu-kamal'],
  ['an acronym', 'SDF', 'actor-sdf'],
  ['a town name that is also its governorate seat resolves to the governorate', 'Deir ez-Zor', 'sy-deir-ez-zor'],
];
for (const [name, query, id] of RESOLVE) {
  test(`graph: resolve ${name}`, () => assert.equal(graph.resolve(query)?.id, id));
}

test('graph: ambiguous aliases resolve to the entity with the fewest ancestors', () => {
  const base = { aliases: {}, acronyms: [], exclusions: [] };
  const g = buildEntityGraph([
    { ...base, id: 'c', kind: 'region', names: { en: 'C', fr: 'C', ar: 'ج' }, parents: [] },
    { ...base, id: 'town', kind: 'region', names: { en: 'Town', fr: 'Town', ar: 'ت' }, aliases: { en: ['Same'] }, parents: ['gov'] },
    { ...base, id: 'gov', kind: 'region', names: { en: 'Gov', fr: 'Gov', ar: 'غ' }, aliases: { en: ['Same'] }, parents: ['c'] },
  ]);
  assert.equal(g.resolve('same')?.id, 'gov');
});

test('graph: search by prefix in any script shows the entity', () => {
  assert.equal(graph.search('Bouka')[0]?.id, 'sy-town-abu-kamal');
  assert.equal(graph.search('البوك')[0]?.id, 'sy-town-abu-kamal');
  assert.deepEqual(graph.search('zzzz'), []);
});

// A governorate named after its seat ("Aleppo Governorate", "محافظة حلب") and the city itself both answer
// the bare name; the governorate comes first, as resolve() picks it, and the city is listed right after.
const SHIPPED = buildEntityGraph(loadEntities());
const SEATS: Array<[string, string, string]> = [
  ['Deir ez-Zor', 'sy-deir-ez-zor', 'sy-town-deir-ez-zor'],
  ['دير الزور', 'sy-deir-ez-zor', 'sy-town-deir-ez-zor'],
  ['Aleppo', 'sy-aleppo', 'sy-town-aleppo'],
  ['Alep', 'sy-aleppo', 'sy-town-aleppo'],
  ['حلب', 'sy-aleppo', 'sy-town-aleppo'],
  ['Homs', 'sy-homs', 'sy-town-homs'],
  ['Hama', 'sy-hama', 'sy-town-hama'],
  ['Idlib', 'sy-idlib', 'sy-town-idlib'],
  ['Raqqa', 'sy-raqqa', 'sy-town-ar-raqqah'],
];
for (const [query, governorate, city] of SEATS) {
  test(`graph: search "${query}" lists the governorate first, then the city of the same name`, () => {
    const ids = SHIPPED.search(query, 10).map((e) => e.id);
    assert.deepEqual(ids.slice(0, 2), [governorate, city], JSON.stringify(ids));
  });
}

test('graph: validate reports unknown parents and cycles', () => {
  const base = { aliases: {}, acronyms: [], exclusions: [] };
  const n = (id: string, parents: string[]) => ({ ...base, id, kind: 'region' as const, names: { en: id, fr: id, ar: id }, parents });
  const problems = buildEntityGraph([n('a', ['b']), n('b', ['a']), n('c', ['nope'])]).validate();
  assert.ok(problems.some((p) => p.includes('unknown parent nope')));
  assert.ok(problems.some((p) => p.startsWith('cycle')));
});

test('loadEntities: every problem is reported at once with file, entry id and field path', () => {
  const dir = entityDir({
    'a.yaml': [
      'entities:',
      '  - { id: ok, kind: region, names: { en: A, fr: A, ar: ا } }',
      '  - { id: bad-kind, kind: place, names: { en: B, fr: B, ar: ب } }',
      '  - { id: orphan, kind: region, names: { en: C, fr: C, ar: ج }, parents: [missing] }',
    ].join('\n'),
    'b.yml': 'entities:\n  - { id: ok, kind: region, names: { en: A, fr: A, ar: ا } }\n',
    'overlay.yaml': 'stopAliases: []\nentities:\n  - { id: partial, names: { fr: X } }\n',
  });
  try {
    assert.throws(() => loadEntities(dir), (err: unknown) => {
      assert.ok(isVigieError(err));
      assert.equal(err.code, 'ENTITY_INVALID');
      const problems = err.details.problems as string[];
      assert.equal(problems.length, 3, problems.join('\n'));
      assert.ok(problems.some((p) => p.includes('a.yaml: bad-kind: kind:')));
      assert.ok(problems.some((p) => p.includes('a.yaml: orphan: parents.0: unknown parent id missing')));
      assert.ok(problems.some((p) => p.includes('b.yml: ok: id: duplicate id')));
      return true;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function fire(rules: Rule[], doc: { title?: string; text?: string }, extra: { lang?: string; sourceId?: string } = {}): string[] {
  const set = compileRules(rules, graph);
  const { entities } = matchDocument(matcher, doc);
  return evaluateRules(set, { entityIds: entities.map((e) => e.id), doc, ...extra });
}

const RULES: Array<[string, Rule, string, string[]]> = [
  ['a governorate rule fires for a town article', { id: 'r', regions: ['sy-deir-ez-zor'], actors: [] }, 'Frappe près de Boukamal', ['r']],
  ['a country rule fires for a town article', { id: 'r', regions: ['sy'], actors: [] }, 'في القنيطرة', ['r']],
  ['a town rule does not fire for its governorate', { id: 'r', regions: ['sy-town-abu-kamal'], actors: [] }, 'Deir ez-Zor Governorate', []],
  ['a coalition rule fires for a member (member-of)', { id: 'r', regions: [], actors: ['actor-iran-backed'] }, 'Kataib Hezbollah struck', ['r']],
  ['an actor rule does not fire for a suppressed nested hit', { id: 'r', regions: [], actors: ['actor-hezbollah'] }, 'Kataib Hezbollah struck', []],
  ['region AND actor both needed', { id: 'r', regions: ['sy-deir-ez-zor'], actors: ['actor-isis'] }, 'Frappe près de Boukamal', []],
  ['region AND actor both present', { id: 'r', regions: ['sy-deir-ez-zor'], actors: ['actor-isis'] }, "L'EI à Boukamal", ['r']],
  ['region AND query', { id: 'r', regions: ['sy'], actors: [], query: 'drone*' }, 'Frappe de drones à Deraâ', ['r']],
  ['region AND failing query', { id: 'r', regions: ['sy'], actors: [], query: 'drone NOT exercice' }, 'drone exercice à Deraâ', []],
  ['query-only rule', { id: 'r', regions: [], actors: [], query: '"savon d\'Alep"' }, "Le savon d'Alep", ['r']],
  ['exclusion: savon d’Alep does not fire an Aleppo rule', { id: 'r', regions: ['sy-town-aleppo'], actors: [] }, 'Le savon d’Alep', []],
  ['a rule with no region, actor nor query never fires', { id: 'r', regions: [], actors: [] }, 'Boukamal', []],
  ['regions given by name are resolved', { id: 'r', regions: ['Deir ez-Zor Governorate'], actors: [] }, 'Boukamal', ['r']],
];
for (const [name, rule, text, expected] of RULES) {
  test(`rules: ${name}`, () => assert.deepEqual(fire([rule], { text }), expected));
}

test('rules: language and source filters', () => {
  const rules: Rule[] = [
    { id: 'fr-only', regions: ['sy'], actors: [], languages: ['fr'] },
    { id: 'src-a', regions: ['sy'], actors: [], sources: ['a'] },
    { id: 'any', regions: ['sy'], actors: [] },
  ];
  assert.deepEqual(fire(rules, { text: 'Syrie' }, { lang: 'fr-FR', sourceId: 'b' }), ['fr-only', 'any']);
  assert.deepEqual(fire(rules, { text: 'Syrie' }, { lang: 'en', sourceId: 'a' }), ['src-a', 'any']);
});

test('rules: 10 000 rules only return those that apply, in rule order', () => {
  const rules: Rule[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, regions: [i % 2 ? 'sy-town-aleppo' : 'sy-town-daraa'], actors: [] }));
  rules.push({ id: 'q', regions: [], actors: [], query: 'Deraâ' });
  const fired = fire(rules, { text: 'Manifestation à Deraâ' });
  assert.equal(fired.length, 5001);
  assert.equal(fired[0], 'r0');
  assert.equal(fired.at(-1), 'q');
});

test('rules: a syntax error names the rule and the column', () => {
  assert.throws(() => compileRules([{ id: 'sub-1', regions: [], actors: [], query: 'a AND' }], graph), (err: unknown) => {
    assert.ok(isVigieError(err));
    assert.equal(err.code, 'QUERY_SYNTAX');
    assert.equal(err.details.ruleId, 'sub-1');
    assert.equal(err.details.position, 5);
    return true;
  });
});

test('rules: an unknown entity is an ENTITY_INVALID error naming the rule', () => {
  assert.throws(() => compileRules([{ id: 'sub-2', regions: ['nowhere'], actors: [] }], graph), (err: unknown) =>
    isVigieError(err) && err.code === 'ENTITY_INVALID' && err.details.ruleId === 'sub-2');
});
