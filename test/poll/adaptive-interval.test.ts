// Adaptive polling through the real poll stage: a real Redis, a real feed server whose items are dated
// every 20 minutes on a test clock (no wall-clock waits: the services' clock is injected and moved by
// the interval each poll chooses). The scheduled interval converges on 20 minutes and the BullMQ job
// scheduler follows it; a server hint (Cache-Control) only slows it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { startHttpServer, type TestHttpServer } from '../harness/http-server.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { createLogger } from '../../src/runtime/create-logger.js';
import { sourceInputSchema, toSourceConfig, type SourceInput } from '../../src/core/sources/source-schema.js';
import { scheduleSource } from '../../src/pipeline/apply-config.js';
import { pollSource } from '../../src/pipeline/poll-source.js';
import { Redis } from 'ioredis';

const GAP_MS = 20 * 60_000;
const FIRST_ITEM = Date.parse('2026-12-01T06:00:00Z');
let now = FIRST_ITEM + 50 * 60_000;
let redis: TestRedis;
let feed: TestHttpServer;
let s: Services;

/** The feed as it stands at the test clock's `now`: its newest 15 items, one every 20 minutes. */
function rss(): string {
  const count = Math.floor((now - FIRST_ITEM) / GAP_MS) + 1;
  const items = Array.from({ length: Math.min(15, count) }, (_, i) => count - 1 - i).map((k) =>
    `<item><title>Item ${k}</title><link>http://127.0.0.1/item-${k}</link><guid>item-${k}</guid><pubDate>${new Date(FIRST_ITEM + k * GAP_MS).toUTCString()}</pubDate></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://127.0.0.1/</link>${items.join('')}</channel></rss>`;
}

before(async () => {
  redis = await startTestRedis();
  feed = await startHttpServer((req, res) => {
    const headers: Record<string, string> = { 'content-type': 'application/rss+xml' };
    if (req.url === '/hinted.xml') headers['cache-control'] = 'max-age=3600';
    res.writeHead(200, headers).end(rss());
  });
  const env = loadEnv({ VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_BACKFILL: '0', VIGIE_LOG_LEVEL: 'silent' });
  s = createServices({ env, redisUrl: redis.url, entities: [], logger: createLogger('silent'), clock: () => new Date(now) });
});

after(async () => {
  await s.queues.poll.obliterate({ force: true }).catch(() => undefined);
  await s.close();
  await feed.close();
  await redis.close();
});

async function addSource(input: SourceInput): Promise<string> {
  const source = toSourceConfig(sourceInputSchema.parse(input));
  await s.sources.put(source);
  await scheduleSource(s, source);
  return source.id;
}

/** Polls at the test clock, then moves the clock on by the interval the source is now scheduled at. */
async function pollAndAdvance(id: string): Promise<{ seconds: number; every: number | undefined; rule: string }> {
  const outcome = await pollSource(s, id);
  assert.equal(outcome.status, 'ok', JSON.stringify(outcome));
  const pacing = (await s.sourceHealth.getPacing(id))!;
  const every = (await s.queues.poll.getJobScheduler(`source-${id}`))?.every;
  now += pacing.scheduledSeconds! * 1000;
  return { seconds: pacing.scheduledSeconds!, every: every === undefined ? undefined : Number(every), rule: pacing.rule };
}

test('the scheduled interval converges on a source that publishes every 20 minutes, and the job scheduler follows', async () => {
  const id = await addSource({ id: 'steady', url: `${feed.origin}/steady.xml`, minInterval: 60, maxInterval: 6 * 3600 });
  assert.equal((await s.queues.poll.getJobScheduler('source-steady'))?.every, 900_000, 'starts at 15 min before the rate is known');
  const seen: number[] = [];
  for (let i = 0; i < 25; i += 1) {
    const r = await pollAndAdvance(id);
    assert.equal(r.every, r.seconds * 1000, 'the schedule runs at the chosen interval');
    assert.equal(r.rule, 'rate');
    seen.push(r.seconds);
  }
  for (const sec of seen.slice(-10)) assert.ok(Math.abs(sec - 1200) <= 0.15 * 1200, `converges on 1200 s: ${seen.join(', ')}`);
  assert.notEqual(seen[0], 900, 'moved off its starting interval');
});

test('a server hint only slows the adaptive interval, and the schedule follows it', async () => {
  const id = await addSource({ id: 'hinted', url: `${feed.origin}/hinted.xml`, minInterval: 60, maxInterval: 6 * 3600 });
  const r = await pollAndAdvance(id);
  assert.equal(r.rule, 'hint');
  assert.equal(r.seconds, 3600);
  assert.equal(r.every, 3600_000);
  const reason = (await s.sourceHealth.getPacing(id))!.reason;
  assert.match(reason, /server asks for 1 h/);
});

test('a fixed interval from config is kept: the schedule is not moved by the rate', async () => {
  const id = await addSource({ id: 'fixed', url: `${feed.origin}/steady.xml`, interval: 300 });
  for (let i = 0; i < 3; i += 1) {
    const r = await pollAndAdvance(id);
    assert.equal(r.seconds, 300);
    assert.equal(r.every, 300_000);
    assert.equal(r.rule, 'fixed');
  }
});

test('a poll reads the source\'s pacing from Redis once', async () => {
  const id = await addSource({ id: 'counted', url: `${feed.origin}/steady.xml`, minInterval: 60, maxInterval: 6 * 3600 });
  await pollAndAdvance(id); // the first poll stores a pacing record
  // MONITOR lists every command the server runs, in order: a marker sent after the poll ends the count.
  const client = new Redis(redis.url);
  const monitor = await client.monitor();
  const commands: string[][] = [];
  const marker = `end-of-poll-${id}`;
  const markerSeen = new Promise<void>((resolve) => monitor.on('monitor', (_time: string, args: string[]) => {
    commands.push(args);
    if (args[0]?.toLowerCase() === 'echo' && args[1] === marker) resolve();
  }));
  try {
    assert.equal((await pollSource(s, id)).status, 'ok');
    await s.redis.echo(marker);
    await markerSeen;
  } finally {
    monitor.disconnect();
    client.disconnect();
  }
  const pacingKey = s.keys.sourcePacing(id);
  const reads = commands.filter((c) => c[0]?.toLowerCase() === 'hgetall' && c[1] === pacingKey);
  assert.equal(reads.length, 1, `pacing reads: ${reads.length}`);
  assert.ok(commands.some((c) => c[0]?.toLowerCase() === 'hset' && c[1] === pacingKey), 'the poll stored its pacing');
});
