// Two villages of one name with the same evidence ("the town of X" fits both): the one whose district or
// governorate the document's other places lie in takes the words. Sentences written for vigie.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitySchema, type Entity, type EntityInput } from '../../src/core/entities/entity.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';

const e = (x: EntityInput): Entity => entitySchema.parse(x);
const village = (id: string, parent: string): Entity => e({ id, kind: 'region', type: 'town', names: { en: 'Dayr Sunbul', fr: 'Deir Sounboul', ar: 'دير سنبل' },
  parents: [parent], ambiguous: { 'Dayr Sunbul': 'minor place', 'Deir Sounboul': 'minor place', 'دير سنبل': 'minor place' } });

const entities: Entity[] = [
  e({ id: 'sy', kind: 'region', type: 'country', names: { en: 'Syria', fr: 'Syrie', ar: 'سوريا' } }),
  e({ id: 'sy-idl', kind: 'region', type: 'governorate', names: { en: 'Idlib Governorate', fr: "gouvernorat d'Idleb", ar: 'محافظة إدلب' }, parents: ['sy'] }),
  e({ id: 'sy-idl-d', kind: 'region', type: 'district', names: { en: 'Ariha District', fr: "district d'Ariha", ar: 'منطقة أريحا' }, parents: ['sy-idl'] }),
  e({ id: 'sy-zawiya', kind: 'region', type: 'area', names: { en: 'Zawiya Mountain', fr: 'Jabal al-Zawiya', ar: 'جبل الزاوية' }, parents: ['sy-idl'] }),
  e({ id: 'sy-ham', kind: 'region', type: 'governorate', names: { en: 'Hama Governorate', fr: 'gouvernorat de Hama', ar: 'محافظة حماة' }, parents: ['sy'] }),
  e({ id: 'sy-ham-d', kind: 'region', type: 'district', names: { en: 'Masyaf District', fr: 'district de Masyaf', ar: 'منطقة مصياف' }, parents: ['sy-ham'] }),
  e({ id: 'sy-ghab', kind: 'region', type: 'area', names: { en: 'Ghab Plain', fr: 'plaine du Ghab', ar: 'سهل الغاب' }, parents: ['sy-ham'] }),
  village('sy-ds-hama', 'sy-ham-d'),
  village('sy-ds-idlib', 'sy-idl-d'),
];
const matcher = compileMatcher(entities);
const ids = (text: string, lang: string): string[] => matchDocument(matcher, { text, lang }).entities.map((x) => x.id).sort();

test('with equal evidence, the village of the governorate the document is about takes the words, whichever comes first in the catalog', () => {
  assert.deepEqual(ids('Shelling hit the town of Dayr Sunbul. Zawiya Mountain has been shelled for a week.', 'en'), ['sy-ds-idlib', 'sy-zawiya']);
  assert.deepEqual(ids('Shelling hit the town of Dayr Sunbul. The Ghab Plain has been shelled for a week.', 'en'), ['sy-ds-hama', 'sy-ghab']);
  assert.deepEqual(ids('استهدف قصف بلدات دير سنبل في جبل الزاوية', 'ar'), ['sy-ds-idlib', 'sy-zawiya']);
  const r = matchDocument(matcher, { text: 'Shelling hit the town of Dayr Sunbul. Zawiya Mountain has been shelled for a week.', lang: 'en' });
  assert.match(r.unconfirmed!.find((m) => m.entityId === 'sy-ds-hama')!.unconfirmed!, /another entity took these words/);
});
