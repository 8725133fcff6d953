// `vigie entities show`: the entity, its path and links, and the table of every alias with origin and
// status, as text and as JSON; by id, by name, by shortened id; an unknown one fails with NOT_FOUND.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { entityDir } from '../harness/config-dir.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';

const vigie = (args: string[]) => runCliCaptured(args, {});

function fixtureDir(): string {
  return entityDir({
    'entities.yaml': [
      'entities:',
      '  - {id: sy, kind: region, type: country, names: {en: Syria, fr: Syrie, ar: سوريا}}',
      '  - id: actor-russia',
      '    kind: actor',
      '    type: state',
      '    names: {en: Russia, fr: Russie, ar: روسيا}',
      '    aliases: {fr: [russe]}',
      '    codes: {wikidata: Q159}',
      '    sources: [hand]',
    ].join('\n'),
    'variants.generated.json': JSON.stringify({ variantsOf: { 'actor-russia': {
      generated: { fr: ['Roussie', 'Rusie'], ar: ['روس'] },
      ambiguous: { Roussie: 'common word (fr: in the 323571-word list)', 'روس': 'common word (ar: hunspell-ar noun)' },
    } } }),
  });
}

test('entities show prints names, codes and every alias with origin, status and reason', async () => {
  const dir = fixtureDir();
  const res = await vigie(['entities', 'show', 'Russie', '--entities', dir]);
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.split('\n');
  assert.equal(lines[0], 'actor-russia  actor/state');
  assert.ok(lines.includes('names      en: Russia | fr: Russie | ar: روسيا'), res.stdout);
  assert.ok(lines.includes('codes      wikidata=Q159'));
  // A state's names all need context (it counts when it acts): the table shows what the matcher does.
  assert.ok(lines.includes('aliases    7 (4 data, 3 generated; 7 ambiguous)'), res.stdout);
  assert.ok(lines.includes('  fr      data      ambiguous russe  (state: counts when it acts)'), res.stdout);
  assert.ok(lines.includes('  fr      generated ambiguous Roussie  (state: counts when it acts; common word (fr: in the 323571-word list))'), res.stdout);
  assert.ok(lines.includes('  fr      generated ambiguous Rusie  (state: counts when it acts)'), res.stdout);
  assert.ok(lines.includes('  ar      generated ambiguous روس  (state: counts when it acts; common word (ar: hunspell-ar noun))'), res.stdout);
  fs.rmSync(dir, { recursive: true });
});

test('entities show --json gives the entity, its path and the alias rows', async () => {
  const dir = fixtureDir();
  const res = await vigie(['entities', 'show', 'actor-russia', '--json', '--entities', dir]);
  assert.equal(res.code, 0, res.stderr);
  const view = JSON.parse(res.stdout);
  assert.equal(view.entity.id, 'actor-russia');
  assert.deepEqual(view.path, ['Russia']);
  assert.deepEqual(view.aliases.find((r: { alias: string }) => r.alias === 'Roussie'),
    { alias: 'Roussie', lang: 'fr', origin: 'generated', status: 'ambiguous', reason: 'state: counts when it acts; common word (fr: in the 323571-word list)' });
  fs.rmSync(dir, { recursive: true });
});

test('entities show of an unknown entity fails with NOT_FOUND', async () => {
  const dir = fixtureDir();
  const res = await vigie(['entities', 'show', 'Atlantis', '--entities', dir]);
  assert.notEqual(res.code, 0);
  assert.match(res.stderr, /NOT_FOUND.*Atlantis/);
  fs.rmSync(dir, { recursive: true });
});

test('entities show on the shipped catalog: a shortened id finds the town, with generated aliases', async () => {
  const res = await vigie(['entities', 'show', 'sy-abu-kamal']);
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /^sy-town-abu-kamal {2}region\/town\n/);
  assert.match(res.stdout, /^path {7}Abu Kamal > Abu Kamal District > Deir ez-Zor Governorate > Syria$/m);
  assert.match(res.stdout, /^ {2}fr {6}generated ok {8}\S/m);
  assert.match(res.stdout, /^ {2}ar {6}data {6}ok {8}البوكمال$/m);
});
