// Decides which unseen items of a poll are news. A new source's first poll only records what is there
// (apart from a small backfill of the newest), and items older than the age limit are recorded, not
// processed, so a source that was broken and comes back, or a feed that reshuffles, never floods.
import type { FeedItem } from '../model/feed-item.js';

export interface SelectOptions {
  firstPoll: boolean;
  backfill: number;
  now: Date;
  /** Items published longer ago than this are history, not news. */
  maxAgeMs: number;
  /** Hard cap on items processed per poll; the rest are only recorded as seen. */
  maxPerPoll: number;
}

export interface Selection { process: FeedItem[]; recordOnly: FeedItem[] }

function newestFirst(items: FeedItem[]): FeedItem[] {
  // Stable: items without a date keep their feed order (feeds list newest first by convention).
  return items
    .map((item, index) => ({ item, index, t: item.published ? Date.parse(item.published) : Number.NaN }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.index - b.index : b.t - a.t || a.index - b.index))
    .map((x) => x.item);
}

export function selectNewItems(unseen: FeedItem[], opts: SelectOptions): Selection {
  const ordered = newestFirst(unseen);
  const limit = opts.firstPoll ? opts.backfill : opts.maxPerPoll;
  const process: FeedItem[] = [];
  const recordOnly: FeedItem[] = [];
  for (const item of ordered) {
    const t = item.published ? Date.parse(item.published) : Number.NaN;
    const tooOld = !Number.isNaN(t) && opts.now.getTime() - t > opts.maxAgeMs;
    if (!tooOld && process.length < limit) process.push(item);
    else recordOnly.push(item);
  }
  return { process, recordOnly };
}
