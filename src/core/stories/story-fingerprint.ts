// The fingerprint of an article for story grouping: canonical URL, title+lead shingles, entities by
// class, counts and event time. Small and plain JSON so the store can keep it in Redis; no I/O.
import { tokenize } from '../match/tokenize.js';
import { canonicalStoryUrl } from './story-url.js';
import { storyHash32 } from './story-hash.js';
import { storyNumbers } from './story-numbers.js';
import { isTollUpdate } from './toll-update.js';
import { guessStoryEntityKind, type StoryEntityKind } from './story-entity-kind.js';

export interface StoryFingerprintInput {
  url: string;
  title: string;
  /** Start of the article text; only the first LEAD_CHARS characters are used. */
  lead: string;
  /** Matched regions, actors and topics (suppressed matches excluded), most specific ones included. */
  entityIds: string[];
  /** Class of each id (see storyEntityKind); ids missing here are guessed from their prefix. */
  entityKinds?: Readonly<Record<string, StoryEntityKind>>;
  published?: string;
  fetchedAt: string;
  lang?: string;
}

export interface StoryFingerprint {
  v: 1;
  url: string;
  lang?: string;
  /** Event time (ISO): the published time when it is valid and not after fetchedAt, else fetchedAt. */
  time: string;
  /** Sorted distinct FNV-1a hashes of word 3-grams of the normalised title and lead. */
  shingles: number[];
  /** Town, district, crossing... level regions: what ties two reports to one event. */
  places: string[];
  /** Governorates and countries: kept for display and not used as evidence. */
  areas: string[];
  actors: string[];
  topics: string[];
  /** Counts mentioned in the title and lead, in order of first mention (see storyNumbers). */
  numbers: number[];
  /** The title or lead reports a toll going up ("toll rises to 9"): its headline count may exceed the story's. */
  tollUpdate?: true;
}

export const LEAD_CHARS = 500;
const SHINGLE_WORDS = 3;
const MAX_SHINGLES = 256;

function eventTime(published: string | undefined, fetchedAt: string): string {
  const fetched = Date.parse(fetchedAt);
  const pub = published === undefined ? Number.NaN : Date.parse(published);
  // A published time in the future (bad feed clocks, time zones written as local) cannot be the event time.
  const t = Number.isNaN(pub) || (!Number.isNaN(fetched) && pub > fetched) ? fetched : pub;
  return Number.isNaN(t) ? fetchedAt : new Date(t).toISOString();
}

/** Word n-gram hashes of each part (title, lead) separately, so no shingle spans the two; a part
 * shorter than n words gives one shingle of all its words. Bottom-k sample when there are too many. */
export function shingleHashes(parts: ReadonlyArray<readonly string[]>): number[] {
  const out = new Set<number>();
  for (const norms of parts) {
    const n = Math.min(SHINGLE_WORDS, norms.length);
    for (let i = 0; n > 0 && i + n <= norms.length; i += 1) out.add(storyHash32(norms.slice(i, i + n).join(' ')));
  }
  return [...out].sort((a, b) => a - b).slice(0, MAX_SHINGLES);
}

function classify(ids: readonly string[], kinds: Readonly<Record<string, StoryEntityKind>>): Record<StoryEntityKind, string[]> {
  const out: Record<StoryEntityKind, string[]> = { place: [], area: [], actor: [], topic: [] };
  for (const id of [...new Set(ids)].sort()) out[kinds[id] ?? guessStoryEntityKind(id)].push(id);
  return out;
}

export function storyFingerprint(input: StoryFingerprintInput): StoryFingerprint {
  const title = tokenize(input.title);
  const lead = tokenize(input.lead.slice(0, LEAD_CHARS));
  // A break token between title and lead so "Abu Kamal" at the end of one and "12" at the start of
  // the other are not read as adjacent.
  const tokens = [...title, { norm: '\u2029' }, ...lead];
  const e = classify(input.entityIds, input.entityKinds ?? {});
  return {
    v: 1,
    url: canonicalStoryUrl(input.url),
    ...(input.lang === undefined ? {} : { lang: input.lang }),
    time: eventTime(input.published, input.fetchedAt),
    shingles: shingleHashes([title.map((t) => t.norm), lead.map((t) => t.norm)]),
    places: e.place,
    areas: e.area,
    actors: e.actor,
    topics: e.topic,
    numbers: storyNumbers(tokens),
    ...(isTollUpdate(title) || isTollUpdate(lead) ? { tollUpdate: true as const } : {}),
  };
}
