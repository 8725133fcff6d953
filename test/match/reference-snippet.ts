// The snippet rule as first written, kept as the plain reference the optimised snippet.ts is tested
// against (scan.test.ts, match-reference.test.ts): scan the sentence char by char, regex white space.
import { SNIPPET_MAX } from '../../src/core/match/snippet.js';

/** The snippet of [start, end) in `text`, computed the plain way. */
export function referenceSnippet(text: string, start: number, end: number): string {
  const isEnd = (i: number): boolean => '\n!?؟。'.includes(text[i]!) || (text[i] === '.' && (i + 1 >= text.length || /\s/u.test(text[i + 1]!)));
  let a = start;
  while (a > 0 && !isEnd(a - 1)) a -= 1;
  let b = end;
  while (b < text.length && !isEnd(b)) b += 1;
  if (b < text.length && text[b] !== '\n') b += 1;
  const room = Math.max(0, SNIPPET_MAX - (end - start));
  let lead = '';
  let tail = '';
  if (start - a + (b - end) > room) {
    let left = start - a;
    let right = b - end;
    if (left > room / 2 && right > room / 2) left = right = Math.floor(room / 2);
    else if (left > right) left = room - right;
    else right = room - left;
    if (start - a > left) { a = start - left; while (a < start && !/\s/u.test(text[a - 1] ?? ' ')) a += 1; lead = '…'; }
    if (b - end > right) { b = end + right; while (b > end && !/\s/u.test(text[b] ?? ' ')) b -= 1; tail = '…'; }
  }
  const before = text.slice(a, start).replace(/\s+/gu, ' ').trimStart();
  const after = text.slice(end, b).replace(/\s+/gu, ' ').trimEnd();
  return `${lead}${before}«${text.slice(start, end)}»${after}${tail}`;
}
