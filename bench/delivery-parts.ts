// Where a signed delivery's CPU goes, part by part, in one process on one private Redis (issue 12 item 5):
// the same N deliveries' worth of each part at the deliver stage's concurrency, timed on this process's
// CPU (process.cpuUsage), which a shared machine disturbs far less than wall time. Parts:
//  - post:    bare signed POSTs of one rendered body (the delivery bench's baseline);
//  - render:  rendering and signing a delivery's body from its records (pure, no I/O);
//  - redis:   the stage's two script calls (read + claim, outcome) without sending anything;
//  - stage:   deliverAlert called directly (reads, claim, render, sign, POST, outcome), no queue;
//  - bullmq:  BullMQ jobs with the deliver queue's options and a no-op processor;
//  - full:    deliver jobs through BullMQ and deliverAlert, as a worker runs them.
// Rounds alternate the parts; the table gives each part's median CPU per delivery.
// Usage: node dist/bench/delivery-parts.js [--deliveries 3000] [--rounds 3] [--text-chars 300] [--parts post,full]
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { startPipeline } from '../test/harness/pipeline.js';
import { waitFor } from '../test/harness/vigie-process.js';
import { percentile } from './percentiles.js';
import { postWebhook } from '../src/adapters/webhook/post-webhook.js';
import { renderWebhookPayload } from '../src/core/render/webhook-payload.js';
import { signWebhook } from '../src/core/deliver/sign-webhook.js';
import { signingSecrets } from '../src/core/subscriptions/signing-secrets.js';
import { deliveryId, alertId } from '../src/core/deliver/delivery-ids.js';
import { JOB_OPTIONS, QUEUE } from '../src/adapters/queue/queues.js';
import { connectRedis } from '../src/adapters/redis/connect-redis.js';
import { articleId } from '../src/core/ids/article-id.js';
import { matchDocument } from '../src/core/match/match-document.js';
import { createEndpointLimiter, deliverAlert } from '../src/pipeline/deliver-alert.js';
import type { DeliveryRefs } from '../src/core/model/alert.js';
import { numberArg } from './number-arg.js';

const args = process.argv.slice(2);
const N = numberArg('deliveries', 3000);
const ROUNDS = numberArg('rounds', 3);
const TEXT_CHARS = numberArg('text-chars', 300);
const CONCURRENCY = 64;
const ONLY = args.includes('--parts') ? new Set(args[args.indexOf('--parts') + 1]!.split(',')) : undefined;

const here = path.dirname(fileURLToPath(import.meta.url));
const sink = fork(path.join(here, 'webhook-sink-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
let received = 0;
const port = await new Promise<number>((resolve) => sink.on('message', (m: { type: string; port?: number }) => {
  if (m.type === 'listening') resolve(m.port!);
  if (m.type === 'received') received += 1;
}));
const hook = `http://127.0.0.1:${port}/hook`;
const p = await startPipeline({ VIGIE_DELIVER_CONCURRENCY: String(CONCURRENCY), VIGIE_ENDPOINT_CONCURRENCY: String(CONCURRENCY) });
await p.workers.close();
const s = p.services;
const sub = await p.subscribe({ name: 'parts', query: 'benchmark', channels: [{ type: 'webhook', url: hook, format: 'standard' }] });
sink.send({ type: 'secret', secret: sub.secret! });
const channelId = sub.channelIds[0]!;
const now = new Date();
const url = 'http://127.0.0.1:1/articles/parts';
const base = 'Benchmark story from Idlib: the market council school bridge harvest clinic bakery convoy river well checkpoint road. ';
const text = base.repeat(Math.ceil(TEXT_CHARS / base.length)).slice(0, TEXT_CHARS);
const art = { id: articleId(url), url, sourceId: 'bench', title: 'Benchmark report from Idlib', summary: 'Parts', text, fetchedAt: now.toISOString() };
await s.articles.putIfAbsent(art);
const { matcher } = await s.entities.current();
const matches = matchDocument(matcher, { title: art.title, text: art.text.slice(0, 600), lang: 'en' }).matches;
const secrets = (await s.subscriptions.getSecrets(sub.id, channelId))!;
const subscription = (await s.subscriptions.get(sub.id))!;
const alert0 = { id: 'alr_x', subscriptionId: sub.id, storyId: 'sto_x', articleId: art.id, relatedArticleIds: [], matches, createdAt: now.toISOString() };
const body = renderWebhookPayload({ alert: alert0, article: art, subscription, sourceName: 'bench', now });

/** N fresh deliveries (alert + pending delivery), as routing makes them; returns their jobs' data. */
async function makeDeliveries(tag: string) {
  const jobs: Array<{ deliveryId: string; refs: DeliveryRefs }> = [];
  for (let i = 0; i < N; i += 200) {
    await Promise.all(Array.from({ length: Math.min(200, N - i) }, async (_, k) => {
      const storyId = `sto_${tag}_${i + k}`;
      const a = { ...alert0, id: alertId(sub.id, storyId), storyId };
      const id = deliveryId(sub.id, storyId, channelId);
      await s.alerts.createAlert(a);
      await s.alerts.createDelivery({ id, alertId: a.id, subscriptionId: sub.id, channelId, status: 'pending', attempts: 0 });
      jobs.push({ deliveryId: id, refs: { alertId: a.id, subscriptionId: sub.id, channelId, articleId: art.id, sourceId: art.sourceId } });
    }));
  }
  return jobs;
}

/** Runs `fn` on every item with CONCURRENCY in flight; CPU ms of this process per item. */
async function cpuOf<T>(items: T[], fn: (x: T) => Promise<unknown>): Promise<number> {
  let next = 0;
  const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < items.length) await fn(items[next++]!); }));
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / items.length;
}

