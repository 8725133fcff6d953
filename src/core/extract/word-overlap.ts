// Word-level precision/recall/F1 between an extracted text and a reference text (bag of words).
// Shared by the quality bench and the tests so both measure the same thing; no I/O here.

export interface Overlap {
  precision: number;
  recall: number;
  f1: number;
  /** Words of the candidate also in the reference (multiset intersection size). */
  common: number;
  candidateWords: number;
  referenceWords: number;
}

/** Lower-cased words: runs of Unicode letters, marks and digits (so Arabic and accented words stay whole). */
export function toWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
}

function countWords(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Multiset overlap of words; two empty texts agree perfectly, one empty side scores 0. */
export function wordOverlap(candidate: string, reference: string): Overlap {
  const cand = toWords(candidate);
  const ref = toWords(reference);
  const refCounts = countWords(ref);
  let common = 0;
  for (const [word, n] of countWords(cand)) common += Math.min(n, refCounts.get(word) ?? 0);
  if (cand.length === 0 && ref.length === 0) {
    return { precision: 1, recall: 1, f1: 1, common: 0, candidateWords: 0, referenceWords: 0 };
  }
  const precision = cand.length === 0 ? 0 : common / cand.length;
  const recall = ref.length === 0 ? 0 : common / ref.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, common, candidateWords: cand.length, referenceWords: ref.length };
}
