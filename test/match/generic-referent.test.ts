// Generic references ("the regime", "General Security") and the names around them: a member's name that
// holds the words points to its parent, another entity's name that holds them takes them, and a date
// alone does not carry a country's forces to a page about another country. Sentences written for vigie.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitySchema, type Entity, type EntityInput } from '../../src/core/entities/entity.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';

const e = (x: EntityInput): Entity => entitySchema.parse(x);

const entities: Entity[] = [
  e({ id: 'sy', kind: 'region', type: 'country', names: { en: 'Syria', fr: 'Syrie', ar: 'سوريا' } }),
  e({ id: 'lb', kind: 'region', type: 'country', names: { en: 'Lebanon', fr: 'Liban', ar: 'لبنان' } }),
  e({ id: 'sy-lat', kind: 'region', type: 'governorate', names: { en: 'Latakia Governorate', fr: 'gouvernorat de Lattaquié', ar: 'محافظة اللاذقية' }, parents: ['sy'] }),
  e({ id: 'sy-latakia', kind: 'region', type: 'town', names: { en: 'Latakia', fr: 'Lattaquié', ar: 'اللاذقية' }, parents: ['sy-lat'] }),
  e({ id: 'lb-north', kind: 'region', type: 'governorate', names: { en: 'North Governorate', fr: 'gouvernorat du Nord', ar: 'محافظة الشمال' }, parents: ['lb'] }),
  e({ id: 'lb-tripoli', kind: 'region', type: 'town', names: { en: 'Tripoli', fr: 'Tripoli', ar: 'طرابلس' }, parents: ['lb-north'] }),
  e({ id: 'actor-regime', kind: 'actor', type: 'government', names: { en: 'Assad regime', fr: 'régime de Bachar al-Assad', ar: 'نظام الأسد' },
    generic: { en: ['regime'], fr: ['régime'], ar: ['النظام'] } }),
  e({ id: 'actor-saa', kind: 'actor', type: 'state-force', names: { en: 'Syrian Arab Army', fr: 'armée arabe syrienne', ar: 'الجيش العربي السوري' },
    aliases: { en: ['regime forces'], fr: ['forces du régime'], ar: ['قوات النظام'] }, parents: ['actor-regime'] }),
  e({ id: 'actor-sy-gs', kind: 'actor', type: 'state-force', names: { en: 'General Security (Syria)', fr: 'Sécurité générale (Syrie)', ar: 'جهاز الأمن العام' },
    generic: { en: ['General Security'], ar: ['الأمن العام'] }, establishedBy: ['sy'], period: { from: 2025 } }),
  e({ id: 'actor-lb-gs', kind: 'actor', type: 'state-force', names: { en: 'General Directorate of General Security', fr: 'Sûreté générale libanaise', ar: 'المديرية العامة للأمن العام' } }),
];
const matcher = compileMatcher(entities);
const ids = (text: string, lang: string): string[] => matchDocument(matcher, { text, lang }).entities.map((x) => x.id).sort();

test('"the regime" beside "regime forces" is the regime: a member\'s name that holds the words points to its parent', () => {
  const r = matchDocument(matcher, { text: 'Regime forces shelled Latakia overnight. The regime denied any shelling.', lang: 'en' });
  assert.deepEqual(r.entities.map((x) => x.id).sort(), ['actor-regime', 'actor-saa', 'sy-latakia']);
  assert.match(r.matches.find((m) => m.entityId === 'actor-regime' && m.suppressedBy === undefined)!.evidence!, /a member of actor-regime is named/);
  assert.deepEqual(ids('Les forces du régime ont bombardé Lattaquié ; le régime dément.', 'fr'), ['actor-regime', 'actor-saa', 'sy-latakia']);
  assert.deepEqual(ids('قصفت قوات النظام اللاذقية، ونفى النظام ذلك.', 'ar'), ['actor-regime', 'actor-saa', 'sy-latakia']);
});

test('another entity whose name holds the generic words still takes them', () => {
  const r = matchDocument(matcher, { text: 'In 2025 the General Directorate of General Security said General Security would open the crossing.', lang: 'en' });
  assert.deepEqual(r.entities.map((x) => x.id).sort(), ['actor-lb-gs']);
  assert.match(r.unconfirmed!.find((m) => m.entityId === 'actor-sy-gs')!.unconfirmed!, /names actor-lb-gs, whose name holds these words/);
});

test('a date alone does not carry a country\'s forces to a page whose places are all in another country', () => {
  const r = matchDocument(matcher, { text: 'In 2025 General Security arrested two men in Tripoli.', lang: 'en' });
  assert.deepEqual(r.entities.map((x) => x.id).sort(), ['lb-tripoli']);
  assert.match(r.unconfirmed!.find((m) => m.entityId === 'actor-sy-gs')!.unconfirmed!, /places are in lb, not in actor-sy-gs's country/);
  assert.deepEqual(ids('In 2025 General Security arrested two men in Latakia.', 'en'), ['actor-sy-gs', 'sy-latakia']);
  assert.deepEqual(ids('In 2025 General Security arrested two men in Tripoli, then handed them over in Latakia.', 'en'),
    ['actor-sy-gs', 'lb-tripoli', 'sy-latakia'], 'its country among the places: the date decides');
  assert.deepEqual(ids('في عام 2025 اعتقل الأمن العام رجلين في طرابلس.', 'ar'), ['lb-tripoli']);
});
