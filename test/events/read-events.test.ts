// The event reader on sentences written for this test: main event type from the headline and lead,
// killed and injured tied to their words, places and actors from the matcher's matches in its sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEvents } from '../../src/core/events/read-events.js';
import { readCasualties } from '../../src/core/events/read-casualties.js';
import { foldForCues } from '../../src/core/events/fold-for-cues.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';

const casualties: Array<[string, number | null, number | null]> = [
  ['Four soldiers were killed and four others injured.', 4, 4],
  ['The strike killed 3 fighters and 2 civilians.', 5, null],
  ['Two fighters and one civilian were killed, and three civilians were wounded.', 3, 3],
  ['Seven people, including three Hezbollah members, were killed.', 7, null],
  ['A Hezbollah member was killed and three civilians were injured.', 1, 3],
  ['The shelling killed and wounded about 12 people.', null, null],
  ['Le bilan s\'élève à 25 morts et 51 blessés.', 25, 51],
  ['Une frappe a tué vingt-trois personnes.', 23, null],
  ['Un soldat a été tué.', 1, null],
  ['مقتل أربعة جنود وإصابة أربعة آخرين', 4, 4],
  ['لقي 4 أشخاص مصرعهم، وأصيب اثنان آخران بجروح', 4, 2],
  ['مقتل قيادي في تنظيم داعش', 1, null],
  ['The attack led to the death of one SDF fighter and the injury of another.', 1, 1],
  ['Un obus a tué un soldat et en a blessé un autre.', 1, 1],
  ['مقتل عنصر وإصابة آخر', 1, 1],
  ['Three were killed and others were wounded.', 3, null],
  ['The 90th brigade lost no one, 30 km away.', null, null],
  ['Three strikes hit the village on 12 March.', null, null],
];

for (const [sentence, killed, injured] of casualties) {
  test(`casualties: "${sentence}" -> killed ${killed}, injured ${injured}`, () => {
    assert.deepEqual(readCasualties(foldForCues(sentence)), { killed, injured });
  });
}

const { matcher } = await shippedCatalog();
const read = (title: string, text: string, lang: string) => {
  const doc = { title, text, lang };
  return readEvents(doc, matchDocument(matcher, doc));
};

test('a drone strike in the headline is the main event, with its toll, place and summary', () => {
  const [main] = read('Drone strike kills six in Boukamal', 'A drone strike killed six fighters near Boukamal in Deir ez-Zor province on Monday.', 'en');
  assert.equal(main!.type, 'air_strike');
  assert.equal(main!.killed, 6);
  assert.equal(main!.injured, null);
  assert.ok(main!.where.includes('sy-town-abu-kamal'));
  assert.equal(main!.summary, 'Drone strike · 6 killed · Abu Kamal (Deir ez-Zor)');
  assert.equal(main!.evidence[0]!.field, 'title');
});

test('French clashes with the toll in the lead', () => {
  const [main] = read('Affrontements à Deir ez-Zor', 'De violents affrontements ont fait au moins douze morts et vingt blessés à Deir ez-Zor, selon l\'OSDH.', 'fr');
  assert.equal(main!.type, 'armed_clash');
  assert.equal(main!.killed, 12);
  assert.equal(main!.injured, 20);
});

test('Arabic air raid with Eastern Arabic digits', () => {
  const [main] = read('غارة على دير الزور', 'أسفرت غارة جوية على مدينة دير الزور عن مقتل ٧ أشخاص وإصابة ١٢ آخرين.', 'ar');
  assert.equal(main!.type, 'air_strike');
  assert.equal(main!.killed, 7);
  assert.equal(main!.injured, 12);
});

test('a campaign total told as background is not the toll', () => {
  const [main] = read('Israeli strike hits Nabatieh', 'An Israeli strike hit a house in Nabatieh on Monday. No casualties were reported.\n'
    + 'Since October, more than 400 people have been killed in Lebanon, according to an AFP tally.', 'en');
  assert.equal(main!.type, 'air_strike');
  assert.equal(main!.killed, null);
});

test('a football report from Aleppo is no security event, though its "matches" read like clashes', () => {
  const [main] = read('أهلي حلب يفوز في الدوري', 'انتصر أهلي حلب في مباراة الدوري السوري لكرة القدم، بعد مواجهات قوية في ملعب حلب.', 'ar');
  assert.equal(main!.type, 'none');
});

test('an off-topic page with no place or actor gives no event', () => {
  assert.deepEqual(read('A recipe for lentil soup', 'Cook two cups of lentils with three onions for 20 minutes.', 'en'), []);
});
