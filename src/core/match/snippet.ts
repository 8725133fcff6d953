// The sentence around a hit, bounded in length, with the hit wrapped as «surface»: what an alert shows
// to explain itself. Works on the original text with char codes and the text's sentence index
// (sentence-index.ts, usually filled by the token cut): no regex, no rescanning per hit.
import { indexSentences, isSpaceUnit as isSpace, sentences } from './sentence-index.js';

export const SNIPPET_MAX = 240;

/** First index k in list[0..count) with list[k] >= x (count if none). */
function lowerBound(list: Int32Array, count: number, x: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * Sentence start and end around [start, end). A side longer than `room` is cut anyway, so it is
 * reported as room + 1 (or more): its exact length cannot change the snippet.
 */
function sentenceBounds(text: string, start: number, end: number, room: number): [number, number] {
  const k = lowerBound(sentences.ends, sentences.endCount, start);
  let a = k > 0 ? sentences.ends[k - 1]! + 1 : 0;
  if (start - a > room + 1) a = start - room - 1;
  const j = lowerBound(sentences.ends, sentences.endCount, end);
  let b = j < sentences.endCount ? sentences.ends[j]! : text.length;
  if (b - end > room) b = end + room + 1;
  else if (b < text.length && text.charCodeAt(b) !== 0x0a) b += 1;
  return [a, b];
}

/** Runs of white space become one space (the common case, already clean, returns the slice). */
function collapse(text: string, a: number, b: number): string {
  const d = lowerBound(sentences.irregular, sentences.irregularCount, a);
  const clean = d >= sentences.irregularCount || sentences.irregular[d]! >= b;
  if (clean) return text.slice(a, b);
  let out = '';
  let from = a;
  for (let i = a; i < b; i += 1) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < b && isSpace(text.charCodeAt(j))) j += 1;
    out += `${text.slice(from, i)} `;
    from = j;
    i = j - 1;
  }
  return out + text.slice(from, b);
}

export function makeSnippet(text: string, start: number, end: number): string {
  indexSentences(text);
  const room = Math.max(0, SNIPPET_MAX - (end - start));
  let [a, b] = sentenceBounds(text, start, end, room);
  let lead = '';
  let tail = '';
  if (start - a + (b - end) > room) {
    // Share the room between both sides; a short side gives its unused share to the other.
    let left = start - a;
    let right = b - end;
    if (left > room / 2 && right > room / 2) left = right = Math.floor(room / 2);
    else if (left > right) left = room - right;
    else right = room - left;
    if (start - a > left) {
      a = start - left;
      while (a < start && !(a === 0 || isSpace(text.charCodeAt(a - 1)))) a += 1;
      lead = '…';
    }
    if (b - end > right) {
      b = end + right;
      while (b > end && !(b >= text.length || isSpace(text.charCodeAt(b)))) b -= 1;
      tail = '…';
    }
  }
  const before = collapse(text, a, start).trimStart();
  const after = collapse(text, end, b).trimEnd();
  return `${lead}${before}«${text.slice(start, end)}»${after}${tail}`;
}
