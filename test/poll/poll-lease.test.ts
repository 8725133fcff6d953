// One poll per source at a time: two workers on one Redis given two poll jobs for a source while the
// host's request slots are taken fetch it once (the other poll is skipped), and the next poll sends
// the validators the first one stored; a poll that waits for a slot longer than its interval is
// skipped, not run late on top of the next one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { Redis } from 'ioredis';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { createLogger } from '../../src/runtime/create-logger.js';
import { createSafeFetch } from '../../src/adapters/http/safe-fetch.js';
import { createHostSlotStore } from '../../src/adapters/redis/host-slot-store.js';
import type { HostSlots } from '../../src/adapters/http/host-slots.js';
import { pollSource } from '../../src/pipeline/poll-source.js';
import { createWorkers, type WorkerSet } from '../../workers/create-workers.js';
import type { SourceConfig } from '../../src/core/model/source.js';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { startHttpServer, type TestHttpServer } from '../harness/http-server.js';
import { waitFor } from '../harness/vigie-process.js';

const HOST = '127.0.0.1';
const ETAG = '"v1"';
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>One</title><link>http://${HOST}/one</link><guid>one</guid></item></channel></rss>`;

let redis: TestRedis;
let client: Redis;
let feed: TestHttpServer;
/** The headers of every request the feed server received, in order. */
const requests: IncomingHttpHeaders[] = [];

/** A worker process's services whose shared host slots count the polls that started waiting for one. */
function workerServices(): Services & { slotWaits: () => number } {
  const env = loadEnv({ VIGIE_ALLOW_NETWORKS: `${HOST}/32`, VIGIE_BACKFILL: '0', VIGIE_LOCK_MS: '5000', VIGIE_STALLED_MS: '2000' });
  const s = createServices({ env, redisUrl: redis.url, entities: [], logger: createLogger(process.env.VIGIE_TEST_LOG ?? 'silent') });
  const real = createHostSlotStore(s.redis, s.keys, { limit: 2, pollMs: 10 });
  let waits = 0;
  const counted: HostSlots = { acquire: (host, signal) => { waits += 1; return real.acquire(host, signal); } };
  void s.fetcher.close();
  s.fetcher = createSafeFetch({ allowNetworks: [`${HOST}/32`], perHostConcurrency: 2, sharedSlots: counted });
  return Object.assign(s, { slotWaits: () => waits });
}

/** Takes every slot the deployment has for the feed's host, as two long fetches by other workers would. */
async function holdHostSlots(s: Services): Promise<() => void> {
  const slots = createHostSlotStore(client, s.keys, { limit: 2, pollMs: 10 });
  const never = new AbortController().signal;
  const releases = [await slots.acquire(HOST, never), await slots.acquire(HOST, never)];
  return () => { for (const r of releases) r(); };
}

async function addSource(s: Services, id: string, intervalSeconds: number): Promise<string> {
  const source: SourceConfig = { id, name: id, url: `${feed.origin}/${id}`, kind: 'feed', intervalSeconds, fetchArticles: false, enabled: true };
  await s.sources.put(source);
  return id;
}

before(async () => {
  redis = await startTestRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  feed = await startHttpServer((req, res) => {
    requests.push(req.headers);
    if (req.headers['if-none-match'] === ETAG) {
      res.writeHead(304, { etag: ETAG }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG }).end(RSS);
  });
});

after(async () => {
  client.disconnect();
  await feed.close();
  await redis.close();
});

test('two workers given two poll jobs for one source while its host is busy fetch it once; the next poll is conditional', async () => {
  const a = workerServices();
  const b = workerServices();
  const sourceId = await addSource(a, 'busy-host', 60);
  const release = await holdHostSlots(a);
  const workers: WorkerSet[] = [createWorkers(a, ['poll']), createWorkers(b, ['poll'])];
  try {
    requests.length = 0;
    const jobs = [await a.queues.poll.add('poll', { sourceId }, { jobId: 'poll-1' }), await b.queues.poll.add('poll', { sourceId }, { jobId: 'poll-2' })];
    const finished = async () => (await a.queues.poll.getJobCounts('completed', 'failed'));
    // Both polls are under way: each is either waiting for a host slot or already done.
    await waitFor('both polls under way', async () => {
      const c = await finished();
      return a.slotWaits() + b.slotWaits() + (c.completed ?? 0) + (c.failed ?? 0) >= 2;
    }, 20_000, 20);
    release();
    await waitFor('both polls finished', async () => (await finished()).completed === 2, 20_000, 20);
    const outcomes = await Promise.all(jobs.map(async (j) => (await a.queues.poll.getJob(j.id!))!.returnvalue as { status: string }));
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['ok', 'skipped'], JSON.stringify(outcomes));
    assert.equal(requests.length, 1, 'the source was fetched once');
    assert.equal(requests[0]!['if-none-match'], undefined, 'the first fetch had nothing to be conditional on');

    const next = await b.queues.poll.add('poll', { sourceId }, { jobId: 'poll-3' });
    await waitFor('the next poll', async () => (await finished()).completed === 3, 20_000, 20);
    assert.equal(requests.length, 2);
    assert.equal(requests[1]!['if-none-match'], ETAG, 'the next fetch carries the validator the first one stored');
    assert.equal(((await b.queues.poll.getJob(next.id!))!.returnvalue as { status: string }).status, 'not-modified');
  } finally {
    release();
    await Promise.all(workers.map((w) => w.close()));
    await a.queues.poll.obliterate({ force: true }).catch(() => undefined);
    await Promise.all([a.close(), b.close()]);
  }
});

test('a poll that waits for a host slot longer than its interval is skipped and counted, not run late nor marked failed', async () => {
  const s = workerServices();
  const sourceId = await addSource(s, 'slow-slot', 1);
  const release = await holdHostSlots(s);
  try {
    requests.length = 0;
    // Generous bound: the interval is 1 s; without a bound on the wait the poll waits as long as the slots are held.
    const outcome = await Promise.race([
      pollSource(s, sourceId),
      new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 20_000).unref()),
    ]);
    assert.notEqual(outcome, 'still waiting');
    assert.equal(typeof outcome === 'object' && outcome.status, 'skipped', JSON.stringify(outcome));
    assert.match(typeof outcome === 'object' && outcome.status === 'skipped' ? outcome.reason : '', /interval/);
    assert.equal(requests.length, 0, 'nothing was fetched');
    const state = await s.sources.getState(sourceId);
    assert.equal(state.consecutiveFailures, 0, 'a skipped poll is not a failure of the source');
    assert.equal(state.lastErrorCode, undefined);
    const skipped = (await s.metrics.polls.get()).values.find((v) => v.labels.outcome === 'skipped');
    assert.equal(skipped?.value, 1, 'counted as skipped');
    assert.equal(await client.exists(s.keys.pollLease(sourceId)), 0, 'the lease is given back');
  } finally {
    release();
    await s.close();
  }
});

test('a poll lease is released by its holder only, and a poll finding it taken is skipped without a fetch', async () => {
  const s = workerServices();
  const sourceId = await addSource(s, 'leased', 60);
  await client.set(s.keys.pollLease(sourceId), 'another-worker', 'PX', 60_000);
  try {
    requests.length = 0;
    const outcome = await pollSource(s, sourceId);
    assert.equal(outcome.status, 'skipped');
    assert.equal(requests.length, 0);
    assert.equal(await client.get(s.keys.pollLease(sourceId)), 'another-worker', 'the other holder keeps its lease');
  } finally {
    await client.del(s.keys.pollLease(sourceId));
    await s.close();
  }
});
