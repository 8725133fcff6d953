// The keyword query parser on hostile input: nesting and length are bounded (QUERY_TOO_DEEP,
// QUERY_TOO_LONG, each with a position), and a property-based fuzz: any string parses to a tree that
// evaluates, or fails with a VigieError carrying a position inside the query. Never another throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseQuery, MAX_QUERY_DEPTH, MAX_QUERY_LENGTH } from '../../src/core/match/query/parse-query.js';
import { evaluateQuery } from '../../src/core/match/query/evaluate-query.js';
import { tokenize } from '../../src/core/match/tokenize.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

const QUERY_CODES = new Set(['QUERY_SYNTAX', 'QUERY_TOO_DEEP', 'QUERY_TOO_LONG']);

function refusal(q: string): { code: string; position: number } {
  try {
    parseQuery(q);
  } catch (err) {
    assert.ok(isVigieError(err), `a VigieError, not ${String(err)}`);
    assert.ok(QUERY_CODES.has(err.code), err.code);
    return { code: err.code, position: err.details.position as number };
  }
  assert.fail('the query was accepted');
}

const DEEP: Array<[string, string, string, number]> = [
  ['2,000 opening parentheses', '('.repeat(2000), 'QUERY_TOO_DEEP', MAX_QUERY_DEPTH],
  ['deep balanced parentheses', `${'('.repeat(MAX_QUERY_DEPTH + 1)}a${')'.repeat(MAX_QUERY_DEPTH + 1)}`, 'QUERY_TOO_DEEP', MAX_QUERY_DEPTH],
  ['a long chain of NOT', `${'NOT '.repeat(400)}a`, 'QUERY_TOO_DEEP', 4 * MAX_QUERY_DEPTH],
  ['a long chain of leading minus', `${'-'.repeat(1500)}a`, 'QUERY_TOO_DEEP', MAX_QUERY_DEPTH],
  ['one character over the length bound', 'a'.repeat(MAX_QUERY_LENGTH + 1), 'QUERY_TOO_LONG', MAX_QUERY_LENGTH],
  ['a huge query', `${'(a OR '.repeat(100_000)}b`, 'QUERY_TOO_LONG', MAX_QUERY_LENGTH],
];

for (const [name, q, code, position] of DEEP) {
  test(`query bound: ${name} is ${code} at column ${position + 1}`, () => {
    assert.deepEqual(refusal(q), { code, position });
  });
}

test('query bound: nesting up to the limit and a query of the maximum length still parse', () => {
  const nested = `${'('.repeat(MAX_QUERY_DEPTH)}drone${')'.repeat(MAX_QUERY_DEPTH)}`;
  assert.equal(evaluateQuery(parseQuery(nested), tokenize('a drone')), true);
  const long = `drone ${'x'.repeat(MAX_QUERY_LENGTH - 6)}`;
  assert.equal(parseQuery(long).type, 'and');
});

// Pieces of the language, so random strings reach deep into the grammar and not only the lexer.
const piece = fc.constantFrom('(', ')', '"', ' ', '-', '*', 'AND', 'OR', 'NOT', 'NEAR/', 'NEAR/3', 'NEAR/999', 'NEAR',
  'drone', 'Boukamal', 'البوكمال', 'و', 'ال', "d'", '’', '\u0000', '\ud800', '\udc00', '\u202e', '\u00a0', '—', 'é', '\n', '0');
const queryLike = fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((xs) => xs.join(''));

test('query fuzz: any string gives a tree that evaluates, or a query error with a position in the query', () => {
  const tokens = tokenize('drone strike near Boukamal, قصف والبوكمال d’Alep 0');
  fc.assert(fc.property(fc.oneof(queryLike, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (q) => {
    let node;
    try {
      node = parseQuery(q);
    } catch (err) {
      if (!isVigieError(err) || !QUERY_CODES.has(err.code)) throw err;
      const position = err.details.position;
      return typeof position === 'number' && Number.isInteger(position) && position >= 0 && position <= q.length;
    }
    evaluateQuery(node, tokens);
    return true;
  }), { numRuns: 3000 });
});
