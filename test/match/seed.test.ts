// The founding document (../shared/seed/), matched with the shipped catalog: every place and actor it
// names, each with its path. Read from the shared folder, never copied into the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { matchDocument, type MatchResult } from '../../src/core/match/match-document.js';
import { sharedDir } from '../harness/paths.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';

const seedDir = path.join(sharedDir, 'seed');
const seedFile = fs.readdirSync(seedDir).find((f) => f.endsWith('.txt'))!;
const text = fs.readFileSync(path.join(seedDir, seedFile), 'utf8');
const result: MatchResult = matchDocument((await shippedCatalog()).matcher, { text, lang: 'fr' });
const found = (id: string) => result.entities.find((e) => e.id === id);

const PLACES: Array<[string, string, string[]]> = [
  ['Boukamal', 'sy-town-abu-kamal', ['Abu Kamal', 'Abu Kamal District', 'Deir ez-Zor Governorate', 'Syria']],
  ['Deir Ezzor (province)', 'sy-deir-ez-zor', ['Deir ez-Zor Governorate', 'Syria']],
  ['Quneitra (province)', 'sy-quneitra', ['Quneitra Governorate', 'Syria']],
  ['Deraa (governorate)', 'sy-daraa', ['Daraa Governorate', 'Syria']],
  ['Aleppo (governorate)', 'sy-aleppo', ['Aleppo Governorate', 'Syria']],
];

for (const [name, id, pathNames] of PLACES) {
  test(`seed: ${name} is found with its path`, () => {
    const e = found(id);
    assert.ok(e, `${id} not found; entities: ${result.entities.map((x) => x.id).join(', ')}`);
    assert.deepEqual(e.path, pathNames);
  });
}

test('seed: Nubl, Zahraa and Habaria are found, under Aleppo and Quneitra', () => {
  const under = (gov: string) => result.entities.filter((e) => e.kind === 'region' && e.path.includes(gov)).map((e) => e.path[0]);
  const aleppo = under('Aleppo Governorate').join(' | ');
  assert.match(aleppo, /Nubl/);
  assert.match(aleppo, /Zahra/);
  assert.match(under('Quneitra Governorate').join(' | '), /Habari/);
});

test('seed: the actors, each with its member-of path', () => {
  for (const id of ['actor-hezbollah', 'actor-iran-backed-militias', 'actor-israel', 'actor-syrian-arab-army']) {
    assert.ok(found(id), `${id} not found; actors: ${result.entities.filter((e) => e.kind === 'actor').map((x) => x.id).join(', ')}`);
  }
  const regiment = result.entities.find((e) => e.kind === 'actor' && /Soleimani/i.test(e.path[0]!));
  assert.ok(regiment, 'the new regiment is found');
  assert.ok(regiment.path.includes('Iran-backed militias'), `regiment path ${regiment.path.join(' > ')}`);
  const golanFront = result.entities.find((e) => e.kind === 'actor' && /Golan/i.test(e.path[0]!));
  assert.ok(golanFront, 'the Golan liberation front is an actor');
  assert.equal(found('sy-area-golan'), undefined, 'the Golan inside the front\'s name is not a place');
});
