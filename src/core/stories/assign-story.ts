// Decides whether an article joins a recent story or starts a new one, and says why. Pure: the
// candidates come from the store (see candidateKeys) and the clock comes in as `now`.
import { shortHash } from '../ids/article-id.js';
import type { StoryFingerprint } from './story-fingerprint.js';

export { candidateKeys } from './candidate-keys.js';

export interface AssignStoryOptions {
  now: Date;
  /** Articles further apart than this never share a story (except the same URL). */
  windowHours?: number;
  /** Tighter window for the entity rule: translations come within hours, the next strike on the town a day later. */
  entityWindowHours?: number;
  /** Window for the entity rule when no count is shared (place and actor only): weaker evidence, shorter window. */
  weakEntityWindowHours?: number;
  /** Shingle Jaccard over title+lead at or above which two texts are copies of one another. */
  textThreshold?: number;
  /** Jaccard over places, actors, topics and counts at or above which two reports tell the same event. */
  entityThreshold?: number;
}

export interface StoryAssignment {
  storyId: string;
  isNew: boolean;
  score: number;
  reason: string;
}

export interface StoryCandidate {
  storyId: string;
  fingerprint: StoryFingerprint;
}

export const STORY_DEFAULTS = {
  windowHours: 48, entityWindowHours: 24, weakEntityWindowHours: 6, textThreshold: 0.4, entityThreshold: 0.5,
} as const;

/** Rule ranks: a URL match beats a text match beats an entity match, whatever the scores. */
const RANK = { url: 3, text: 2, entities: 1 } as const;

interface Verdict {
  rule: keyof typeof RANK | 'none';
  score: number;
  reason: string;
}

type Settings = Required<Omit<AssignStoryOptions, 'now'>> & { nowMs: number };

export function storyIdFor(fp: StoryFingerprint): string {
  return `sto_${shortHash(fp.url)}`;
}

function intersect<T>(a: readonly T[], b: readonly T[]): T[] {
  const set = new Set(b);
  return a.filter((x) => set.has(x));
}

function jaccard<T>(a: readonly T[], b: readonly T[]): number {
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : intersect([...new Set(a)], [...new Set(b)]).length / union;
}

/** Hours between two event times; a time after `now` counts as `now` (feeds with clocks ahead). */
function hoursApart(a: string, b: string, nowMs: number): number {
  const t = (iso: string): number => Math.min(Date.parse(iso), nowMs);
  return Math.abs(t(a) - t(b)) / 3_600_000;
}

function anchors(fp: StoryFingerprint): string[] {
  return [...fp.places, ...fp.actors, ...fp.topics, ...fp.numbers.map((n) => `#${n}`)];
}

/** The first count an article gives is its headline ("three killed"); two reports of one event give it
 * in each other's counts. A shared side figure ("two wounded" vs "two of them Iraqis") is not enough. */
function headlineCountsAgree(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return b.includes(a[0]!) || a.includes(b[0]!);
}

/** The new report says the toll rose ("toll rises to 9") and gives a higher headline count than the
 * candidate: the same event told again with a new figure, which need not cite the old one. Only this
 * way round: a lower count arriving after a toll update is a new event (or a late copy of the first
 * report, which joins that report by its own count). */
function tollRaised(fp: StoryFingerprint, c: StoryFingerprint): boolean {
  return fp.tollUpdate === true && fp.numbers.length > 0 && c.numbers.length > 0 && fp.numbers[0]! > c.numbers[0]!;
}

/** The entity rule: one precise place, and an actor or a count, in common; counts must not contradict
 * (unless one report raises the other's toll, and then an actor must be in common). */
