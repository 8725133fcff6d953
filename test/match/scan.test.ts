// The fused scanner must cut exactly the tokens of tokenize() (norm, offsets) and the indexed snippets
// must equal a plain re-scan of the sentence, on tricky strings and on real articles of the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cut, cutTokens } from '../../src/core/match/cut-tokens.js';
import { tokenize } from '../../src/core/match/tokenize.js';
import { makeSnippet } from '../../src/core/match/snippet.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { corpusDir } from '../harness/paths.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';
import { referenceSnippet } from './reference-snippet.js';

function cutWords(text: string): Array<[string, number, number]> {
  const n = cutTokens(text);
  const out: Array<[string, number, number]> = [];
  for (let t = 0; t < n; t += 1) {
    out.push([String.fromCharCode(...cut.units.subarray(cut.uStart[t]!, cut.uEnd[t]!)), cut.start[t]!, cut.end[t]!]);
  }
  return out;
}
const tokenWords = (text: string): Array<[string, number, number]> => tokenize(text).map((t) => [t.norm, t.start, t.end]);

const TRICKY: Array<[string, string]> = [
  ['French elision and hyphens', 'd’Alep, Deir-ez-Zor et l`Iran — jusqu’à'],
  ['combining marks after a word extend its surface', 'Dera\u0302 e\u0301te\u0301 القُنَيْطِرَةُ'],
  ['soft hyphen and zero-width chars inside a word', 'Bu\u00adka\u200bmal Al\u200eep \ufeffHama'],
  ['tatweel and Arabic-Indic digits', 'البوكـــمال ٢٠٢٤ ۳۴'],
  ['ligatures and multi-unit foldings (œ ß ½ ﷲ)', 'Œuvre Straße 1½ ﷲ ﬁn'],
  ['astral letters, emoji and math letters', '𝐀𝐥𝐞𝐩 😀 𠀀𠀁 abc😀def'],
  ['a word at the very end and a mark at the end', 'fin de texte é\u0301'],
  ['full-width Latin and no-break spaces', 'ＩＳＩＳ\u00a0Deir\u202fez-Zor'],
];
for (const [name, text] of TRICKY) {
  test(`cutTokens cuts the tokens of tokenize(): ${name}`, () => {
    assert.deepEqual(cutWords(text), tokenWords(text));
  });
}

function corpusTexts(limit: number): string[] {
  const dir = path.join(corpusDir, 'articles', 'trafilatura-eval-fr-ar', 'html');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).sort().slice(0, limit).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

test('cutTokens cuts the tokens of tokenize() on corpus pages (FR/AR HTML as text)', () => {
  const texts = corpusTexts(40);
  assert.ok(texts.length > 0, 'corpus missing');
  for (const text of texts) assert.deepEqual(cutWords(text), tokenWords(text));
});


const SNIPPET_TEXTS: Array<[string, string, string]> = [
  ['short sentence', 'Calme. Frappe près de Boukamal hier. Suite.', 'Boukamal'],
  ['abbreviation keeps the sentence (U.S.)', 'The U.S. strike hit Boukamal on Monday.', 'Boukamal'],
  ['newline and irregular spaces', 'Titre\nFrappe  près\tde\u00a0 Boukamal ,  hier\n', 'Boukamal'],
  ['long sentence cut on both sides', `${'mot '.repeat(90)}Boukamal${' suite'.repeat(90)}.`, 'Boukamal'],
  ['long left side only', `${'mot '.repeat(120)}Boukamal.`, 'Boukamal'],
  ['hit at the very start and end', 'Boukamal', 'Boukamal'],
];
for (const [name, text, hit] of SNIPPET_TEXTS) {
  test(`snippet equals the plain sentence scan: ${name}`, () => {
    const start = text.indexOf(hit);
    assert.equal(makeSnippet(text, start, start + hit.length), referenceSnippet(text, start, start + hit.length));
  });
}

test('snippets of real matches equal the plain sentence scan (index filled by the token cut)', async () => {
  const { matcher } = await shippedCatalog();
  let checked = 0;
  for (const text of corpusTexts(40)) {
    for (const m of matchDocument(matcher, { text }).matches) {
      assert.equal(m.snippet, referenceSnippet(text, m.start, m.end));
      checked += 1;
    }
  }
  assert.ok(checked > 20, `only ${checked} matches checked`);
});
