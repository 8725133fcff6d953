// Spec of matchDocument on the fixture entities: every spelling trap in French, English and Arabic, the
// traps that must NOT match, nested/overlapping hits, offsets, snippets and paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchDocument } from '../../src/core/match/match-document.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matcher, entities } from './fixture.js';

const ids = (text: string, lang?: string): string[] => matchDocument(matcher, { text, lang }).entities.map((e) => e.id);

const FOUND: Array<[string, string, string]> = [
  ['French elision with straight apostrophe', "Les bombardements d'Alep continuent", 'sy-town-aleppo'],
  ['French elision with curly apostrophe', 'Les bombardements d’Alep continuent', 'sy-town-aleppo'],
  ['diacritics in text (Deraâ)', 'Manifestation à Deraâ', 'sy-town-daraa'],
  ['hyphen form Deir ez-Zor', 'Clashes in Deir ez-Zor', 'sy-town-deir-ez-zor'],
  ['space form Deir ez Zor', 'Clashes in Deir ez Zor', 'sy-town-deir-ez-zor'],
  ['run-together form Deir ezZor', 'Clashes in Deir ezZor', 'sy-town-deir-ez-zor'],
  ['run-together capitalised Deir Ezzor', 'Frappe près de Deir Ezzor', 'sy-town-deir-ez-zor'],
  ['fully hyphenated Deir-ez-Zor', 'Clashes in Deir-ez-Zor', 'sy-town-deir-ez-zor'],
  ['transliteration Dayr az-Zawr', 'Clashes in Dayr az-Zawr', 'sy-town-deir-ez-zor'],
  ['Dayr azZawr joined variant', 'Clashes in Dayr azZawr', 'sy-town-deir-ez-zor'],
  ['French Boukamal', 'Frappe de drone près de Boukamal', 'sy-town-abu-kamal'],
  ['English Al-Bukamal and Albukamal', 'Near Albukamal', 'sy-town-abu-kamal'],
  ['Al-Bukamal with a space (Al Bukamal)', 'Near Al Bukamal', 'sy-town-abu-kamal'],
  ['Arabic with conjunction و fused (والبوكمال)', 'قصف في دير الزور والبوكمال', 'sy-town-abu-kamal'],
  ['Arabic with preposition ب fused (بالبوكمال)', 'انفجار بالبوكمال', 'sy-town-abu-kamal'],
  ['Arabic article-less form (بوكمال) matches البوكمال', 'مدينة بوكمال', 'sy-town-abu-kamal'],
  ['Arabic li + al written لل (للتحالف الدولي)', 'غارة للتحالف الدولي', 'actor-coalition'],
  ['Arabic و + لل (وللتحالف الدولي)', 'وللتحالف الدولي غارات', 'actor-coalition'],
  ['Arabic tashkeel in text (القُنيطرة)', 'في القُنيطرة', 'sy-town-quneitra'],
  ['Arabic tatweel in text', 'في القنيـــطرة', 'sy-town-quneitra'],
  ['Arabic ta marbuta written as ha (حماه)', 'في حماه', 'sy-town-hama'],
  ['Arabic-Indic digit in a name (الطريق ٣)', 'على الطريق ٣', 'sy-route-3'],
  ['acronym in capitals (SDF)', 'SDF fighters advanced', 'actor-sdf'],
  ['French acronym in capitals (l’EI)', 'Une attaque de l’EI', 'actor-isis'],
  ['Arabic acronym (قسد) needs no case', 'مقاتلو قسد', 'actor-sdf'],
  ['short name with its written case (Aïn)', 'Combats à Aïn', 'sy-town-ain'],
  ['short name in an all-capitals headline (AIN)', 'COMBATS A AIN', 'sy-town-ain'],
  ['Hama as written', 'Shelling in Hama', 'sy-town-hama'],
  ['member name in Arabic script (حزب الله)', 'قصف مواقع حزب الله', 'actor-hezbollah'],
];

for (const [name, text, id] of FOUND) {
  test(`finds: ${name}`, () => {
    assert.ok(ids(text).includes(id), `${id} not in ${JSON.stringify(ids(text))}`);
  });
}

const NOT_FOUND: Array<[string, string, string]> = [
  ['"savon d\'Alep" is soap, not Aleppo (exclusion)', "Le savon d'Alep est célèbre", 'sy-town-aleppo'],
  ['"savon d’Alep" with curly apostrophe', 'Le savon d’Alep est célèbre', 'sy-town-aleppo'],
  ['"Al Mayadeen TV" is a channel, not the town', 'according to Al Mayadeen TV', 'sy-town-mayadin'],
  ['"قناة الميادين" is a channel, not the town', 'ذكرت قناة الميادين', 'sy-town-mayadin'],
  ['"is" in lower case is not IS', 'The situation is calm', 'actor-isis'],
  ['"Is" at a sentence start is not IS', 'Is the road open?', 'actor-isis'],
  ['"ei" in lower case is not EI', 'ei ei oh', 'actor-isis'],
  ['"sdf" in lower case is not SDF', 'the sdf file format', 'actor-sdf'],
  ['short name "ain" in lower case is not Aïn', 'the ain of it', 'sy-town-ain'],
  ['Alep inside a longer word (Alépin)', 'un Alépin de souche', 'sy-town-aleppo'],
  ['Syria inside Syrian (token boundary)', 'a Syrian official', 'sy'],
  ['Hama inside Hamas (token boundary)', 'Hamas said', 'sy-town-hama'],
  ['Arabic clitic rule needs a remainder that is an alias token (بحر is not حر…)', 'بحلبة السباق', 'sy-town-aleppo'],
  ['Kataib Hezbollah is not also Hezbollah', 'Kataib Hezbollah claimed the attack', 'actor-hezbollah'],
  ['كتائب حزب الله is not also حزب الله', 'أعلنت كتائب حزب الله', 'actor-hezbollah'],
];

