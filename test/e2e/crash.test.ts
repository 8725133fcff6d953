// Crash safety, issue 4: a worker child process is killed with SIGKILL at random moments while it
// polls, extracts, routes and delivers, 20 rounds; then one worker runs to the end. At the receiver:
// no alert missing, and every duplicate (a send cut short by a kill) carries the same webhook-id.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { makeConfigDir, tinyEntityDir } from '../harness/config-dir.js';
import { distinctArticle } from '../harness/distinct-article.js';
import { spawnVigie, waitFor } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { connectRedis } from '../../src/adapters/redis/connect-redis.js';
import { createKeys } from '../../src/adapters/redis/keys.js';
import { articleId } from '../../src/core/ids/article-id.js';

const ROUNDS = 20;
const PER_ROUND = 2;
let redis: TestRedis;
let site: NewsSite;
let rx: WebhookReceiver;
let env: Record<string, string>;

// Seeded, so a failure can be replayed: kill delays and article texts come from it.
let seed = Number(process.env.VIGIE_CRASH_SEED ?? 20261125);
const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };

before(async () => {
  redis = await startTestRedis();
  site = await startNewsSite();
  rx = await startWebhookReceiver();
  const config = makeConfigDir([{ id: 'crash-wire', url: site.feedUrl, interval: 1, lang: 'en' }], [], tinyEntityDir());
  env = { REDIS_URL: redis.url, VIGIE_CONFIG_DIR: config, VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_BACKFILL: '0',
    VIGIE_LOCK_MS: '3000', VIGIE_STALLED_MS: '1000', VIGIE_WEBHOOK_SCHEDULE_MS: '200,400,800,1600,3200', VIGIE_LOG_LEVEL: 'warn' };
  const added = await runCliCaptured(['subscriptions', 'add', '--name', 'crash', '--query', 'crashmarker', '--webhook', rx.url('/crash'), '--json'], env);
  assert.equal(added.code, 0, added.stderr);
  rx.setSecrets('/crash', [JSON.parse(added.stdout).secret]);
  // A slow receiver widens the window between "the receiver has it" and "vigie recorded it", so some
  // kills land mid-send: those deliveries are sent again and must carry the same webhook-id.
  rx.delay('/crash', 300);
});

after(async () => {
  await rx.close();
  await site.close();
  await redis.close();
});

test(`SIGKILL at random moments, ${ROUNDS} rounds: no alert lost, duplicates share their webhook-id`, async () => {
  let published = 0;
  // The first worker records the (empty) feed, so every later item is news.
  const first = spawnVigie(['worker'], env);
  const state = connectRedis(redis.url, 'state');
  await waitFor('first poll recorded', async () => (await state.hget(createKeys('vigie').sourceState('crash-wire'), 'lastSuccessAt')) ?? undefined, 30_000);
  state.disconnect();
  await first.kill('SIGKILL');
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < PER_ROUND; i += 1) site.publish(distinctArticle(published++, random));
    const worker = spawnVigie(['worker'], env);
    // Boot takes about a second; kill anywhere from mid-boot to well into polling and delivery.
    await new Promise((r) => setTimeout(r, 500 + Math.floor(random() * 2500)));
    await worker.kill('SIGKILL');
  }
  const last = spawnVigie(['worker'], env);
  try {
    const expected = new Set(Array.from({ length: published }, (_, n) => site.articleUrl(`crash-${n}`)));
    await waitFor('every alert received', () => {
      const got = new Set(rx.received.filter((r) => r.path === '/crash').map((r) => r.body.data.article.url as string));
      return [...expected].every((u) => got.has(u));
    }, 120_000, 250);
    const byAlert = new Map<string, Set<string>>();
    for (const r of rx.received.filter((x) => x.path === '/crash')) {
      const ids = byAlert.get(r.body.data.alert.id) ?? new Set<string>();
      ids.add(r.id);
      byAlert.set(r.body.data.alert.id, ids);
    }
    assert.equal(byAlert.size, published, 'one alert per published story');
    for (const [alertId, ids] of byAlert) assert.equal(ids.size, 1, `alert ${alertId} arrived under one webhook-id`);
    const duplicates = rx.received.filter((x) => x.path === '/crash').length - byAlert.size;
    console.log(`crash test: ${published} alerts expected, all received; ${duplicates} duplicate request(s), all with the same webhook-id`);
  } catch (err) {
    const got = new Set(rx.received.filter((r) => r.path === '/crash').map((r) => r.body.data.article.url as string));
    const missing = Array.from({ length: published }, (_, n) => site.articleUrl(`crash-${n}`)).filter((u) => !got.has(u));
    console.error(`missing ${missing.length}: ${missing.join(' ')}; page hits: ${missing.map((u) => site.hits(new URL(u).pathname)).join(',')}`);
    const state = connectRedis(redis.url, 'state');
    const keys = createKeys('vigie');
    for (const u of missing) {
      const id = articleId(u);
      console.error(`${u}: stored ${await state.exists(keys.article(id))}, routed ${await state.exists(keys.articleRouted(id))}, story ${await state.get(keys.articleStory(id))}`);
    }
    state.disconnect();
    console.error(last.output().slice(-3000));
    throw err;
  } finally {
    await last.kill('SIGTERM');
  }
});
