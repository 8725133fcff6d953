// The BullMQ workers of one `vigie worker` process (poll, article, deliver, digest, websub, update): thin adapters that call one pipeline function
// with an id. Retries, the webhook schedule and per-endpoint throttling are expressed here as BullMQ
// options; everything else lives in src/pipeline.
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Services } from '../src/runtime/create-services.js';
import { connectRedis } from '../src/adapters/redis/connect-redis.js';
import { QUEUE, type ArticleJob, type DeliverJob, type DigestJob, type PollJob, type UpdateJob, type WebSubJob } from '../src/adapters/queue/queues.js';
import { pollSource } from '../src/pipeline/poll-source.js';
import { processArticle } from '../src/pipeline/process-article.js';
import { createEndpointLimiter, deliverAlert } from '../src/pipeline/deliver-alert.js';
import { runDigests } from '../src/pipeline/run-digests.js';
import { trimState } from '../src/pipeline/trim-state.js';
import { checkLeaseEnd, requestHub } from '../src/pipeline/websub-subscribe.js';
import { sendUpdate } from '../src/pipeline/send-update.js';
import { isVigieError } from '../src/core/errors/vigie-error.js';

/** Thrown for a delivery that should be tried again after `delayMs` (the schedule's delay, Retry-After honoured). */
class RetryLater extends Error {
  constructor(readonly delayMs: number, reason: string) { super(reason); }
}

export interface WorkerSet { workers: Worker[]; close(): Promise<void> }

export function createWorkers(s: Services, roles: Array<keyof typeof QUEUE> = ['poll', 'article', 'deliver', 'digest', 'websub', 'update']): WorkerSet {
  const connection = connectRedis(s.redisUrl, 'worker');
  const common = { connection, prefix: s.keys.bullPrefix, lockDuration: s.env.VIGIE_LOCK_MS, stalledInterval: s.env.VIGIE_STALLED_MS };
  // How often a job may be caught in a dying worker before BullMQ fails it ("stalled more than allowable
  // limit"). A poll is cheap and the scheduler makes the next one, so a feed that crashes its worker
  // (a poison input) is given up after one crash. Articles and deliveries carry what vigie owes a
  // subscriber: a worker killed over and over (deploys, OOM kills, crash loops) must not turn them
  // into losses, so they survive many crashes; runaway inputs are bounded by the gate's caps instead.
  const stalls = { poll: 1, owed: 50 };
  const limiter = createEndpointLimiter(s.env.VIGIE_ENDPOINT_CONCURRENCY);
  const workers: Worker[] = [];

  if (roles.includes('poll')) {
    workers.push(new Worker<PollJob>(QUEUE.poll, async (job) => pollSource(s, job.data.sourceId), { ...common, maxStalledCount: stalls.poll, concurrency: s.env.VIGIE_POLL_CONCURRENCY }));
  }
  if (roles.includes('article')) {
    workers.push(new Worker<ArticleJob>(QUEUE.article, async (job) => {
      try {
        return await processArticle(s, job.data, { lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
      } catch (err) {
        if (isVigieError(err) && err.permanent) throw new UnrecoverableError(`${err.code}: ${err.message}`);
        throw err;
      }
    }, { ...common, maxStalledCount: stalls.owed, concurrency: s.env.VIGIE_ARTICLE_CONCURRENCY }));
  }
  if (roles.includes('deliver')) {
    workers.push(new Worker<DeliverJob>(QUEUE.deliver, async (job: Job<DeliverJob>, token?: string) => {
      const outcome = await deliverAlert(s, job.data, limiter);
      if (outcome.status === 'throttled' || outcome.status === 'busy') {
        // Give the slot back: this endpoint already has its share in flight (or another worker is sending).
        await job.moveToDelayed(Date.now() + 250 + Math.floor(Math.random() * 250), token);
        throw new DelayedError();
      }
      if (outcome.status === 'retry') throw new RetryLater(outcome.delayMs, outcome.reason);
      return outcome;
    }, {
      ...common,
      maxStalledCount: stalls.owed,
      concurrency: s.env.VIGIE_DELIVER_CONCURRENCY,
      settings: { backoffStrategy: (_attempts: number, _type?: string, err?: Error) => (err instanceof RetryLater ? err.delayMs : 1000) },
    }));
  }
  if (roles.includes('digest')) {
    // The digest queue also carries the hourly housekeeping job (name 'trim').
    workers.push(new Worker<DigestJob>(QUEUE.digest, async (job) => (job.name === 'trim' ? trimState(s) : runDigests(s, job.data.mode)),
      { ...common, maxStalledCount: stalls.owed, concurrency: 1 }));
  }
  if (roles.includes('websub')) {
    workers.push(new Worker<WebSubJob>(QUEUE.websub, async (job) => {
      try {
        return job.data.mode === 'lease-end' ? await checkLeaseEnd(s, job.data.sourceId) : await requestHub(s, job.data.sourceId, job.data.mode);
      } catch (err) {
        if (isVigieError(err) && err.permanent) throw new UnrecoverableError(`${err.code}: ${err.message}`);
        throw err;
      }
    }, { ...common, maxStalledCount: stalls.poll, concurrency: 4 }));
  }
  if (roles.includes('update')) {
    // An alert's update round: what it owes is kept in Redis until a round ends, so it survives crashes like deliveries.
    workers.push(new Worker<UpdateJob>(QUEUE.update, async (job) => sendUpdate(s, job.data.alertId, job.data.round),
      { ...common, maxStalledCount: stalls.owed, concurrency: 4 }));
  }
  for (const w of workers) {
    w.on('error', (err) => s.log.error({ event: 'worker.error', queue: w.name, err: String(err) }, 'worker error'));
    w.on('failed', (job, err) => s.log.warn({ event: 'job.failed', queue: w.name, jobId: job?.id, err: err.message }, 'job failed'));
  }
  return {
    workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
