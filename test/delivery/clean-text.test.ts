// cleanText's shortcut for lines that need no cleaning gives exactly what the full cleaning gives:
// table cases for each character class it must notice, then random strings over an alphabet of every
// character the cleaning treats specially (seeded, so a failure names a reproducible string).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanSteps, cleanText } from '../../src/core/render/clean-text.js';

const CASES: Array<[string, string, string]> = [
  ['a clean line is returned as is', 'Frappe de drone près de «Boukamal»', 'Frappe de drone près de «Boukamal»'],
  ['Arabic with LRM/RLM kept', 'قصف \u200fعلى البوكمال\u200e', 'قصف \u200fعلى البوكمال\u200e'],
  ['two spaces collapse', 'Deir  ez-Zor', 'Deir ez-Zor'],
  ['leading and trailing spaces go', ' Idlib ', 'Idlib'],
  ['a tab becomes a space', 'Abu\tKamal', 'Abu Kamal'],
  ['CRLF in a title becomes one space', 'Line one\r\nline two', 'Line one line two'],
  ['a no-break space becomes a space', 'Al\u00a0Mayadin', 'Al Mayadin'],
  ['NUL and bidi overrides are removed', 'a\u0000b\u202ec', 'abc'],
  ['NEL and U+2028 become spaces', 'a\u0085b\u2028c', 'a b c'],
  ['a BOM is removed', '\ufeffTitre', 'Titre'],
  ['an ideographic space becomes a space', 'a\u3000b', 'a b'],
  ['an empty string stays empty', '', ''],
  ['a lone space becomes empty', ' ', ''],
];

for (const [name, input, expected] of CASES) {
  test(`cleanText single line: ${name}`, () => {
    assert.equal(cleanText(input, { singleLine: true }), expected);
    assert.equal(cleanSteps(input, { singleLine: true }), expected);
  });
}

test('cleanText single line equals the full cleaning on 20,000 random strings of special characters', () => {
  const alphabet = ['a', 'é', 'ب', ' ', ' ', '\t', '\n', '\r', '\u000b', '\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\u1680',
    '\u2000', '\u200a', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u202f', '\u205f', '\u2066', '\u2069', '\u3000',
    '\ufeff', '\ufff9', '\ufffb', '«', '»', '\ud83d\ude00'];
  let seed = 12345;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed; };
  for (let i = 0; i < 20_000; i += 1) {
    const s = Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join('');
    assert.equal(cleanText(s, { singleLine: true }), cleanSteps(s, { singleLine: true }), JSON.stringify(s));
  }
});
