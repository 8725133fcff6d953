// Shipped-catalog data added from the real-news errors (batch 2): the Iraqi governorates that no town
// of the same name seats are found by their bare names, Salah al-Din (also a man's name) only with
// context, and "Kurdistan Region" is the entity the Arabic إقليم كردستان already names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchDocument } from '../../src/core/match/match-document.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';

const { matcher } = await shippedCatalog();
const found = (text: string, lang: 'en' | 'fr' | 'ar'): string[] => matchDocument(matcher, { text, lang }).entities.map((e) => e.id);

test('a governorate no same-name town seats is found by its bare name', () => {
  assert.ok(found('هاجم مسلحون نقطة للجيش العراقي في ديالى فقتلوا جنديين.', 'ar').includes('iq-diyala'));
  assert.ok(found('Two soldiers were killed in an attack in Diyala on Monday.', 'en').includes('iq-diyala'));
  assert.ok(found('Des roquettes sont tombées à Wasit et à Maysan.', 'fr').includes('iq-maysan'));
});

test("Salah al-Din counts as the governorate in an Iraqi security report, not as a man's name", () => {
  assert.ok(found('هجمات لتنظيم داعش في ديالى وصلاح الدين أوقعت قتلى في صفوف الجيش العراقي.', 'ar').includes('iq-sala-ad-din'));
  assert.ok(!found('Le film raconte la vie de Salah al-Din, le sultan ayyoubide.', 'fr').includes('iq-sala-ad-din'));
});

test('"Kurdistan Region" is the entity of إقليم كردستان', () => {
  assert.ok(found('A drone struck an oil field in the Kurdistan Region overnight.', 'en').includes('iq-erbil-governorate'));
  assert.ok(found('استهدفت طائرة مسيرة حقلا نفطيا في إقليم كردستان.', 'ar').includes('iq-erbil-governorate'));
});

test("a list of governorates in an attack report raises Salah al-Din's bare name (the plural of هجوم is conflict vocabulary)", () => {
  assert.ok(found('يعاود التنظيم هجماته في مختلف محافظات العراق، بخاصة في ديالى وكركوك وصلاح الدين.', 'ar').includes('iq-sala-ad-din'));
  assert.ok(!found('زار الوفد ديالى وكركوك وصلاح الدين.', 'ar').includes('iq-sala-ad-din'), 'no conflict word: a name, perhaps a man');
});
