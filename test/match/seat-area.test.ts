// The area around a seat town stands for the unit the town seats (match-document.ts seatTarget,
// context-words.ts seatUnitWord, seat-units.ts): its countryside, and its desert or plain too; and a
// town seats its district even where their English names differ (Palmyra in Tadmur District), when
// the French and Arabic names agree. Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitySchema, type Entity, type EntityInput } from '../../src/core/entities/entity.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';

const e = (x: EntityInput): Entity => entitySchema.parse(x);

const entities: Entity[] = [
  e({ id: 'sy', kind: 'region', type: 'country', names: { en: 'Syria', fr: 'Syrie', ar: 'سوريا' } }),
  e({ id: 'sy-homs', kind: 'region', type: 'governorate', names: { en: 'Homs Governorate', fr: 'gouvernorat de Homs', ar: 'محافظة حمص' }, parents: ['sy'] }),
  e({ id: 'sy-homs-d', kind: 'region', type: 'district', names: { en: 'Homs District', fr: 'district de Homs', ar: 'منطقة حمص' }, parents: ['sy-homs'] }),
  e({ id: 'sy-homs-town', kind: 'region', type: 'town', names: { en: 'Homs', fr: 'Homs', ar: 'حمص' }, parents: ['sy-homs-d'] }),
  // The English names differ (Palmyra, Tadmur District); the French and Arabic ones agree.
  e({ id: 'sy-tadmur-d', kind: 'region', type: 'district', names: { en: 'Tadmur District', fr: 'district de Palmyre', ar: 'منطقة تدمر' }, parents: ['sy-homs'] }),
  e({ id: 'sy-palmyra', kind: 'region', type: 'town', names: { en: 'Palmyra', fr: 'Palmyre', ar: 'مدينة تدمر' }, aliases: { ar: ['تدمر'] }, parents: ['sy-tadmur-d'] }),
  // Names that agree in no language: no seat.
  e({ id: 'sy-mukharram-d', kind: 'region', type: 'district', names: { en: 'Mukharram District', fr: 'district de Moukharram', ar: 'منطقة المخرم' }, parents: ['sy-homs'] }),
  e({ id: 'sy-qaryatayn', kind: 'region', type: 'town', names: { en: 'Al-Qaryatayn', fr: 'Qaryatayn', ar: 'القريتين' }, parents: ['sy-mukharram-d'] }),
  e({ id: 'sy-dz', kind: 'region', type: 'governorate', names: { en: 'Deir ez-Zor Governorate', fr: 'gouvernorat de Deir ez-Zor', ar: 'محافظة دير الزور' }, parents: ['sy'] }),
  e({ id: 'sy-mayadin-d', kind: 'region', type: 'district', names: { en: 'Mayadin District', fr: 'district de Mayadine', ar: 'منطقة الميادين' }, parents: ['sy-dz'] }),
  e({ id: 'sy-mayadin', kind: 'region', type: 'town', names: { en: 'Mayadin', fr: 'Mayadine', ar: 'الميادين' }, parents: ['sy-mayadin-d'] }),
  e({ id: 'lb', kind: 'region', type: 'country', names: { en: 'Lebanon', fr: 'Liban', ar: 'لبنان' } }),
  e({ id: 'lb-marj-d', kind: 'region', type: 'district', names: { en: 'Marjayoun District', fr: 'district de Marjayoun', ar: 'قضاء مرجعيون' }, parents: ['lb'] }),
  e({ id: 'lb-marj', kind: 'region', type: 'town', names: { en: 'Marjayoun', fr: 'Marjayoun', ar: 'مرجعيون' }, parents: ['lb-marj-d'] }),
];
const matcher = compileMatcher(entities);
const ids = (text: string, lang: string): string[] => matchDocument(matcher, { text, lang }).entities.map((x) => x.id).sort();

test('the desert of a seat town is the unit it seats, in each language', () => {
  assert.deepEqual(ids("Une attaque contre un bus militaire dans le désert de Palmyre.", 'fr'), ['sy-tadmur-d']);
  assert.deepEqual(ids("Des cellules de l'EI actives dans le désert syrien de Palmyre.", 'fr'), ['sy-tadmur-d'], 'an adjective between');
  assert.deepEqual(ids('Gunmen ambushed a patrol in the Palmyra Desert.', 'en'), ['sy-tadmur-d']);
  assert.deepEqual(ids('Gunmen ambushed a patrol in the desert of Mayadin.', 'en'), ['sy-mayadin-d']);
  assert.deepEqual(ids('هجوم على دورية في بادية الميادين شرقي دير الزور', 'ar'), ['sy-mayadin-d']);
  assert.deepEqual(ids('هجوم على دورية في صحراء الميادين', 'ar'), ['sy-mayadin-d']);
  assert.deepEqual(ids('قصف مدفعي على سهل مرجعيون', 'ar'), ['lb-marj-d'], 'a plain, the same way');
});

test('the town itself stays the town', () => {
  assert.deepEqual(ids('Des combats à Palmyre.', 'fr'), ['sy-palmyra']);
  assert.deepEqual(ids('Fighting inside Palmyra left two dead.', 'en'), ['sy-palmyra']);
  assert.deepEqual(ids('قصف على مرجعيون', 'ar'), ['lb-marj']);
  assert.deepEqual(ids('Villagers fled the desert heat to Mayadin.', 'en'), ['sy-mayadin'], '"desert" not naming the area of the town');
});

test('a town seats a district named otherwise in English when French and Arabic agree; not when no language agrees', () => {
  assert.deepEqual(ids('Clashes in the Palmyra countryside.', 'en'), ['sy-tadmur-d']);
  assert.deepEqual(ids('اشتباكات في ريف تدمر', 'ar'), ['sy-tadmur-d']);
  assert.deepEqual(ids('Clashes in the Qaryatayn countryside.', 'en'), ['sy-qaryatayn']);
});

test('a seat town after a city word is the town, even after another place\'s countryside word', () => {
  assert.deepEqual(ids('اشتباكات في ريف حمص الشرقي قرب مدينة تدمر', 'ar'), ['sy-homs', 'sy-palmyra']);
  assert.deepEqual(ids('Fighting in the countryside of Homs, near the city of Palmyra.', 'en'), ['sy-homs', 'sy-palmyra']);
});
