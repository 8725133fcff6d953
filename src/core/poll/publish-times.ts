// When a poll's new items were published, as adaptive polling and silence checks read it: an item's
// own date (never later than now: a clock running ahead must not make a source look busy), else the
// time it was first seen. Pure.
import { shortHash } from '../ids/article-id.js';
import type { FeedItem } from '../model/feed-item.js';

export interface PublishTime { member: string; at: number }

export function publishTimes(items: FeedItem[], now: Date, firstPoll: boolean): PublishTime[] {
  const t = now.getTime();
  const out: PublishTime[] = [];
  let undated = 0;
  for (const item of items) {
    const published = item.published ? Date.parse(item.published) : Number.NaN;
    if (!Number.isNaN(published)) {
      out.push({ member: shortHash('published', item.key), at: Math.min(published, t) });
      continue;
    }
    // A first poll's undated backlog was not published now: one of them only says the source is alive.
    if (firstPoll && undated > 0) continue;
    undated += 1;
    out.push({ member: shortHash('published', item.key), at: t });
  }
  return out;
}
