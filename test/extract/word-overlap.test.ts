// The bag-of-words metric shared by the bench and the corpus tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toWords, wordOverlap } from '../../src/core/extract/word-overlap.js';

test('toWords splits on non-letters, keeps accents and Arabic words whole, lower-cases', () => {
  assert.deepEqual(toWords("L'OSDH, à Deir-Ezzor: 2 morts."), ['l', 'osdh', 'à', 'deir', 'ezzor', '2', 'morts']);
  assert.deepEqual(toWords('قرب البوكمال، اليوم'), ['قرب', 'البوكمال', 'اليوم']);
});

test('wordOverlap counts a repeated word only as often as the reference has it', () => {
  const o = wordOverlap('a a a b', 'a b c d');
  assert.equal(o.common, 2);
  assert.equal(o.precision, 0.5);
  assert.equal(o.recall, 0.5);
  assert.equal(o.f1, 0.5);
});

test('wordOverlap edge cases', () => {
  assert.equal(wordOverlap('', '').f1, 1);
  assert.equal(wordOverlap('', 'x').f1, 0);
  assert.equal(wordOverlap('x y', 'x y').f1, 1);
});
