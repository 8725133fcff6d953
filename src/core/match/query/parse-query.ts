// Parses a keyword query: terms, "phrases", prefix*, AND, OR, NOT / leading -, parentheses, NEAR/n,
// implicit AND. Precedence: NOT > NEAR > AND > OR. Errors are QUERY_SYNTAX with { position, expected };
// the parser recurses, so length and nesting are bounded first (QUERY_TOO_LONG, QUERY_TOO_DEEP).
import { VigieError } from '../../errors/vigie-error.js';
import type { QueryNode } from './query-node.js';
import { NEAR_MAX } from './query-node.js';
import { lexQuery, syntaxError, type Lexeme } from './lex-query.js';
import { aliasVariants } from '../alias-variants.js';
import { EVENT_TYPES, isEventType } from '../../events/event.js';

const OPERAND = 'a term, a "phrase" or "("';

/** Nested groups and negations together; real queries use a handful, 2,000 "(" would overflow the stack. */
export const MAX_QUERY_DEPTH = 32;
/** Characters; the API and subscription schemas use the same bound. */
export const MAX_QUERY_LENGTH = 2000;

function tooDeep(query: string, position: number): VigieError {
  return new VigieError('QUERY_TOO_DEEP', 'query',
    `more than ${MAX_QUERY_DEPTH} nested groups or negations at column ${position + 1}`, { details: { position, limit: MAX_QUERY_DEPTH } });
}

class Parser {
  private at = 0;
  private depth = 0;
  constructor(private readonly query: string, private readonly lexemes: Lexeme[]) {}

  private peek(): Lexeme { return this.lexemes[this.at]!; }
  private next(): Lexeme { return this.lexemes[this.at++]!; }
  private found(l: Lexeme): string { return l.kind === 'end' ? 'the end of the query' : `"${l.text}"`; }

  parse(): QueryNode {
    const node = this.or();
    const rest = this.peek();
    if (rest.kind !== 'end') throw syntaxError(this.query, rest.pos, 'an operator or the end of the query', this.found(rest));
    return node;
  }

  private or(): QueryNode {
    const children = [this.and()];
    while (this.peek().kind === 'or') { this.next(); children.push(this.and()); }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private and(): QueryNode {
    const children = [this.near()];
    for (;;) {
      const k = this.peek().kind;
      if (k === 'and') { this.next(); children.push(this.near()); continue; }
      if (k === 'word' || k === 'phrase' || k === 'lparen' || k === 'not' || k === 'minus') { children.push(this.near()); continue; }
      break;
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private near(): QueryNode {
    const leftPos = this.peek().pos;
    let left = this.unary();
    while (this.peek().kind === 'near') {
      const op = this.next() as Extract<Lexeme, { kind: 'near' }>;
      if (op.distance > NEAR_MAX) throw syntaxError(this.query, op.pos + 5, `a distance from 0 to ${NEAR_MAX}`, `${op.distance}`);
      const rightPos = this.peek().pos;
      const right = this.unary();
      this.checkPositional(left, leftPos);
      this.checkPositional(right, rightPos);
      left = { type: 'near', distance: op.distance, left, right };
    }
    return left;
  }

  /** NEAR needs word positions: its operands are terms, phrases, OR groups of them, or NEAR. */
  private checkPositional(node: QueryNode, pos: number): void {
    if (node.type === 'words' || node.type === 'near') return;
    if (node.type === 'or') { node.children.forEach((c) => this.checkPositional(c, pos)); return; }
    throw syntaxError(this.query, pos, 'a term, a "phrase" or an OR group around NEAR', `an ${node.type.toUpperCase()} expression`);
  }

  private unary(): QueryNode {
    const l = this.peek();
    if (l.kind === 'not' || l.kind === 'minus') {
      this.next();
      return { type: 'not', child: this.nested(l, () => this.unary()) };
    }
    return this.primary();
  }

  private primary(): QueryNode {
    const l = this.next();
    if (l.kind === 'lparen') {
      const inner = this.nested(l, () => this.or());
      const close = this.next();
      if (close.kind !== 'rparen') throw syntaxError(this.query, close.pos, 'a closing parenthesis ")"', this.found(close));
      return inner;
    }
    if (l.kind === 'word' || l.kind === 'phrase') return this.words(l);
    throw syntaxError(this.query, l.pos, OPERAND, this.found(l));
  }

  /** Runs one level deeper, refusing past MAX_QUERY_DEPTH at the lexeme that opens the level. */
  private nested(opener: Lexeme, inner: () => QueryNode): QueryNode {
    if (this.depth >= MAX_QUERY_DEPTH) throw tooDeep(this.query, opener.pos);
    this.depth += 1;
    try {
      return inner();
    } finally {
      this.depth -= 1;
    }
  }

  private words(l: Lexeme): QueryNode {
    if (l.kind === 'word') {
      const event = eventTerm(this.query, l);
      if (event) return event;
    }
    const prefix = l.kind === 'word' && l.text.endsWith('*');
    const body = prefix ? l.text.replace(/\*+$/, '') : l.text;
    const variants = aliasVariants(body);
    if (variants.length === 0) throw syntaxError(this.query, l.pos, 'a term with at least one letter or digit', this.found(l));
    return { type: 'words', text: l.text, variants: prefix ? [variants[0]!] : variants, prefix, quoted: l.kind === 'phrase', position: l.pos };
  }
}

/** `type:x`, `killed>=N`, `injured>=N`: terms about the article's events, not its words. */
function eventTerm(query: string, l: Lexeme): QueryNode | undefined {
  const type = /^type:(.*)$/i.exec(l.text);
  if (type) {
    const t = type[1]!.toLowerCase();
    if (!isEventType(t)) throw syntaxError(query, l.pos + 5, `an event type (${EVENT_TYPES.join(', ')})`, `"${type[1]}"`);
    return { type: 'event', eventType: t, position: l.pos };
  }
  const count = /^(killed|injured)(>=|<=|>|<|=)(.*)$/i.exec(l.text);
  if (!count) return undefined;
  if (!/^[0-9]{1,6}$/.test(count[3]!)) throw syntaxError(query, l.pos + count[1]!.length + count[2]!.length, 'a whole number', `"${count[3]}"`);
  return { type: 'count', field: count[1]!.toLowerCase() as 'killed' | 'injured', op: count[2] as '>=', value: Number(count[3]), position: l.pos };
}

export function parseQuery(q: string): QueryNode {
  if (q.length > MAX_QUERY_LENGTH) {
    throw new VigieError('QUERY_TOO_LONG', 'query', `a query is at most ${MAX_QUERY_LENGTH} characters, this one has ${q.length}`,
      { details: { position: MAX_QUERY_LENGTH, limit: MAX_QUERY_LENGTH } });
  }
  return new Parser(q, lexQuery(q)).parse();
}
