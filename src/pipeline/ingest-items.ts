// The part of a poll after the fetch, shared by the poll and by a WebSub push: decode, parse, diff
// against the seen set, hand new items to the article queue, then mark them seen. Enqueue comes first
// (a crash in between repeats the same deterministic job ids); the job id is the item's, so an item
// that arrives by push and by poll is one article job, hence one alert.
import { articleId, shortHash } from '../core/ids/article-id.js';
import { selectNewItems } from '../core/poll/select-new-items.js';
import type { HubLinks } from '../core/websub/find-hub-links.js';
import type { FeedItem } from '../core/model/feed-item.js';
import type { SourceConfig, SourceState } from '../core/model/source.js';
import { JOB_OPTIONS, safeJobId } from '../adapters/queue/queues.js';
import type { Services } from '../runtime/create-services.js';
import { recordPublished } from './pace-source.js';

const MAX_ITEM_AGE_MS = 7 * 24 * 3600 * 1000;
const MAX_NEW_PER_POLL = 100;

/** A fetched (or pushed) document of a source, as bytes with the headers that say how to read it. */
export interface SourceDocument {
  body: Buffer;
  contentType?: string;
  /** The HTTP Link header (WebSub discovery). */
  linkHeader?: string;
  /** Where the document came from (after redirects): the base of relative links. */
  url: string;
}

export interface IngestResult {
  items: number;
  newItems: number;
  recorded: number;
  ttlSeconds?: number;
  /** Feeds only: the hubs and topic the document advertises. */
  hubLinks?: HubLinks;
}

/** The article job id of an item: its canonical URL when it has one, else its identity in the source. */
function itemArticleId(sourceId: string, item: FeedItem): string {
  return item.url ? articleId(item.url) : `art_${shortHash('item', sourceId, item.key)}`;
}

/** A source's first look (nothing seen, never succeeded): old items are recorded, only the backfill is processed. */
export async function isFirstLook(s: Services, sourceId: string, state: SourceState): Promise<boolean> {
  return !state.lastSuccessAt && (await s.seen.count(sourceId)) === 0;
}

export async function ingestItems(s: Services, source: SourceConfig, doc: SourceDocument, opts: { firstPoll: boolean; now: Date }): Promise<IngestResult> {
  const sourceId = source.id;
  // Decoding and parsing run on the analysis pool: a 10 MiB feed does not stall this event loop.
  const { items, ttlSeconds, hubLinks } = await s.analysis.readSourceDoc({ body: doc.body, contentType: doc.contentType, linkHeader: doc.linkHeader,
    url: doc.url, kind: source.kind, listing: source.listing });
  const unseenKeys = new Set(await s.seen.filterUnseen(sourceId, items.map((i) => i.key)));
  const unseen = items.filter((i) => unseenKeys.has(i.key));
  const { process, recordOnly } = selectNewItems(unseen, { firstPoll: opts.firstPoll, backfill: s.env.VIGIE_BACKFILL, now: opts.now, maxAgeMs: MAX_ITEM_AGE_MS, maxPerPoll: MAX_NEW_PER_POLL });
  if (process.length > 0) {
    await s.queues.article.addBulk(process.map((item) => {
      const id = itemArticleId(sourceId, item);
      return { name: 'article', data: { sourceId, item, articleId: id }, opts: { ...JOB_OPTIONS.article, jobId: safeJobId(`${id}-${sourceId}`) } };
    }));
  }
  await s.seen.markSeen(sourceId, unseen.map((i) => i.key), opts.now);
  await recordPublished(s, sourceId, unseen, opts.now, opts.firstPoll); // the rate adaptive polling follows
  return { items: items.length, newItems: process.length, recorded: recordOnly.length, ttlSeconds, hubLinks };
}
