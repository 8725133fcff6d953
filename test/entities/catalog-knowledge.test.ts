// Checks the named sites, quarters and formations added to the shipped catalog for real news (issue
// 10): each is found in a sentence of the kind reports write, under the right parent, and the ones
// whose names are also common words (a drunk man, a park's green zone) are not raised by those words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchDocument } from '../../src/core/match/match-document.js';
import { buildEntityGraph } from '../../src/core/match/entity-graph.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';

// The build's snapshot of the shipped catalog (test/harness/shipped-catalog.ts): not compiled again here.
const { entities, matcher } = await shippedCatalog();
const graph = buildEntityGraph(entities);

const found = (text: string, lang: 'en' | 'fr' | 'ar'): string[] => matchDocument(matcher, { text, lang }).entities.map((e) => e.id);

const cases: Array<{ name: string; lang: 'en' | 'fr' | 'ar'; text: string; id: string; within: string }> = [
  { name: 'a prison of the north-east, by its other name', lang: 'en', id: 'sy-prison-ghwayran', within: 'sy-al-hasakah',
    text: 'Islamic State fighters attacked the al-Sina\'a prison in Hasakah on Thursday, the SDF said.' },
  { name: 'the same prison in Arabic', lang: 'ar', id: 'sy-prison-ghwayran', within: 'sy-al-hasakah',
    text: 'هاجم عناصر من تنظيم داعش سجن غويران في مدينة الحسكة ليل الخميس.' },
  { name: 'a Palestinian camp of Lebanon in French', lang: 'fr', id: 'lb-camp-ain-al-hilweh', within: 'lb-south',
    text: 'Des affrontements ont éclaté dans le camp d\'Aïn el-Héloué, près de Saïda, faisant deux morts.' },
  { name: 'an Iraqi district seat the data held only as a unit', lang: 'en', id: 'iq-town-hawija', within: 'iq-kirkuk',
    text: 'Iraqi forces killed three militants in an operation near Hawija, west of Kirkuk.' },
  { name: 'the same town in French', lang: 'fr', id: 'iq-town-hawija', within: 'iq-kirkuk',
    text: 'Trois jihadistes ont été tués lors d\'une opération près de Haouija, à l\'ouest de Kirkouk.' },
  { name: 'a border crossing in Arabic', lang: 'ar', id: 'sy-crossing-arida', within: 'sy-tartus',
    text: 'استهدفت غارة إسرائيلية معبر العريضة الحدودي بين سوريا ولبنان.' },
  { name: 'a quarter of Beirut\'s southern suburbs', lang: 'en', id: 'lb-area-laylaki', within: 'lb-mount-lebanon',
    text: 'An Israeli strike hit a building in Laylaki, in Beirut\'s southern suburbs, on Sunday.' },
  { name: 'an air base of Suwayda', lang: 'en', id: 'sy-base-thaala', within: 'sy-as-suwayda',
    text: 'Israeli jets struck the Tha\'la military airport west of Suwayda city overnight.' },
  { name: 'a Palestinian faction in Arabic', lang: 'ar', id: 'actor-aqsa-martyrs-brigades', within: 'actor-fatah',
    text: 'أعلنت كتائب شهداء الأقصى مسؤوليتها عن الهجوم.' },
  { name: 'a Turkish-backed faction in English', lang: 'en', id: 'actor-faylaq-al-majd', within: 'actor-syrian-national-army',
    text: 'Fighters of Faylaq al-Majd clashed with the SDF near the Tishrin Dam.' },
  { name: 'a KRG force in English', lang: 'en', id: 'actor-zeravani', within: 'actor-peshmerga',
    text: 'Zeravani forces were deployed around Erbil after the drone attack.' },
];

for (const c of cases) {
  test(`found: ${c.name} (${c.id})`, () => {
    const ids = found(c.text, c.lang);
    assert.ok(ids.includes(c.id), `${c.id} not in ${JSON.stringify(ids)}`);
    assert.ok(graph.ancestors(c.id).includes(c.within), `${c.id} is not inside ${c.within}`);
  });
}

test('a quarter whose bare Arabic name is a common word needs its unit word', () => {
  assert.ok(found('قصفت طائرة مسيرة منزلاً في حي المهاجرين في حمص.', 'ar').includes('sy-area-muhajireen-homs'));
  assert.equal(found('استقبلت المدينة آلاف المهاجرين خلال الصيف.', 'ar').includes('sy-area-muhajireen-homs'), false);
});

test('names that are also common words are not raised by the words alone', () => {
  assert.equal(found('Le conseil municipal veut agrandir la zone verte du parc près de la mairie.', 'fr').includes('iq-area-green-zone'), false);
  assert.equal(found('ضبطت الشرطة سائقاً مخموراً يقود بسرعة في الشارع.', 'ar').includes('iq-town-makhmour'), false);
  assert.equal(found('The Popular Front won the regional election in the south of the country.', 'en').includes('actor-pflp'), false);
});

test('a string a town already owns stays on the town (one owner per alias)', () => {
  // "سجن تدمر" found Palmyra before the prison existed; the prison keeps only its longer names.
  const ids = found('نقل المعتقلون إلى سجن تدمر في ثمانينيات القرن الماضي.', 'ar');
  assert.ok(ids.includes('sy-town-palmyra'), JSON.stringify(ids));
});
