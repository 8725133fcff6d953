// Evaluates a parsed query over a document's tokens. Terms and phrases compare normalised words (Arabic
// clitics tolerated); NEAR compares word positions. Linear in the document; no regex from user input.
import type { QueryNode } from './query-node.js';
import type { Token } from '../tokenize.js';
import { indexTokens, type DocIndex } from './doc-index.js';
import type { ArticleEvent } from '../../events/event.js';

type Span = [number, number];

function formMatches(forms: string[], word: string, prefix: boolean): boolean {
  for (const f of forms) if (prefix ? f.startsWith(word) : f === word) return true;
  return false;
}

function firstPositions(index: DocIndex, word: string, prefix: boolean): number[] {
  if (!prefix) return index.byForm.get(word) ?? [];
  const out = new Set<number>();
  for (const [form, list] of index.byForm) if (form.startsWith(word)) for (const p of list) out.add(p);
  return [...out].sort((a, b) => a - b);
}

function wordsSpans(index: DocIndex, node: Extract<QueryNode, { type: 'words' }>): Span[] {
  const spans: Span[] = [];
  for (const v of node.variants) {
    const last = v.length - 1;
    for (const p of firstPositions(index, v[0]!, node.prefix && last === 0)) {
      let ok = p + last < index.cont.length;
      for (let i = 1; ok && i <= last; i += 1) ok = formMatches(index.cont[p + i]!, v[i]!, node.prefix && i === last);
      if (ok) spans.push([p, p + v.length]);
    }
  }
  return spans;
}

function gap(a: Span, b: Span): number {
  if (b[0] >= a[1]) return b[0] - a[1];
  if (a[0] >= b[1]) return a[0] - b[1];
  return 0;
}

function spans(index: DocIndex, node: QueryNode, events: readonly ArticleEvent[]): Span[] {
  switch (node.type) {
    case 'words': return wordsSpans(index, node);
    case 'or': return node.children.flatMap((c) => spans(index, c, events));
    case 'near': {
      const out: Span[] = [];
      const right = spans(index, node.right, events);
      for (const a of spans(index, node.left, events)) {
        for (const b of right) if (gap(a, b) <= node.distance) out.push([Math.min(a[0], b[0]), Math.max(a[1], b[1])]);
      }
      return out;
    }
    default: return holds(index, node, events) ? [[0, 0]] : [];
  }
}

function compare(n: number, op: Extract<QueryNode, { type: 'count' }>['op'], v: number): boolean {
  return op === '>=' ? n >= v : op === '>' ? n > v : op === '<=' ? n <= v : op === '<' ? n < v : n === v;
}

function holds(index: DocIndex, node: QueryNode, events: readonly ArticleEvent[]): boolean {
  switch (node.type) {
    case 'and': return node.children.every((c) => holds(index, c, events));
    case 'or': return node.children.some((c) => holds(index, c, events));
    case 'not': return !holds(index, node.child, events);
    case 'event': return events.some((e) => e.type === node.eventType);
    // An event with no number given has no count to compare: "killed<3" does not hold for it.
    case 'count': return events.some((e) => e[node.field] !== null && compare(e[node.field]!, node.op, node.value));
    default: return spans(index, node, events).length > 0;
  }
}

/** Whether the query holds over the tokens (or a prebuilt index of several fields) and the article's events. */
export function evaluateQuery(node: QueryNode, tokens: Token[] | DocIndex, events: readonly ArticleEvent[] = []): boolean {
  return holds(Array.isArray(tokens) ? indexTokens(tokens) : tokens, node, events);
}
