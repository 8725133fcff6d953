// The sentence around a hit, bounded in length, with the hit wrapped as «surface»: what an alert shows
// to explain itself. Works on the original text; char loops, no regex built from input.

export const SNIPPET_MAX = 240;

function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n' || c === '!' || c === '?' || c === '؟' || c === '。') return true;
  // A full stop ends a sentence only before white space (keeps "U.S." and "3.5" whole).
  return c === '.' && (i + 1 >= text.length || /\s/u.test(text[i + 1]!));
}

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !isSentenceEnd(text, a - 1)) a -= 1;
  let b = end;
  while (b < text.length && !isSentenceEnd(text, b)) b += 1;
  if (b < text.length && text[b] !== '\n') b += 1;
  return [a, b];
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ');
}

export function makeSnippet(text: string, start: number, end: number): string {
  let [a, b] = sentenceBounds(text, start, end);
  const room = Math.max(0, SNIPPET_MAX - (end - start));
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
      while (a < start && !/\s/u.test(text[a - 1] ?? ' ')) a += 1;
      lead = '…';
    }
    if (b - end > right) {
      b = end + right;
      while (b > end && !/\s/u.test(text[b] ?? ' ')) b -= 1;
      tail = '…';
    }
  }
  const before = collapse(text.slice(a, start)).trimStart();
  const after = collapse(text.slice(end, b)).trimEnd();
  return `${lead}${before}«${text.slice(start, end)}»${after}${tail}`;
}
