// Reads the killed and injured counts one sentence gives: each number that counts people is tied to the
// nearest casualty word it can reach (no other number between them; a word across an "and" weighs less
// than one in the number's own clause). Numbers chained by "and" share the word and add up ("two
// fighters and one civilian were killed"); a number after "including" is part of the one before it;
// "killing and wounding 12" gives neither (EVAL.md). A lone victim ("a soldier was killed") counts 1.
import type { CasualtyKind, Cue } from './casualty-cues.js';
import { scanSentences } from './scan-sentences.js';
import { readNumbers, type NumberSpan } from './read-numbers.js';
import { singleVictim } from './single-victim.js';

export interface CasualtyReading { killed: number | null; injured: number | null }

type Kind = CasualtyKind | 'mixed' | undefined;

/** Characters between a number and the casualty word it may belong to. */
const WINDOW = 60;
/** What a word across a clause joint ("4 killed and 4 injured") costs, in characters. */
const ACROSS_AND = 40;
const JOINT = /(?:^|[\s,،])(?:and|et|while|alors que|tandis que|بينما|في حين)(?:\s|$)|[,،;]|(?:^|\s)و/;
const SUBSET = /(?:including|among them|of whom|dont|parmi (?:eux|lesquels|elles)|بينهم|منهم|بينهن)/;
/** Words that add more victims of the same event: "3 soldiers were killed, as well as 2 civilians". */
// "مقابل" (against) gives the other side's dead of the same battle (EVAL.md: in a clash every side's dead count).
const ADDED = /(?:ainsi que|as well as|along with|in addition to|en plus de|اضافه الي|بالاضافه الي|فضلا عن|علاوه علي|مقابل)/;

/** An Arabic number word carrying "and" ("وخمسة"): the joint is inside the number's own word. */
const fusedAnd = (folded: string, n: NumberSpan): boolean => folded.charCodeAt(n.start) === 0x648 && !folded.startsWith('واحد', n.start);

/** An aside between commas or brackets, as a subject's description puts between it and its verb. */
const ASIDE = /\([^()]{0,60}\)|[,،][^,،.;:]{1,80}[,،]/g;

