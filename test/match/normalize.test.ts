// Spec of the normaliser and tokenizer: one row per rule (case, diacritics, apostrophes, hyphens, Arabic
// letters, marks, digits) and offsets that map back to the exact original surface.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from '../../src/core/match/normalize.js';
import { tokenize } from '../../src/core/match/tokenize.js';

const NORMALIZE_CASES: Array<[string, string, string]> = [
  ['case folds Latin capitals', 'DEIR EZ-ZOR', 'deir ez-zor'],
  ['strips Latin diacritics (Deraâ = Deraa)', 'Deraâ', 'deraa'],
  ['strips French accents', 'État islamique à Alépé', 'etat islamique a alepe'],
  ['expands ligatures œ and ß', 'Œuvre Straße', 'oeuvre strasse'],
  ['unifies typographic apostrophe ’', 'd’Alep', "d'alep"],
  ['unifies modifier apostrophe ʼ and left quote ‘ and acute ´', 'lʼIran l‘Iran l´Iran', "l'iran l'iran l'iran"],
  ['unifies backtick and prime', 'l`Iran l′Iran', "l'iran l'iran"],
  ['unifies en dash, em dash, non-breaking hyphen and minus', 'a–b a—b a‑b a−b', 'a-b a-b a-b a-b'],
  ['removes Arabic tashkeel', 'القُنَيْطِرَة', 'القنيطره'],
  ['removes tatweel', 'البوكـــمال', 'البوكمال'],
  ['folds hamza alef forms and wasla to bare alef', 'أ إ آ ٱ', 'ا ا ا ا'],
  ['folds alef maqsura to ya and ta marbuta to ha', 'مستشفى حماة', 'مستشفي حماه'],
  ['folds hamza on waw and ya to the seat letter', 'مؤتمر الجزائر', 'موتمر الجزاير'],
  ['reads the Kurdish and Turkish s-cedilla as sh', 'Qamişlo Şengal', 'qamishlo shengal'],
  ['maps Persian keheh and yeh to Arabic kaf and ya', 'کردی', 'كردي'],
  ['maps Arabic-Indic digits to ASCII', '٣ ٢٠٢٤', '3 2024'],
  ['maps Persian digits to ASCII', '۳۴', '34'],
  ['applies NFKC to Arabic presentation forms', 'ﻻ ﷲ', 'لا الله'],
  ['applies NFKC to full-width Latin', 'ＩＳＩＳ', 'isis'],
  ['removes zero-width and bidi marks', 'Al\u200bep\u200e', 'alep'],
  ['turns no-break space into a space', 'Deir\u00a0ez-Zor', 'deir ez-zor'],
];

for (const [name, input, expected] of NORMALIZE_CASES) {
  test(`normalize: ${name}`, () => {
    assert.equal(normalize(input).text, expected);
  });
}

test('normalize: offsets map every normalised unit back to its original unit', () => {
  const input = 'Œ القُنيطرة ـ d’Alep';
  const { text, offsets } = normalize(input);
  assert.equal(offsets.length, text.length + 1);
  assert.equal(offsets[text.length], input.length);
  assert.deepEqual([offsets[0], offsets[1]], [0, 0]); // œ -> o e, both from index 0
  const q = text.indexOf('القنيطره');
  assert.equal(input[offsets[q + 3]!], 'ن'); // the damma after ق is skipped
});

const TOKEN_CASES: Array<[string, string, string[]]> = [
  ['splits French elision with straight apostrophe', "d'Alep", ['d', 'alep']],
  ['splits French elision with curly apostrophe', 'jusqu’à l’Iran', ['jusqu', 'a', 'l', 'iran']],
  ['splits hyphenated names', 'Deir-ez-Zor', ['deir', 'ez', 'zor']],
  ['keeps digits and letters together', 'Route 3 M5', ['route', '3', 'm5']],
  ['keeps Arabic words whole and drops marks', 'وَالبُوكَمَال، دير الزور', ['والبوكمال', 'دير', 'الزور']],
  ['uses Unicode letters, not \\b (accented words stay whole)', 'Alépin élève', ['alepin', 'eleve']],
];

for (const [name, input, expected] of TOKEN_CASES) {
  test(`tokenize: ${name}`, () => {
    assert.deepEqual(tokenize(input).map((t) => t.norm), expected);
  });
}

test('tokenize: token offsets give the exact original surface, marks included', () => {
  const input = 'Frappe à Deraâ et à القُنيطرةُ, d’Alep';
  const surfaces = tokenize(input).map((t) => input.slice(t.start, t.end));
  assert.deepEqual(surfaces, ['Frappe', 'à', 'Deraâ', 'et', 'à', 'القُنيطرةُ', 'd', 'Alep']);
});
