// Cuts a field into sentences with the matcher's sentence rule (sentence-index.ts): ends at ! ? ؟,
// at a full stop before white space, and at each line break. Empty sentences are dropped.
import { indexSentences, sentences } from '../match/sentence-index.js';

export interface SentenceSpan { start: number; end: number }

export function splitSentences(text: string): SentenceSpan[] {
  indexSentences(text);
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const s = start + lead;
    const e = start + piece.trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let k = 0; k < sentences.endCount; k += 1) {
    const e = sentences.ends[k]! + 1;
    push(e);
    start = e;
  }
  push(text.length);
  return out;
}