function gapOf(folded: string, n: NumberSpan, c: Cue, cues: Cue[]): number {
  let between = c.start >= n.end ? folded.slice(n.end, c.start) : folded.slice(c.end, n.start);
  // "23 personnes, parmi lesquelles des enfants, ont été tuées": the aside does not part the count
  // from its verb, when it holds no other number (reachable) and no other casualty word.
  if (c.start >= n.end && /[,،(]/.test(between) && !cues.some((o) => o.start >= n.end && o.end <= c.start)) {
    between = between.replace(ASIDE, ' ');
  }
  const d = c.start >= n.end || n.start >= c.end ? between.length : 0;
  // "ثلاثة قتلى وخمسة جرحى": the word before "وخمسة" is across the joint.
  return JOINT.test(between) || (c.end <= n.start && fusedAnd(folded, n)) ? d + ACROSS_AND : d;
}

/** A cue is reachable from a number when no other counting number lies between them. */
function reachable(n: NumberSpan, c: Cue, nums: NumberSpan[]): boolean {
  const lo = Math.min(n.end, c.end);
  const hi = Math.max(n.start, c.start);
  return !nums.some((o) => o !== n && o.start >= lo && o.end <= hi);
}

/**
 * Whether cue `c`, after `n` across a clause joint, has a nearer number of its own after it: then it is that
 * number's word, not `n`'s ("لقي شخصان مصرعهما، فيما أصيب خمسة": the injured word is five's). One word, one count.
 */
function claimedByOther(folded: string, n: NumberSpan, c: Cue, cues: Cue[], nums: NumberSpan[]): boolean {
  // The cue's first letter too: an Arabic cue may carry the "and" (وأصيب).
  if (n.end > c.start || !JOINT.test(folded.slice(n.end, c.start + 1))) return false;
  const d = gapOf(folded, n, c, cues);
  return nums.some((m) => m.start >= c.end && reachable(m, c, nums) && gapOf(folded, m, c, cues) < d);
}

function kindOf(folded: string, n: NumberSpan, cues: Cue[], nums: NumberSpan[]): Kind {
  // The nearest reachable cue of each kind within reach, the first in the text on a tie.
  let killed: Cue | undefined;
  let injured: Cue | undefined;
  let killedGap = Infinity;
  let injuredGap = Infinity;
  for (const c of cues) {
    if (!reachable(n, c, nums)) continue;
    const d = gapOf(folded, n, c, cues);
    // "لقي شخصان مصرعهما، فيما أصيب خمسة": the injured word is five's, not two's.
    if (d > WINDOW + ACROSS_AND || claimedByOther(folded, n, c, cues, nums)) continue;
    if (c.kind === 'killed') {
      if (d < killedGap) { killed = c; killedGap = d; }
    } else if (d < injuredGap) { injured = c; injuredGap = d; }
  }
  // The nearest of all; on a tie the one first in the text. The other kind's nearest may make it 'mixed'.
  const killedFirst = killed !== undefined && (injured === undefined || killedGap < injuredGap || (killedGap === injuredGap && cues.indexOf(killed) < cues.indexOf(injured)));
  const first = killedFirst ? killed : injured;
  if (!first) return undefined;
  const other = killedFirst ? injured : killed;
  // "killing and wounding about 12", "قتلى وجرحى": both words on the same side, joined by "and" alone.
  // Not when the other word has a nearer number of its own ("لقي عنصران حتفهما وأصيب أربعة": two's word, four's word).
  const otherGap = killedFirst ? injuredGap : killedGap;
  if (other && (other.start > n.start) === (first.start > n.start)
    && !nums.some((m) => m !== n && reachable(m, other, nums) && gapOf(folded, m, other, cues) < otherGap)) {
    const [a, b] = other.start < first.start ? [other, first] : [first, other];
    if (/^\s*(?:and|et|or|ou|و)?\s*$/.test(folded.slice(a.end, b.start))) return 'mixed';
  }
  return first.kind;
}

/**
 * "3 soldats et 2 civils", "3 عناصر و2 مدنيين", "two fighters along with three civilians": the second
 * number follows an "and" within a few words, or a word that adds victims.
 */
function chained(folded: string, a: NumberSpan, b: NumberSpan, cues: Cue[]): boolean {
  const between = folded.slice(a.end, b.start);
  if (cues.some((c) => c.start >= a.end && c.end <= b.start)) return false;
  return between.length <= 40 && (/(?:^|\s)(?:and|et|و)\s*$/.test(between) || fusedAnd(folded, b) || ADDED.test(between))
    && !/[.;:]/.test(between) && !SUBSET.test(between);
}

/** Every casualty cue of a folded text, in order. */
// A folded text holds no vowel marks, so the scan never asks for a fold (null).
export const findCasualtyCues = (folded: string): Cue[] => (scanSentences(folded) ?? []).flatMap((s) => s.casualties);

/**
 * Killed and injured of one sentence, folded by foldForCues (null where it ties no number to the word).
 * A caller that has scanned the sentence already passes its cues (offsets in `folded`) and its numbers.
 */
export function readCasualties(folded: string, cues = findCasualtyCues(folded), numbers?: NumberSpan[]): CasualtyReading {
  const out: CasualtyReading = { killed: null, injured: null };
  if (cues.length === 0) return out;
  const nums = (numbers ?? readNumbers(folded)).filter((n) => !n.trap);
  const kinds = nums.map((n) => kindOf(folded, n, cues, nums));
  // "seven people, including three fighters, were killed": the total takes the part's word.
  for (let k = 0; k + 1 < nums.length; k += 1) {
    if (kinds[k] === undefined && SUBSET.test(folded.slice(nums[k]!.end, nums[k + 1]!.start))) kinds[k] = kinds[k + 1];
  }
  // Where each kind's count ended, for "were killed, as well as 2 civilians" (the added victims' count).
  const lastEnd = { killed: -1, injured: -1 };
  for (let k = 0; k < nums.length;) {
    let j = k;
    while (j + 1 < nums.length && chained(folded, nums[j]!, nums[j + 1]!, cues)) j += 1;
    const group = kinds.slice(k, j + 1);
    const known = [...new Set(group.filter((x) => x !== undefined))];
    if (known.length === 1 && known[0] !== 'mixed') {
      const kind = known[0]!;
      const sum = nums.slice(k, j + 1).reduce((s, n) => s + n.value, 0);
      const between = out[kind] === null ? '' : folded.slice(lastEnd[kind], nums[k]!.start);
      if (out[kind] === null) out[kind] = sum;
      else if (ADDED.test(between) && !SUBSET.test(between)) out[kind] += sum;
      lastEnd[kind] = nums[j]!.end;
    } else {
      for (let i = k; i <= j; i += 1) {
        const kind = kinds[i];
        if ((kind === 'killed' || kind === 'injured') && out[kind] === null) out[kind] = nums[i]!.value;
      }
    }
    k = j + 1;
  }
  for (const kind of ['killed', 'injured'] as const) {
    if (out[kind] === null && singleVictim(folded, cues.filter((c) => c.kind === kind))) out[kind] = 1;
  }
  return out;
}
