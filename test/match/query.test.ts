// Spec of the keyword query language: each operator, normalisation inside terms and phrases, Arabic
// clitic tolerance, and syntax errors with their column and what was expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../../src/core/match/query/parse-query.js';
import { evaluateQuery } from '../../src/core/match/query/evaluate-query.js';
import { tokenize } from '../../src/core/match/tokenize.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

const holds = (q: string, text: string): boolean => evaluateQuery(parseQuery(q), tokenize(text));

const CASES: Array<[string, string, string, boolean]> = [
  ['a term matches a word', 'drone', 'A drone strike', true],
  ['a term is case- and accent-insensitive', 'frappe', 'FRAPPÉ hier', true],
  ['a term with an accent matches without it', 'deraâ', 'in Deraa', true],
  ['a term never matches inside a longer word', 'drone', 'drones', false],
  ['prefix* matches longer words', 'drone*', 'drones', true],
  ['prefix* needs the prefix', 'drone*', 'dron', false],
  ['an exact phrase needs the words in order', '"drone strike"', 'strike drone', false],
  ['an exact phrase matches in order', '"drone strike"', 'a drone strike', true],
  ['a phrase with a hyphen matches the hyphen variant', '"Deir ez-Zor"', 'Deir-ez-Zor', true],
  ['a phrase with a hyphen matches the run-together variant', '"Deir ez-Zor"', 'Deir Ezzor', true],
  ['a phrase matches across curly elision', '"d\'Alep"', 'd’Alep', true],
  ['implicit AND needs both words', 'drone Boukamal', 'drone near Alep', false],
  ['implicit AND holds with both words', 'drone Boukamal', 'Boukamal drone', true],
  ['explicit AND', 'drone AND Boukamal', 'drone Boukamal', true],
  ['OR holds with either word', 'drone OR missile', 'a missile', true],
  ['OR fails with neither', 'drone OR missile', 'a shell', false],
  ['NOT excludes', 'drone NOT exercise', 'drone exercise', false],
  ['leading minus excludes', 'drone -exercise', 'drone exercise', false],
  ['leading minus keeps when absent', 'drone -exercise', 'drone strike', true],
  ['parentheses group before AND', '(drone OR missile) Boukamal', 'missile on Boukamal', true],
  ['AND binds tighter than OR', 'drone OR missile Boukamal', 'drone only', true],
  ['NEAR/n within n words', 'drone NEAR/3 Boukamal', 'drone hit a convoy near Boukamal', false],
  ['NEAR/n at n words between', 'drone NEAR/4 Boukamal', 'drone hit a convoy near Boukamal', true],
  ['NEAR works in both orders', 'Boukamal NEAR/2 drone', 'drone over Boukamal', true],
  ['NEAR with a phrase operand', '"drone strike" NEAR/1 Boukamal', 'drone strike in Boukamal', true],
  ['NEAR with an OR group', '(drone OR missile) NEAR/0 strike', 'missile strike', true],
  ['lower-case operators are words', 'drone and', 'drone and', true],
  ['lower-case "or" is a word, not OR', 'drone or missile', 'a missile', false],
  ['Arabic term tolerates the proclitic و', 'البوكمال', 'قصف والبوكمال', true],
  ['Arabic term tolerates the missing article', 'البوكمال', 'مدينة بوكمال', true],
  ['Arabic phrase tolerates لل', '"التحالف الدولي"', 'غارة للتحالف الدولي', true],
  ['Arabic term with tashkeel matches plain text', 'القُنيطرة', 'القنيطرة', true],
];

for (const [name, q, text, expected] of CASES) {
  test(`query: ${name} (${q} / ${text})`, () => {
    assert.equal(holds(q, text), expected);
  });
}

test('query: parse tree of precedence NOT > NEAR > AND > OR', () => {
  const node = parseQuery('a -b OR c NEAR/2 d');
  assert.equal(node.type, 'or');
  assert.deepEqual(node.type === 'or' && node.children.map((c) => c.type), ['and', 'near']);
});

const ERRORS: Array<[string, string, number, RegExp]> = [
  ['unclosed parenthesis', '(drone OR missile', 17, /closing parenthesis/],
  ['unclosed quote', 'drone "strike', 13, /closing quote/],
  ['dangling AND', 'drone AND', 9, /a term/],
  ['leading OR', 'OR drone', 0, /a term/],
  ['NEAR without distance', 'a NEAR b', 7, /number of words/],
  ['NEAR with a bad distance', 'a NEAR/x b', 7, /number of words/],
  ['NEAR too far', 'a NEAR/500 b', 7, /distance from 0/],
  ['NEAR over an AND group', '(a b) NEAR/2 c', 0, /OR group around NEAR/],
  ['stray closing parenthesis', 'a ) b', 2, /operator or the end/],
  ['empty query', '   ', 3, /a term/],
  ['a term without letters', 'drone — ', 6, /letter or digit/],
];

for (const [name, q, position, expected] of ERRORS) {
  test(`query syntax error: ${name}`, () => {
    assert.throws(() => parseQuery(q), (err: unknown) => {
      assert.ok(isVigieError(err));
      assert.equal(err.code, 'QUERY_SYNTAX');
      assert.equal(err.details.position, position);
      assert.match(String(err.details.expected), expected);
      assert.match(err.message, new RegExp(`column ${position + 1}`));
      return true;
    });
  });
}
