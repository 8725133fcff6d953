// Forms of a name the matcher derives at compile time (alias-variants.ts) rather than from the catalog:
// the Arabic compass adjective (جنوبي لبنان for جنوب لبنان). Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitySchema, type Entity, type EntityInput } from '../../src/core/entities/entity.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';

const e = (x: EntityInput): Entity => entitySchema.parse(x);
const matcher = compileMatcher([
  e({ id: 'lb', kind: 'region', type: 'country', names: { en: 'Lebanon', fr: 'Liban', ar: 'لبنان' } }),
  e({ id: 'lb-south', kind: 'region', type: 'governorate', names: { en: 'South Lebanon', fr: 'Liban-Sud', ar: 'جنوب لبنان' }, parents: ['lb'] }),
  e({ id: 'sy', kind: 'region', type: 'country', names: { en: 'Syria', fr: 'Syrie', ar: 'سوريا' } }),
]);
const ids = (text: string, lang: string): string[] => matchDocument(matcher, { text, lang }).entities.map((x) => x.id).sort();

test('an Arabic name that starts with a compass noun is found in its adjective form too', () => {
  assert.deepEqual(ids('غارات على جنوب لبنان', 'ar'), ['lb-south']);
  assert.deepEqual(ids('غارات على جنوبي لبنان', 'ar'), ['lb-south']);
  assert.deepEqual(ids('وصل الوفد إلى لبنان', 'ar'), ['lb']);
});
