// Forms of a name the matcher derives at compile time (alias-variants.ts) rather than from the catalog:
// the Arabic compass adjective (جنوبي لبنان for جنوب لبنان) and the hiatus written with an apostrophe
// (al-Qa'im for al-Qaim), and Arabic names written run together (ديرالزور). Sentences written for these tests.
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
  e({ id: 'sy-dez', kind: 'region', type: 'town', names: { en: 'Deir ez-Zor', fr: 'Deir ez-Zor', ar: 'دير الزور' }, parents: ['sy'] }),
  e({ id: 'iq', kind: 'region', type: 'country', names: { en: 'Iraq', fr: 'Irak', ar: 'العراق' } }),
  e({ id: 'iq-qaim', kind: 'region', type: 'town', names: { en: 'Al-Qaim', fr: 'Al-Qaim', ar: 'القائم' }, parents: ['iq'] }),
  e({ id: 'actor-kh', kind: 'actor', type: 'armed-group', names: { en: 'Kataib Hezbollah', fr: 'Kataeb Hezbollah', ar: 'كتائب حزب الله' } }),
]);
const ids = (text: string, lang: string): string[] => matchDocument(matcher, { text, lang }).entities.map((x) => x.id).sort();

test('an Arabic name that starts with a compass noun is found in its adjective form too', () => {
  assert.deepEqual(ids('غارات على جنوب لبنان', 'ar'), ['lb-south']);
  assert.deepEqual(ids('غارات على جنوبي لبنان', 'ar'), ['lb-south']);
  assert.deepEqual(ids('وصل الوفد إلى لبنان', 'ar'), ['lb']);
});

test('a hamza or ayn written as an apostrophe between two vowels does not hide the name', () => {
  assert.deepEqual(ids('Strikes near al-Qa’im.', 'en'), ['iq-qaim']);
  assert.deepEqual(ids("Strikes near al-Qa'im and al-Qaim.", 'en'), ['iq-qaim']);
  assert.deepEqual(ids("Kata'ib Hezbollah fighters", 'en'), ['actor-kh']);
  assert.deepEqual(ids('Strikes near al-Qam.', 'en'), [], 'the split form still needs both halves');
});

test('an Arabic name of two or three words is found with its words run together', () => {
  assert.deepEqual(ids('قصف على مطار ديرالزور', 'ar'), ['sy-dez']);
  assert.deepEqual(ids('قصف على دير الزور وبديرالزور', 'ar'), ['sy-dez']);
  assert.deepEqual(ids('قصف على دير', 'ar'), []);
});