function entityVerdict(fp: StoryFingerprint, c: StoryFingerprint, hours: number, s: Settings): Verdict {
  const none = (why: string): Verdict => ({ rule: 'none', score: 0, reason: why });
  if (hours > s.entityWindowHours) return none(`${hours.toFixed(1)} h apart, beyond ${s.entityWindowHours} h for the entity rule`);
  const places = intersect(fp.places, c.places);
  if (places.length === 0) return none('no precise place in common');
  const actors = intersect(fp.actors, c.actors);
  const numbers = intersect(fp.numbers, c.numbers);
  const raised = actors.length > 0 && tollRaised(fp, c);
  if (!raised && !headlineCountsAgree(fp.numbers, c.numbers)) {
    return none(`headline counts differ (${fp.numbers.join(',')} vs ${c.numbers.join(',')})`);
  }
  if (actors.length === 0 && numbers.length === 0) return none(`only places in common (${places.join(',')})`);
  // A toll update comes hours after the first report: the count rule's window, not place+actor's.
  if (!raised && numbers.length === 0 && hours > s.weakEntityWindowHours) {
    return none(`no count in common and ${hours.toFixed(1)} h apart, beyond ${s.weakEntityWindowHours} h for place+actor evidence`);
  }
  // The old and new tolls are different numbers by nature: compare the rest.
  const score = raised ? jaccard(anchors({ ...fp, numbers: [] }), anchors({ ...c, numbers: [] })) : jaccard(anchors(fp), anchors(c));
  const what = `places ${places.join(',')}; actors ${actors.join(',') || '-'}; counts ${raised ? `toll update (${fp.numbers[0]} vs ${c.numbers[0]})` : numbers.join(',') || '-'}`;
  if (score < s.entityThreshold) return none(`entity Jaccard ${score.toFixed(2)} < ${s.entityThreshold} (${what})`);
  const langs = fp.lang !== undefined && c.lang !== undefined && fp.lang !== c.lang ? `${c.lang}->${fp.lang}` : 'same or unknown language';
  return { rule: 'entities', score, reason: `same event (${langs}): ${what}; entity Jaccard ${score.toFixed(2)}, ${hours.toFixed(1)} h apart` };
}

function compare(fp: StoryFingerprint, c: StoryFingerprint, s: Settings): Verdict {
  if (fp.url === c.url) return { rule: 'url', score: 1, reason: `same canonical URL ${fp.url}` };
  const hours = hoursApart(fp.time, c.time, s.nowMs);
  if (hours > s.windowHours) return { rule: 'none', score: 0, reason: `${hours.toFixed(1)} h apart, outside the ${s.windowHours} h window` };
  const text = jaccard(fp.shingles, c.shingles);
  if (text >= s.textThreshold) {
    return { rule: 'text', score: text, reason: `near-duplicate text: title+lead shingle Jaccard ${text.toFixed(2)}` };
  }
  const byEntities = entityVerdict(fp, c, hours, s);
  return byEntities.rule === 'none'
    ? { ...byEntities, reason: `shingle Jaccard ${text.toFixed(2)}; ${byEntities.reason}` }
    : byEntities;
}

function better(a: Verdict, b: Verdict): boolean {
  const ra = a.rule === 'none' ? 0 : RANK[a.rule];
  const rb = b.rule === 'none' ? 0 : RANK[b.rule];
  return ra !== rb ? ra > rb : a.score > b.score;
}

/**
 * The story an article belongs to: the best-matching candidate (same canonical URL, else near-duplicate
 * title+lead, else same event by places, actors and counts within the window), or a new story whose
 * id comes from this article's canonical URL, so replaying the same first article gives the same id.
 */
export function assignStory(fp: StoryFingerprint, candidates: readonly StoryCandidate[], opts: AssignStoryOptions): StoryAssignment {
  const s: Settings = {
    windowHours: opts.windowHours ?? STORY_DEFAULTS.windowHours,
    entityWindowHours: opts.entityWindowHours ?? STORY_DEFAULTS.entityWindowHours,
    weakEntityWindowHours: opts.weakEntityWindowHours ?? STORY_DEFAULTS.weakEntityWindowHours,
    textThreshold: opts.textThreshold ?? STORY_DEFAULTS.textThreshold,
    entityThreshold: opts.entityThreshold ?? STORY_DEFAULTS.entityThreshold,
    nowMs: opts.now.getTime(),
  };
  let best: (Verdict & { storyId: string }) | undefined;
  for (const cand of candidates) {
    const v = compare(fp, cand.fingerprint, s);
    if (best === undefined || better(v, best)) best = { ...v, storyId: cand.storyId };
  }
  if (best !== undefined && best.rule !== 'none') {
    return { storyId: best.storyId, isNew: false, score: best.score, reason: `${best.reason} (story ${best.storyId})` };
  }
  const why = best === undefined ? 'no recent candidate' : `closest candidate ${best.storyId}: ${best.reason}`;
  return { storyId: storyIdFor(fp), isNew: true, score: 0, reason: `new story: ${why}` };
}
