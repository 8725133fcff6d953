// Replays an evaluation set through story assignment the way the store will (index keys, time
// window, candidates in memory) and scores the grouping pairwise. No file or network access here.
import { assignStory, type AssignStoryOptions } from '../src/core/stories/assign-story.js';
import { storyFingerprint } from '../src/core/stories/story-fingerprint.js';
import { MemoryStoryIndex } from '../src/core/stories/memory-story-index.js';
import type { StoryEntityKind } from '../src/core/stories/story-entity-kind.js';

export interface EvalArticle {
  id: string;
  url: string;
  lang: string;
  title: string;
  text: string;
  published: string;
  fetchedAt?: string;
  entityIds: string[];
  /** True grouping label: articles with the same label report the same event. */
  story: string;
}

export interface EvalSet {
  entityKinds?: Record<string, StoryEntityKind>;
  articles: EvalArticle[];
}

export interface StoryDecision {
  articleId: string;
  storyId: string;
  isNew: boolean;
  score: number;
  reason: string;
}

function fetchedAt(a: EvalArticle): string {
  return a.fetchedAt ?? a.published;
}

/** Feeds the articles in fetch order through assignStory; returns one decision per article. */
export function replayStories(set: EvalSet, opts: Omit<AssignStoryOptions, 'now'> = {}): StoryDecision[] {
  const index = new MemoryStoryIndex();
  const ordered = [...set.articles].sort((a, b) => fetchedAt(a).localeCompare(fetchedAt(b)) || a.id.localeCompare(b.id));
  return ordered.map((a) => {
    const fp = storyFingerprint({
      url: a.url, title: a.title, lead: a.text, entityIds: a.entityIds, published: a.published,
      fetchedAt: fetchedAt(a), lang: a.lang, ...(set.entityKinds === undefined ? {} : { entityKinds: set.entityKinds }),
    });
    const result = assignStory(fp, index.lookup(fp, opts.windowHours ?? 48), { ...opts, now: new Date(fetchedAt(a)) });
    index.add(result.storyId, fp);
    return { articleId: a.id, ...result };
  });
}

export interface PairError {
  a: string;
  b: string;
  labelA: string;
  labelB: string;
  /** Why the later of the two was put where it was. */
  reason: string;
}

export interface StoryQuality {
  articles: number;
  labels: number;
  stories: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
  wrongMerges: PairError[];
  wrongSplits: PairError[];
}

/** Pairwise precision (pairs put together that belong together) and recall (pairs that belong together, put together). */
export function pairwiseQuality(articles: readonly EvalArticle[], decisions: readonly StoryDecision[]): StoryQuality {
  const order = decisions.map((d) => d.articleId);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const decided = new Map(decisions.map((d) => [d.articleId, d]));
  let truePairs = 0, predictedPairs = 0, correctPairs = 0;
  const wrongMerges: PairError[] = [], wrongSplits: PairError[] = [];
  for (let i = 0; i < order.length; i += 1) {
    for (let j = i + 1; j < order.length; j += 1) {
      const [a, b] = [byId.get(order[i]!)!, byId.get(order[j]!)!];
      const [da, db] = [decided.get(a.id)!, decided.get(b.id)!];
      const sameLabel = a.story === b.story, sameStory = da.storyId === db.storyId;
      if (sameLabel) truePairs += 1;
      if (sameStory) predictedPairs += 1;
      if (sameLabel && sameStory) correctPairs += 1;
      const err = { a: a.id, b: b.id, labelA: a.story, labelB: b.story, reason: db.reason };
      if (sameStory && !sameLabel) wrongMerges.push(err);
      if (sameLabel && !sameStory) wrongSplits.push(err);
    }
  }
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    articles: articles.length, labels: new Set(articles.map((a) => a.story)).size,
    stories: new Set(decisions.map((d) => d.storyId)).size,
    truePairs, predictedPairs, correctPairs, precision, recall, f1, wrongMerges, wrongSplits,
  };
}
