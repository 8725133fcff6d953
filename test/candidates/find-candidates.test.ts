// Candidate discovery on sentences in French, English and Arabic, table-driven: each case names what a
// reader expects (a new group proposed, or a trap left alone: a generic unit, a numbered army unit, a
// group the catalog already knows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitySchema, type EntityInput } from '../../src/core/entities/entity.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { findCandidates } from '../../src/core/candidates/find-candidates.js';
import { knownCandidateKeys } from '../../src/core/candidates/known-candidate-keys.js';
import { candidateKey } from '../../src/core/candidates/candidate-key.js';

const ENTITIES = ([
  { id: 'actor-iran-backed-militias', kind: 'actor', names: { en: 'Iran-backed militias', fr: 'milices pro-iraniennes', ar: 'الميليشيات الموالية لإيران' },
    aliases: { en: ['Iran-backed militia', 'pro-Iranian militia'], fr: ['milice pro-iranienne'], ar: ['ميليشيا موالية لإيران'] } },
  { id: 'actor-hezbollah', kind: 'actor', names: { en: 'Hezbollah', fr: 'Hezbollah', ar: 'حزب الله' }, parents: ['actor-iran-backed-militias'] },
  { id: 'actor-fatemiyoun', kind: 'actor', names: { en: 'Liwa Fatemiyoun', fr: 'brigade Fatemiyoun', ar: 'لواء فاطميون' },
    aliases: { en: ['Fatemiyoun Brigade', 'Fatemiyoun'] }, parents: ['actor-iran-backed-militias'] },
  { id: 'actor-syrian-arab-army', kind: 'actor', names: { en: 'Syrian Arab Army', fr: 'armée arabe syrienne', ar: 'الجيش العربي السوري' } },
] as EntityInput[]).map((e) => entitySchema.parse(e));
const matcher = compileMatcher(ENTITIES);
const known = knownCandidateKeys(ENTITIES);

function find(text: string, lang: 'en' | 'fr' | 'ar') {
  return findCandidates({ text, lang }, matchDocument(matcher, { text, lang }), known);
}

const PROPOSED: Array<[string, 'en' | 'fr' | 'ar', string, string[]]> = [
  ['fr: a militia named with "baptisée" and quotes', 'fr', 'Une nouvelle milice pro-iranienne, baptisée « Brigade des Gardiens du Sanctuaire », est arrivée à Alep.', ['Brigade des Gardiens du Sanctuaire']],
  ['fr: "appelée" and a capitalised name', 'fr', 'Le Hezbollah a formé une milice appelée Saraya al-Ghadab dans la région.', ['Saraya al-Ghadab']],
  ['fr: a lower-case head and a name', 'fr', 'Les combattants du régiment Imam Mahdi sont entrés dans la ville.', ['régiment Imam Mahdi']],
  ['en: "a new militia called X"', 'en', 'A new militia called the Guardians of Zaynab has appeared near Damascus.', ['Guardians of Zaynab']],
  ['en: "known as" and a trailing head', 'en', 'An Iran-backed group known as the Imam Baqir Brigade took part in the fighting.', ['Imam Baqir Brigade']],
  ['en: Liwa + name', 'en', 'Fighters of Liwa al-Sayyida Ruqayya crossed the border on Monday.', ['Liwa al-Sayyida Ruqayya']],
  ['ar: "ميليشيا جديدة تدعى" + name', 'ar', 'وصلت ميليشيا جديدة تدعى سرايا الغضب إلى مدينة البوكمال.', ['سرايا الغضب']],
  ['ar: a head + name', 'ar', 'انتشر عناصر فوج الإمام المهدي في ريف حلب.', ['فوج الإمام المهدي']],
  ['ar: a head + name, then a verb', 'ar', 'فوج الحاج قاسم سليماني ينقل عناصره إلى البوكمال.', ['فوج الحاج قاسم سليماني']],
];