async function throughQueue(tag: string, processor: (data: { deliveryId: string; refs: DeliveryRefs }) => Promise<unknown>): Promise<number> {
  const jobs = await makeDeliveries(tag);
  const queued = jobs.map((d) => ({ name: 'deliver', data: d, opts: { ...JOB_OPTIONS.deliver, jobId: d.deliveryId } }));
  for (let i = 0; i < queued.length; i += 500) await s.queues.deliver.addBulk(queued.slice(i, i + 500));
  const connection = connectRedis(s.redisUrl, 'worker');
  let done = 0;
  const c0 = process.cpuUsage();
  const w = new Worker(QUEUE.deliver, async (job) => processor(job.data as { deliveryId: string; refs: DeliveryRefs }),
    { connection, prefix: s.keys.bullPrefix, concurrency: CONCURRENCY, lockDuration: s.env.VIGIE_LOCK_MS, stalledInterval: s.env.VIGIE_STALLED_MS });
  w.on('completed', () => { done += 1; });
  await waitFor('jobs completed', () => done >= N, 300_000, 20);
  const c = process.cpuUsage(c0);
  await w.close();
  connection.disconnect();
  return (c.user + c.system) / 1000 / N;
}

const parts: Record<string, (round: number) => Promise<number>> = {
  post: async (r) => cpuOf(Array.from({ length: N }, (_, i) => i), (i) =>
    postWebhook(s.webhookFetcher, { url: hook, deliveryId: `msg_p${r}_${i}`, body, secrets: signingSecrets(secrets, new Date()), now: new Date() })),
  render: async () => cpuOf(Array.from({ length: N }, (_, i) => i), async (i) => {
    const t = new Date();
    const b = renderWebhookPayload({ alert: alert0, article: art, subscription, sourceName: 'bench', now: t });
    return signWebhook({ id: `msg_r${i}`, timestamp: Math.floor(t.getTime() / 1000), body: b, secrets: signingSecrets(secrets, t) });
  }),
  redis: async (r) => {
    const jobs = await makeDeliveries(`redis${r}`);
    return cpuOf(jobs, async (j) => {
      const t = new Date();
      await s.alerts.open(j.deliveryId, j.refs, { now: t, staleMs: 60_000 });
      await s.alerts.finish(j.deliveryId, 'submitted', { at: t.toISOString(), attempt: 1, outcome: 'submitted', reason: 'bench', statusCode: 204, durationMs: 1 });
    });
  },
  stage: async (r) => {
    const jobs = await makeDeliveries(`stage${r}`);
    const limiter = createEndpointLimiter(CONCURRENCY);
    return cpuOf(jobs, (j) => deliverAlert(s, j, limiter));
  },
  bullmq: async (r) => throughQueue(`bull${r}`, async () => undefined),
  full: async (r) => {
    const limiter = createEndpointLimiter(CONCURRENCY);
    return throughQueue(`full${r}`, (d) => deliverAlert(s, d, limiter));
  },
};

const results = new Map<string, number[]>(Object.keys(parts).map((k) => [k, []]));
for (let r = 0; r <= ROUNDS; r += 1) {
  for (const [name, run] of Object.entries(parts)) {
    if (ONLY && !ONLY.has(name)) continue;
    const before = received;
    const ms = await run(r);
    if (name === 'post' || name === 'stage' || name === 'full') await waitFor(`${name} received`, () => received >= before + N, 120_000, 20);
    if (r > 0) results.get(name)!.push(ms); // round 0 warms the JIT
    process.stderr.write(`  round ${r} ${name}: ${ms.toFixed(3)} ms CPU per delivery\n`);
  }
}
console.log(`\n${N} deliveries per part and round, concurrency ${CONCURRENCY}, article text ${TEXT_CHARS} characters; CPU of this process per delivery (median of ${ROUNDS} rounds after a warm-up round)\n`);
console.log('| part | CPU ms per delivery | rounds |');
console.log('|---|---|---|');
for (const [name, xs] of results) if (xs.length > 0) console.log(`| ${name} | ${percentile(xs, 50).toFixed(3)} | ${xs.map((x) => x.toFixed(3)).join(', ')} |`);
await p.close();
sink.send({ type: 'stop' });
process.exit(0);
