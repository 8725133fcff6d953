// Reads the killed and injured counts one sentence gives: each number that counts people is tied to the
// nearest casualty word on its side (no other number between them); numbers chained by "and" to a tied
// one add to it ("3 soldiers and 2 civilians killed"); "killing and wounding 12" gives neither (EVAL.md).
import { findCasualtyCues, type CasualtyKind, type Cue } from './casualty-cues.js';
import { foldForCues } from './fold-for-cues.js';
import { readNumbers, type NumberSpan } from './read-numbers.js';

export interface CasualtyReading { killed: number | null; injured: number | null }

/** Characters between a number and the casualty word it may belong to. */
const WINDOW = 60;

function distance(n: NumberSpan, c: Cue): number {
  return c.start >= n.end ? c.start - n.end : n.start >= c.end ? n.start - c.end : 0;
}

/** A cue is reachable from a number when no other counting number lies between them. */
function reachable(n: NumberSpan, c: Cue, nums: NumberSpan[]): boolean {
  const lo = Math.min(n.end, c.end);
  const hi = Math.max(n.start, c.start);
  return !nums.some((o) => o !== n && o.start >= lo && o.end <= hi);
}

function kindOf(n: NumberSpan, cues: Cue[], nums: NumberSpan[]): CasualtyKind | 'mixed' | undefined {
  const near = cues.filter((c) => distance(n, c) <= WINDOW && reachable(n, c, nums))
    .sort((a, b) => distance(n, a) - distance(n, b));
  const first = near[0];
  if (!first) return undefined;
  const other = near.find((c) => c.kind !== first.kind);
  // "killing and wounding about 12": both words on the same side, next to each other.
  if (other && (other.start > n.start) === (first.start > n.start) && Math.abs(other.start - first.start) < 25) return 'mixed';
  return first.kind;
}

/** Killed and injured of one sentence (null where the sentence ties no number to the word). */
export function readCasualties(sentence: string): CasualtyReading {
  const nums = readNumbers(sentence).filter((n) => !n.trap);
  const out: CasualtyReading = { killed: null, injured: null };
  if (nums.length === 0) return out;
  const cues = findCasualtyCues(foldForCues(sentence));
  if (cues.length === 0) return out;
  let prev: { n: NumberSpan; kind: CasualtyKind | 'mixed' | undefined } | undefined;
  for (const n of nums) {
    let kind = kindOf(n, cues, nums);
    if (kind === undefined && prev && prev.kind && prev.kind !== 'mixed' && chainedTo(sentence, prev.n, n)) {
      kind = prev.kind;
      out[kind] = (out[kind] ?? 0) + n.value;
    } else if (kind === 'killed' || kind === 'injured') {
      if (out[kind] === null) out[kind] = n.value;
    }
    prev = { n, kind };
  }
  return out;
}

/** "3 soldats et 2 civils", "3 عناصر و2 مدنيين": the second number follows an "and" within a few words. */
function chainedTo(sentence: string, a: NumberSpan, b: NumberSpan): boolean {
  const between = sentence.slice(a.end, b.start);
  return between.length <= 40 && /(?:^|\s)(?:and|et|و)\s*$/.test(between) && !/[.;:]/.test(between);
}
