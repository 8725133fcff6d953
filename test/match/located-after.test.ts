// A minor place located by what follows it: its district or governorate, or the seat town that names
// them ("north-west of Idlib"), across the other places of its list; and a unit word after the name
// ("the Qulaydin neighbourhood"). Sentences written for vigie.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitySchema, type Entity, type EntityInput } from '../../src/core/entities/entity.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';

const e = (x: EntityInput): Entity => entitySchema.parse(x);
const minor = (id: string, en: string, ar: string, parent: string): Entity => e({ id, kind: 'region', type: 'town', names: { en, fr: en, ar },
  parents: [parent], ambiguous: { [en]: 'minor place', [ar]: 'minor place' } });

const entities: Entity[] = [
  e({ id: 'sy', kind: 'region', type: 'country', names: { en: 'Syria', fr: 'Syrie', ar: 'سوريا' } }),
  e({ id: 'sy-idl', kind: 'region', type: 'governorate', names: { en: 'Idlib Governorate', fr: "gouvernorat d'Idleb", ar: 'محافظة إدلب' }, parents: ['sy'] }),
  e({ id: 'sy-idl-d', kind: 'region', type: 'district', names: { en: 'Idlib District', fr: "district d'Idleb", ar: 'منطقة إدلب' }, parents: ['sy-idl'] }),
  e({ id: 'sy-idlib', kind: 'region', type: 'city', names: { en: 'Idlib', fr: 'Idleb', ar: 'إدلب' }, parents: ['sy-idl-d'] }),
  e({ id: 'sy-ghab', kind: 'region', type: 'area', names: { en: 'Ghab Plain', fr: 'plaine du Ghab', ar: 'سهل الغاب' }, parents: ['sy-idl'] }),
  minor('sy-kfar', 'Kfar Tala', 'كفر تالا', 'sy-idl-d'),
  minor('sy-qul', 'Qulaydin', 'قليدين', 'sy-idl-d'),
  // A village whose name is a common word.
  e({ id: 'sy-rose', kind: 'region', type: 'town', names: { en: 'Warda', fr: 'Rose', ar: 'الوردة' }, parents: ['sy-idl-d'],
    ambiguous: { Rose: 'common word (fr)', 'الوردة': 'common word (ar)' } }),
  e({ id: 'sy-lat', kind: 'region', type: 'governorate', names: { en: 'Latakia Governorate', fr: 'gouvernorat de Lattaquié', ar: 'محافظة اللاذقية' }, parents: ['sy'] }),
  e({ id: 'sy-latakia', kind: 'region', type: 'city', names: { en: 'Latakia', fr: 'Lattaquié', ar: 'اللاذقية' }, parents: ['sy-lat'] }),
];
const matcher = compileMatcher(entities);
const ids = (text: string, lang: string): string[] => matchDocument(matcher, { text, lang }).entities.map((x) => x.id).sort();

test('villages followed by the seat town of their governorate are located by it, across the list and the area between', () => {
  const r = matchDocument(matcher, { text: 'Artillery shelled Kfar Tala and Qulaydin in the Ghab Plain, north-west of Idlib.', lang: 'en' });
  assert.deepEqual(r.entities.map((x) => x.id).sort(), ['sy-ghab', 'sy-idlib', 'sy-kfar', 'sy-qul']);
  assert.match(r.matches.find((m) => m.entityId === 'sy-kfar')!.evidence!, /located by its sy-idlib/);
  assert.deepEqual(ids('قصفت المدفعية كفر تالا شمال وغرب إدلب', 'ar'), ['sy-idlib', 'sy-kfar'], 'Arabic "and" fused to the compass word');
  assert.deepEqual(ids("L'artillerie a pilonné Kfar Tala, dans le nord-ouest d'Idleb.", 'fr'), ['sy-idlib', 'sy-kfar']);
});

test('what follows a village must locate it: another clause, or the seat town of another governorate, does not', () => {
  assert.deepEqual(ids('Artillery shelled Kfar Tala, said the mayor of Idlib.', 'en'), ['sy-idlib']);
  assert.deepEqual(ids('Artillery shelled Kfar Tala, north of Latakia.', 'en'), ['sy-latakia']);
});

test('a unit word after the name makes it a place: "the eastern Qulaydin neighbourhood"', () => {
  const r = matchDocument(matcher, { text: 'A drone hit Latakia. The strike took place in the eastern Qulaydin neighborhood, sources said.', lang: 'en' });
  assert.deepEqual(r.entities.map((x) => x.id).sort(), ['sy-latakia', 'sy-qul']);
  assert.match(r.matches.find((m) => m.entityId === 'sy-qul')!.evidence!, /«neighborhood» next to it/);
  assert.deepEqual(ids('A drone hit Latakia. The strike took place in the eastern Qulaydin market, sources said.', 'en'), ['sy-latakia']);
});

test('a name that is also a word counts with its unit word and its district named by the district\'s seat town', () => {
  const r = matchDocument(matcher, { text: "Des tirs ont visé le quartier de Rose, dans la ville d'Idleb.", lang: 'fr' });
  assert.deepEqual(r.entities.map((x) => x.id).sort(), ['sy-idlib', 'sy-rose']);
  assert.match(r.matches.find((m) => m.entityId === 'sy-rose')!.evidence!, /«quartier de» next to it, and its district sy-idl-d is named/);
  assert.deepEqual(ids("Des tirs ont visé Rose, dans la ville d'Idleb.", 'fr'), ['sy-idlib'], 'no unit word: the everyday word');
  assert.deepEqual(ids('قتل ثلاثة أشخاص في حي الوردة في مدينة إدلب', 'ar'), ['sy-idlib', 'sy-rose']);
  assert.deepEqual(ids('خرجت قوة من مخيمات الوردة في مدينة إدلب', 'ar'), ['sy-idlib', 'sy-rose'], 'camps, plural, is a unit word too');
  assert.deepEqual(ids('قتل ثلاثة أشخاص في حي الوردة في مدينة اللاذقية', 'ar'), ['sy-latakia'], "another district's seat town");
});
