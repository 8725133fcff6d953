// Table-driven cases for the pure helpers of the gazetteer build (scripts/gazetteer/*).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasKey, isUsableAlias, scriptOf, slugOf } from '../../scripts/gazetteer/alias-key.js';
import { bareOf, unitAliases } from '../../scripts/gazetteer/unit-aliases.js';
import { readCsv } from '../../scripts/gazetteer/read-csv.js';
import { cliticForms, markAmbiguous, sameNameReason, type AmbiguityPlace } from '../../scripts/gazetteer/ambiguity.js';

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

// ---------------------------------------------------------------- ambiguity marks (scripts/gazetteer/ambiguity.ts)
const place = (id: string, aliases: string[], population = 0, extra: Partial<AmbiguityPlace> = {}): AmbiguityPlace =>
  ({ id, aliases, population, seat: false, minor: false, ...extra });

test('a name shared by places is marked on all but a seat or a 10x larger place', () => {
  const town = place('sy-town-hajin', ['Hajin', 'هجين'], 37000);
  const village = place('sy-hajin-idlib', ['Hajin'], 0);
  const marks = markAmbiguous([town, village]);
  assert.equal(marks.get('sy-town-hajin'), undefined);
  assert.deepEqual(marks.get('sy-hajin-idlib'), { Hajin: 'same name as sy-town-hajin' });
  const even = markAmbiguous([place('a', ['Tell X'], 5000), place('b', ['Tell X'], 4000)]);
  assert.deepEqual([even.get('a'), even.get('b')], [{ 'Tell X': 'same name as b' }, { 'Tell X': 'same name as a' }]);
  const seat = markAmbiguous([place('a', ['Tell X'], 5000), place('b', ['tell-x'], 40000), place('c', ['Tell X'], 10, { seat: true })]);
  assert.equal(seat.get('c'), undefined);
  assert.ok(seat.get('b')?.['tell-x']?.startsWith('same name as a, c'));
});

test('a hand-kept spelling on exactly one place outranks population', () => {
  const hand = place('sy-area-habaria', ['الهبارية'], 0, { hand: new Set([aliasKey('الهبارية')]), core: true });
  const marks = markAmbiguous([hand, place('lb-el-habbariye', ['الهبارية'], 2000)]);
  assert.equal(marks.get('sy-area-habaria'), undefined);
  assert.equal(marks.get('lb-el-habbariye')?.['الهبارية'], 'same name as sy-area-habaria');
});

test('every alias of a minor place is marked, and reasons stay under 200 characters', () => {
  const many = Array.from({ length: 40 }, (_, i) => place(`sy-qaryat-al-hamra-${'x'.repeat(30)}-${i}`, ['Qaryat al Hamra', 'قرية الحمراء'], 0, { minor: true }));
  const marks = markAmbiguous(many);
  const m = marks.get(many[0]!.id)!;
  assert.ok(m['Qaryat al Hamra']!.startsWith('minor place; same name as'));
  assert.match(m['قرية الحمراء']!, /and \d+ more$/);
  for (const r of Object.values(m)) assert.ok(r.length <= 200, r);
  assert.equal(sameNameReason(['a', 'b', 'c', 'd', 'e']), 'same name as a, b, c and 2 more');
});

test('Arabic names of data places that a clitic or the article turns into another name or a common word', () => {
  assert.ok(cliticForms('بنان').includes('لبنان') && cliticForms('الحول').includes('حول') && cliticForms('نبل').includes('النبل'));
  const lebanon = place('lb', ['لبنان'], 6000000, { core: true });
  const banan = place('sy-banan', ['بنان'], 1500);
  const hawl = place('sy-al-hawl', ['الحول', 'Al Hawl'], 3000);
  const giza = place('sy-al-jizah', ['الجيزة'], 15000);
  const marks = markAmbiguous([lebanon, banan, hawl, giza], { commonWords: new Map([['حول', 'common word'], [aliasKey('الجيزة'), 'also Giza, Egypt']]) });
  assert.equal(marks.get('lb'), undefined);
  assert.deepEqual(marks.get('sy-banan'), { بنان: 'reads as lb with a clitic or the article' });
  assert.deepEqual(marks.get('sy-al-hawl'), { الحول: 'reads as the common word حول' });
  assert.deepEqual(marks.get('sy-al-jizah'), { الجيزة: 'also Giza, Egypt' });
});
