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

/** Snippet bounds [snipA, snipB) in the original: module scratch, so no tuple is built per hit. */
let snipA = 0;
let snipB = 0;

/**
 * Where the last sentence search stopped: for `hintText`, the first sentence end at or after
 * `hintStart` is ends[hintEnd]. matchDocument asks for its hits in start order, so the next search
 * walks on from there (a step or two) instead of bisecting; a text's sentence index depends on the
 * text alone, so the hint holds for equal text whatever was indexed in between.
 */
let hintText = '';
let hintStart = 0;
let hintEnd = 0;

/**
 * Sentence start and end around [start, end), into snipA/snipB. A side longer than `room` is cut
 * anyway, so it is reported as room + 1 (or more): its exact length cannot change the snippet.
 */
function sentenceBounds(text: string, start: number, end: number, room: number): void {
  const { ends, endCount } = sentences;
  let k: number;
  if (text === hintText && start >= hintStart) {
    k = hintEnd;
    while (k < endCount && ends[k]! < start) k += 1;
  } else {
    k = lowerBound(ends, endCount, start);
  }
  hintText = text;
  hintStart = start;
  hintEnd = k;
  let a = k > 0 ? ends[k - 1]! + 1 : 0;
  if (start - a > room + 1) a = start - room - 1;
  // end >= start, so the first sentence end at or after it is at k or later: a walk of a step or two.
  let j = k;
  while (j < endCount && ends[j]! < end) j += 1;
  let b = j < endCount ? ends[j]! : text.length;
  if (b - end > room) b = end + room + 1;
  else if (b < text.length && text.charCodeAt(b) !== 0x0a) b += 1;
  snipA = a;
  snipB = b;
}

/** Index in sentences.irregular where the last collapse stopped: the first irregular unit at or after its end. */
let irregularAt = 0;

/**
 * Runs of white space become one space. A run that is anything but one plain space begins with an
 * irregular unit (sentence-index.ts: white space other than a plain space, or a plain space before more
 * white space), so the walk jumps from one irregular unit to the next, from index k of the first one at
 * or after `a`; with none in [a, b), the common case, the slice is returned as is.
 */
function collapse(text: string, a: number, b: number, k: number): string {
  const { irregular, irregularCount } = sentences;
  let out = '';
  let from = a;
  for (; k < irregularCount && irregular[k]! < b; k += 1) {
    const i = irregular[k]!;
    if (i < from) continue; // inside the run just replaced
    let j = i + 1;
    while (j < b && isSpace(text.charCodeAt(j))) j += 1;
    out += `${text.slice(from, i)} `;
    from = j;
  }
  irregularAt = k;
  return from === a ? text.slice(a, b) : out + text.slice(from, b);
}

export function makeSnippet(text: string, start: number, end: number): string {
  return snippetOf(text, start, end, text.slice(start, end));
}

/** makeSnippet for a hit whose surface (text.slice(start, end)) the caller already holds. */
export function snippetOf(text: string, start: number, end: number, surface: string): string {
  indexSentences(text);
  const room = Math.max(0, SNIPPET_MAX - (end - start));
  sentenceBounds(text, start, end, room);
  let a = snipA;
  let b = snipB;
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
  // Trimming before collapsing is the same (JS trim and regex \s are the isSpace set) and saves a copy.
  while (a < start && isSpace(text.charCodeAt(a))) a += 1;
  while (b > end && isSpace(text.charCodeAt(b - 1))) b -= 1;
  // One search of the irregular white space for both sides; none in [a, b) is the common case.
  const { irregular, irregularCount } = sentences;
  const k = irregularCount === 0 ? 0 : lowerBound(irregular, irregularCount, a);
  if (k === irregularCount || irregular[k]! >= b) return `${lead}${text.slice(a, start)}«${surface}»${text.slice(end, b)}${tail}`;
  const before = collapse(text, a, start, k);
  let k2 = irregularAt;
  while (k2 < irregularCount && irregular[k2]! < end) k2 += 1;
  return `${lead}${before}«${surface}»${collapse(text, end, b, k2)}${tail}`;
}