for (const [name, lang, text, expected] of PROPOSED) {
  test(`proposed: ${name}`, () => {
    const found = find(text, lang);
    assert.deepEqual(found.map((c) => c.name), expected);
    const c = found[0]!;
    assert.equal(text.slice(c.start, c.end), c.name, 'offsets point at the name');
    assert.ok(c.evidence.includes(c.name), 'the evidence sentence holds the name');
    assert.equal(c.lang, lang);
  });
}

const TRAPS: Array<[string, 'en' | 'fr' | 'ar', string]> = [
  ['en: the generic "the brigade"', 'en', 'The brigade withdrew from the town after the clashes, the commander said.'],
  ['en: "a division of the army"', 'en', 'A division of the Syrian army was sent to the front.'],
  ['en: a numbered army unit', 'en', 'The 4th Division of the Syrian Arab Army shelled the village.'],
  ['en: an ordinal army unit', 'en', 'Units of the Fourth Division were seen near the checkpoint.'],
  ['en: an armoured unit with a number', 'en', 'The 25th Special Mission Forces Division moved north.'],
  ['fr: "90ème brigade blindée"', 'fr', 'Des positions militaires de la 90ème brigade blindée des forces du régime ont été frappées.'],
  ['fr: "la brigade" alone', 'fr', 'La brigade a quitté la ville dans la nuit.'],
  ['en: a known actor under another spelling', 'en', 'Fighters of the Fatemiyoun Brigade were redeployed.'],
  ['fr: a known actor behind a naming cue', 'fr', 'La milice, appelée Hezbollah, a annoncé sa participation.'],
  ['en: "called" about a person, not a group', 'en', 'A man called Ahmad Hassan was arrested at the checkpoint.'],
  ['en: a person named after a group noun', 'en', 'Hezbollah forces led by a commander named Abu Ali Khalil entered the town.'],
  ['fr: a person named after a group noun', 'fr', 'La milice est dirigée par un commandant surnommé Abou Ali.'],
  ['ar: a numbered division with the article', 'ar', 'قصفت الفرقة الرابعة مواقع في ريف درعا.'],
  ['ar: "a new brigade" without a name', 'ar', 'أعلن عن تشكيل لواء جديد في المنطقة.'],
  ['ar: a known actor', 'ar', 'وصل مقاتلو لواء فاطميون إلى دير الزور.'],
  ['ar: a known actor followed by a verb and its object', 'ar', 'لواء فاطميون ينقل عناصره إلى البادية'],
  ['ar: a known actor followed by a past-tense verb', 'ar', 'أفاد المرصد بأن ميليشيا لواء فاطميون نقلت عناصرها من الميادين.'],
];

for (const [name, lang, text] of TRAPS) {
  test(`not proposed: ${name}`, () => {
    assert.deepEqual(find(text, lang).map((c) => c.name), []);
  });
}

test('the known actors named in the same or the next sentence come with the candidate; farther ones do not', () => {
  const text = 'Hezbollah sent advisers to the east. A militia dubbed "Liwa al-Karrar" was formed last month. '
    + 'It fights beside the Iran-backed militias in the desert. Nothing else happened. The Syrian Arab Army stayed put.';
  const [c] = find(text, 'en');
  assert.equal(c?.name, 'Liwa al-Karrar');
  assert.deepEqual([...c!.nearActors].sort(), ['actor-hezbollah', 'actor-iran-backed-militias']);
});

test('spellings of one name share a key across word order, accents, articles and transliteration', () => {
  const key = candidateKey('Régiment de Hajj Qassem Soleimani');
  for (const v of ['Hajj Qasem Soleimani Regiment', 'regiment Hajj Qassem Soleimani', '"Régiment de Hajj Qassem Soleimani"']) assert.equal(candidateKey(v), key, v);
  assert.equal(candidateKey('فوج الحاج قاسم سليماني'), candidateKey('فوج الحاج قاسم سليمانى'));
  assert.notEqual(candidateKey('Brigade Soleimani'), candidateKey('Régiment Soleimani'));
  assert.equal(candidateKey('the brigade'), '');
});
