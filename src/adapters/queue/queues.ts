// BullMQ queues vigie uses, their names and job options in one place. Jobs carry ids (and a feed
// item's public fields), never secrets; job ids are deterministic so enqueueing twice is harmless.
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { FeedItem } from '../../core/model/feed-item.js';
import type { DeliveryRefs } from '../../core/model/alert.js';

export const QUEUE = { poll: 'poll', article: 'article', deliver: 'deliver', digest: 'digest', websub: 'websub', update: 'update' } as const;

export interface PollJob { sourceId: string }
export interface ArticleJob { sourceId: string; item: FeedItem; articleId: string }
/**
 * `refs` lets the deliver stage read everything in one round trip; jobs queued without the alert at hand
 * (releases, replays, digests, admin events) leave it out and the stage reads the delivery first.
 */
export interface DeliverJob { deliveryId: string; refs?: DeliveryRefs }
export interface DigestJob { mode: 'hourly' | 'daily' }
/** A request to a source's WebSub hub ((re)subscribe, unsubscribe once the source is removed), or a lease's end. */
export interface WebSubJob { sourceId: string; mode: 'subscribe' | 'unsubscribe' | 'lease-end' }
/** One round of an alert's update (see update-store.ts): delayed by the update interval, id `upd_<alert>_<round>`. */
export interface UpdateJob { alertId: string; round: number }

/** Completed jobs are kept a day (dedupe window for re-enqueued ids), failed ones two weeks for inspection. */
const KEEP: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

export const JOB_OPTIONS = {
  poll: { ...KEEP, attempts: 1, removeOnComplete: { age: 3600, count: 1000 } },
  article: { ...KEEP, attempts: 4, backoff: { type: 'exponential', delay: 2000, jitter: 0.3 } },
  // Delivery retries follow the webhook schedule through the worker's backoffStrategy ('schedule').
  // Completed deliveries are kept by count only: an age limit costs a range read on every completion, and
  // a delivery needs no dedupe window (a re-enqueued one whose job is gone finds its stored status and skips).
  deliver: { ...KEEP, removeOnComplete: { count: 10_000 }, attempts: 50, backoff: { type: 'schedule' } },
  digest: { ...KEEP, attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
  // A hub that is down is retried for about an hour; the safety poll keeps the source covered meanwhile.
  websub: { ...KEEP, attempts: 8, backoff: { type: 'exponential', delay: 15_000, jitter: 0.3 } },
  update: { ...KEEP, attempts: 8, backoff: { type: 'exponential', delay: 2000, jitter: 0.3 } },
} satisfies Record<keyof typeof QUEUE, JobsOptions>;

export interface Queues {
  poll: Queue<PollJob>;
  article: Queue<ArticleJob>;
  deliver: Queue<DeliverJob>;
  digest: Queue<DigestJob>;
  websub: Queue<WebSubJob>;
  update: Queue<UpdateJob>;
  close(): Promise<void>;
}

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const poll = new Queue<PollJob>(QUEUE.poll, { connection, prefix });
  const article = new Queue<ArticleJob>(QUEUE.article, { connection, prefix });
  const deliver = new Queue<DeliverJob>(QUEUE.deliver, { connection, prefix });
  const digest = new Queue<DigestJob>(QUEUE.digest, { connection, prefix });
  const websub = new Queue<WebSubJob>(QUEUE.websub, { connection, prefix });
  const update = new Queue<UpdateJob>(QUEUE.update, { connection, prefix });
  for (const q of [poll, article, deliver, digest, websub, update]) q.on('error', () => undefined);
  return {
    poll, article, deliver, digest, websub, update,
    close: async () => { await Promise.all([poll.close(), article.close(), deliver.close(), digest.close(), websub.close(), update.close()]); },
  };
}

/** The job of an alert's update round: one per round, so noting it twice enqueues it once. */
export function updateJobId(alertId: string, round: number): string {
  return `upd_${alertId}_${round}`;
}

/** BullMQ job ids may not contain ':' nor be all digits. */
export function safeJobId(id: string): string {
  return id.replace(/:/g, '_');
}
