// Table-driven cases for the pure helpers of the gazetteer build (scripts/gazetteer/*).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasKey, isUsableAlias, scriptOf, slugOf } from '../../scripts/gazetteer/alias-key.js';
import { bareOf, unitAliases } from '../../scripts/gazetteer/unit-aliases.js';
import { readCsv } from '../../scripts/gazetteer/read-csv.js';

const KEYS: Array<[string, string]> = [
  ['Deïr ez-Zor', 'deir ez zor'], ['Ālbū Kamāl', 'albu kamal'], ["Ma'arrat al-Nu‘man", 'maarrat al numan'],
  ['أبو كمال', 'ابو كمال'], ['محافظة القنيطرة', 'محافظه القنيطره'], ['دیرالزور', 'ديرالزور'],
];
for (const [input, key] of KEYS) test(`aliasKey("${input}") = "${key}"`, () => assert.equal(aliasKey(input), key));

const USABLE: Array<[string, boolean, string]> = [
  ['Albu Kamal', true, 'a Latin transliteration'], ['البو كمال', true, 'an Arabic name'],
  ['abw kmal', false, 'a lowercase romanised label'], ['DEZ', false, 'an airport code'], ['Tall', false, 'a short Latin form'],
  ['Абу-Камаль', false, 'Cyrillic'], ['Tortosa', false, 'stop-listed'], ['حلب', true, 'a 3-letter Arabic name'],
];
const stop = new Set([aliasKey('Tortosa')]);
for (const [value, usable, why] of USABLE) test(`isUsableAlias: ${why} -> ${usable}`, () => assert.equal(isUsableAlias(value, stop), usable));

test('scriptOf and slugOf', () => {
  assert.equal(scriptOf('Ḩamāh'), 'latin');
  assert.equal(scriptOf('حماة'), 'arabic');
  assert.equal(scriptOf('Hama حماة'), 'other');
  assert.equal(slugOf("Jisr ash-Shughur"), 'jisr-ash-shughur');
});

test('bareOf strips unit words in the three languages', () => {
  assert.equal(bareOf('Abu Kamal District'), 'Abu Kamal');
  assert.equal(bareOf('منطقة البوكمال'), 'البوكمال');
  assert.equal(bareOf('District de Markaz Rif Dimachq'), 'Markaz Rif Dimachq');
});

test('unitAliases qualifies every spelling, with French elision', () => {
  const q = unitAliases('governorate', { en: ['Idlib'], fr: ['Idleb', 'Homs'], ar: ['إدلب'] });
  assert.ok(q.en.includes('Idlib Governorate') && q.en.includes('Idlib countryside'));
  assert.ok(q.fr.includes("province d'Idleb") && q.fr.includes('province de Homs'));
  assert.deepEqual(q.ar, ['محافظة إدلب', 'ريف إدلب']);
  assert.deepEqual(unitAliases('district', { en: [], fr: ['Yabroud'], ar: [] }).fr, ['district de Yabroud']);
});

test('readCsv handles quotes, doubled quotes, commas and CRLF', () => {
  const rows = readCsv('a,b,c\r\n1,"x, ""y""",3\r\n,,\n');
  assert.deepEqual(rows, [{ a: '1', b: 'x, "y"', c: '3' }, { a: '', b: '', c: '' }]);
});
