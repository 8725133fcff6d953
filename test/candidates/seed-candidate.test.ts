// The founding document with a catalog that lacks its new regiment: the regiment is proposed from the
// seed text alone, with the Iran-backed militias among the known actors around it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { findCandidates } from '../../src/core/candidates/find-candidates.js';
import { knownCandidateKeys } from '../../src/core/candidates/known-candidate-keys.js';
import { sharedDir } from '../harness/paths.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';

const seedDir = path.join(sharedDir, 'seed');
const text = fs.readFileSync(path.join(seedDir, fs.readdirSync(seedDir).find((f) => f.endsWith('.txt'))!), 'utf8');
// The seed's first line is the tag page's title (the regiment's name): the article starts after it,
// so the proposal must come from the sentence that names the militia, not from the tag.
const body = text.slice(text.indexOf('\n') + 1);
const REGIMENT = 'actor-hajj-qassem-soleimani-regiment';
const shipped = await shippedCatalog();

test('seed: without the regiment in the catalog, the regiment is proposed from the text, Iran-backed militias near it', () => {
  const entities = shipped.entities.filter((e) => e.id !== REGIMENT);
  const result = matchDocument(compileMatcher(entities), { text: body, lang: 'fr' });
  const found = findCandidates({ text: body, lang: 'fr' }, result, knownCandidateKeys(entities));
  const regiment = found.find((c) => /Soleimani/.test(c.name));
  assert.ok(regiment, `regiment proposed; found: ${JSON.stringify(found.map((c) => c.name))}`);
  assert.match(regiment.name, /^Régiment de Hajj Qassem Soleimani$/);
  assert.match(regiment.evidence, /^La milice, baptisée "Régiment de Hajj Qassem Soleimani"/);
  assert.equal(body.slice(regiment.start, regiment.end), regiment.name);
  assert.equal(regiment.lang, 'fr');
  assert.ok(regiment.nearActors.includes('actor-iran-backed-militias'), `near: ${regiment.nearActors.join(', ')}`);
  assert.deepEqual(found.map((c) => c.name), [regiment.name], 'the "90ème brigade blindée" of the regime is not proposed');
});

test('seed: with the full catalog the regiment is known, and nothing is proposed', () => {
  const { entities, matcher } = shipped;
  const result = matchDocument(matcher, { text: body, lang: 'fr' });
  assert.deepEqual(findCandidates({ text: body, lang: 'fr' }, result, knownCandidateKeys(entities)), []);
});
