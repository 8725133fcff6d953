// Cuts a keyword query into lexemes with their column. Operators are UPPERCASE only (AND, OR, NOT,
// NEAR/n) so "and", "or", "not" stay searchable words. Char loop, never a regex built from input.
import { VigieError } from '../../errors/vigie-error.js';

export type Lexeme =
  | { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' | 'end'; pos: number; text: string }
  | { kind: 'near'; pos: number; text: string; distance: number }
  | { kind: 'word' | 'phrase'; pos: number; text: string };

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u3000';
const isBreak = (c: string): boolean => isSpace(c) || c === '(' || c === ')' || c === '"';

export function syntaxError(query: string, position: number, expected: string, found: string): VigieError {
  const caret = `${' '.repeat(position)}^`;
  return new VigieError('QUERY_SYNTAX', 'query',
    `syntax error at column ${position + 1}: expected ${expected}, found ${found}\n  ${query}\n  ${caret}`,
    { details: { position, expected } });
}

function nearLexeme(query: string, pos: number, text: string): Lexeme {
  const digits = text.slice(5);
  // After a bare NEAR at the very end, the column just past the query (where the number is missing).
  if (!/^[0-9]{1,3}$/.test(digits)) throw syntaxError(query, Math.min(pos + 5, query.length), 'a number of words after NEAR/ (e.g. NEAR/5)', digits ? `"${digits}"` : 'nothing');
  return { kind: 'near', pos, text, distance: Number(digits) };
}

export function lexQuery(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (isSpace(c)) { i += 1; continue; }
    if (c === '(' || c === ')') { out.push({ kind: c === '(' ? 'lparen' : 'rparen', pos: i, text: c }); i += 1; continue; }
    if (c === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) throw syntaxError(query, query.length, 'a closing quote (")', 'the end of the query');
      out.push({ kind: 'phrase', pos: i, text: query.slice(i + 1, close) });
      i = close + 1;
      continue;
    }
    // A leading minus (at the start, after a space or "(") negates what follows: -word, -"phrase".
    if (c === '-' && i + 1 < query.length && !isSpace(query[i + 1]!)) {
      out.push({ kind: 'minus', pos: i, text: c });
      i += 1;
      continue;
    }
    let j = i;
    while (j < query.length && !isBreak(query[j]!)) j += 1;
    const text = query.slice(i, j);
    if (text === 'AND' || text === 'OR' || text === 'NOT') out.push({ kind: text.toLowerCase() as 'and' | 'or' | 'not', pos: i, text });
    else if (text === 'NEAR' || text.startsWith('NEAR/')) out.push(nearLexeme(query, i, text));
    else out.push({ kind: 'word', pos: i, text });
    i = j;
  }
  out.push({ kind: 'end', pos: query.length, text: '' });
  return out;
}
