// Language detection table (ar by script, fr vs en by stop words, declared tag wins).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, normaliseLang } from '../../src/core/extract/detect-language.js';

const cases: Array<[string, string, string | undefined, string | undefined]> = [
  ['Arabic text', 'قال المرصد السوري لحقوق الإنسان إن طائرة مسيرة استهدفت سيارة قرب البوكمال في ريف دير الزور', undefined, 'ar'],
  ['Arabic with Latin names mixed in', 'أفادت وكالة (CNN) أن الاشتباكات في البوكمال استمرت، وقال المرصد إن القتلى من المدنيين', undefined, 'ar'],
  ['French text', 'Une frappe de drone a visé un véhicule près de Boukamal, selon l\'OSDH, qui cite des sources sur le terrain et dans la région.', undefined, 'fr'],
  ['English text', 'A drone strike hit a vehicle near Abu Kamal, according to the Observatory, which said that two people were killed in the attack.', undefined, 'en'],
  ['too little evidence', 'Boukamal 2024', undefined, undefined],
  ['declared fr-FR wins over English text', 'The observatory said that the strike was near the border.', 'fr-FR', 'fr'],
  ['declared ar_SY normalised', 'Text in English with the words of the language.', 'ar_SY', 'ar'],
  ['declared other language gives undefined', 'Der Drohnenangriff traf ein Fahrzeug in der Nähe der Grenze.', 'de', undefined],
  ['malformed declaration ignored', 'A drone strike hit a vehicle near the town and the border, it was said.', 'x!', 'en'],
];

for (const [name, text, declared, expected] of cases) {
  test(`detectLanguage: ${name}`, () => assert.equal(detectLanguage(text, declared), expected));
}

test('normaliseLang', () => {
  assert.equal(normaliseLang('fr-FR'), 'fr');
  assert.equal(normaliseLang(' EN '), 'en');
  assert.equal(normaliseLang(''), undefined);
  assert.equal(normaliseLang(undefined), undefined);
});