for (const [name, text, id] of NOT_FOUND) {
  test(`does not find: ${name}`, () => {
    assert.ok(!ids(text).includes(id), `${id} unexpectedly in ${JSON.stringify(ids(text))}`);
  });
}

test('nested aliases are all reported; the inner one of another entity carries suppressedBy', () => {
  const r = matchDocument(matcher, { text: 'Kataib Hezbollah claimed it' });
  const hez = r.matches.find((m) => m.entityId === 'actor-hezbollah');
  assert.equal(hez?.suppressedBy, 'actor-kataib-hezbollah');
  assert.equal(hez?.surface, 'Hezbollah');
  assert.deepEqual(r.entities.map((e) => e.id), ['actor-kataib-hezbollah']);
});

test('a district name reports the district, and the town inside it as suppressed', () => {
  const r = matchDocument(matcher, { text: 'in Abu Kamal District' });
  assert.deepEqual(r.matches.map((m) => [m.entityId, m.suppressedBy]),
    [['sy-abu-kamal-district', undefined], ['sy-town-abu-kamal', 'sy-abu-kamal-district']]);
});

test('the same entity elsewhere in the text still counts when one hit is suppressed', () => {
  const r = matchDocument(matcher, { text: 'Kataib Hezbollah and Hezbollah' });
  assert.deepEqual(r.entities.map((e) => e.id).sort(), ['actor-hezbollah', 'actor-kataib-hezbollah']);
});

test('overlapping aliases of different entities are both reported', () => {
  const r = matchDocument(matcher, { text: 'قوات سوريا الديمقراطية' });
  assert.deepEqual(r.matches.map((m) => [m.entityId, m.suppressedBy ?? null]),
    [['actor-sdf', null], ['sy', 'actor-sdf']]);
});

const OFFSET_CASES: Array<[string, string, string]> = [
  ['curly elision', 'Frappes d’Alep hier', 'Alep'],
  ['diacritic', 'À Deraâ, calme', 'Deraâ'],
  ['tashkeel kept in the surface', 'قصف القُنيطرةُ اليوم', 'القُنيطرةُ'],
  ['fused clitics kept in the surface', 'قصف والبوكمال اليوم', 'والبوكمال'],
  ['NFKC full-width letters', 'Attack by ＩＳＩＳ today', 'ＩＳＩＳ'],
  ['hyphen variant', 'In Deir-ez-Zor today', 'Deir-ez-Zor'],
];

for (const [name, text, surface] of OFFSET_CASES) {
  test(`offsets map back to the exact surface: ${name}`, () => {
    const m = matchDocument(matcher, { text }).matches[0]!;
    assert.equal(m.surface, surface);
    assert.equal(text.slice(m.start, m.end), surface);
    assert.equal(m.start, text.indexOf(surface));
  });
}

test('a match explains itself: alias, field, snippet, path and names in the document language', () => {
  const doc = { title: 'Drone', text: 'Premier paragraphe. Une frappe de drone près de Boukamal a tué deux hommes. Fin.', lang: 'fr' };
  const m = matchDocument(matcher, doc).matches[0]!;
  assert.equal(m.alias, 'Boukamal');
  assert.equal(m.field, 'text');
  assert.equal(m.name, 'Boukamal');
  assert.equal(m.snippet, 'Une frappe de drone près de «Boukamal» a tué deux hommes.');
  assert.deepEqual(m.path, ['Abu Kamal', 'Abu Kamal District', 'Deir ez-Zor Governorate', 'Syria']);
  assert.deepEqual(m.pathIds, ['sy-town-abu-kamal', 'sy-abu-kamal-district', 'sy-deir-ez-zor', 'sy']);
});

test('snippets of very long sentences stay bounded and keep the hit', () => {
  const text = `${'mot '.repeat(200)}Boukamal ${'mot '.repeat(200)}`;
  const m = matchDocument(matcher, { text }).matches[0]!;
  assert.ok(m.snippet.length <= 250, `length ${m.snippet.length}`);
  assert.ok(m.snippet.includes('«Boukamal»'));
});

test('fields option limits the pass to title and summary (the cheap first pass)', () => {
  const doc = { title: 'Syrie', summary: 'Deraâ', text: 'Boukamal' };
  const r = matchDocument(matcher, doc, { fields: ['title', 'summary'] });
  assert.deepEqual(r.entities.map((e) => e.id), ['sy', 'sy-town-daraa']);
  assert.deepEqual(r.matches.map((m) => m.field), ['title', 'summary']);
});

test('compileMatcher counts and versions the entity set', () => {
  const again = compileMatcher([...entities].reverse());
  assert.equal(matcher.entityCount, entities.length);
  assert.ok(matcher.aliasCount >= entities.length * 2);
  assert.equal(again.version, matcher.version);
  assert.notEqual(compileMatcher(entities.slice(1)).version, matcher.version);
});
