// vigie on a real Redis Cluster (issue 13): three masters started by the harness on loopback, REDIS_URL
// in the redis-cluster:// form. The end-to-end path (poll -> alert -> signed webhook) and the crash
// test's invariants (workers SIGKILLed: no alert lost, duplicates share their webhook-id) must hold, and
// every key of a deployment, BullMQ's included, must live on the one slot of its prefix's hash tag
// (a multi-key script or MULTI across slots would fail with CROSSSLOT and the test with it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRedisCluster, type TestRedisCluster } from '../harness/redis-cluster.js';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { makeConfigDir, tinyEntityDir } from '../harness/config-dir.js';
import { distinctArticle } from '../harness/distinct-article.js';
import { seededRandom } from '../harness/seeded-random.js';
import { spawnVigie, waitFor, WAIT_SCALE } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { connectRedis } from '../../src/adapters/redis/connect-redis.js';
import { createKeys } from '../../src/adapters/redis/keys.js';

let cluster: TestRedisCluster;
let rx: WebhookReceiver;
const sites: NewsSite[] = [];

before(async () => {
  // A hang (a client that never reaches the cluster) fails the test by its timeout instead (as long as the
  // waits' on a loaded machine: a slow run is not a hang).
  cluster = await startTestRedisCluster();
  rx = await startWebhookReceiver();
});

after(async () => {
  await rx.close();
  for (const s of sites) await s.close();
  await cluster.close();
});

/** Every key in the cluster, with the port of the master holding it. */
async function keysByNode(): Promise<Array<{ key: string; port: number }>> {
  const out: Array<{ key: string; port: number }> = [];
  const clients = cluster.nodeClients();
  for (let i = 0; i < clients.length; i += 1) {
    for (const key of await clients[i]!.keys('*')) out.push({ key, port: cluster.ports[i]! });
  }
  return out;
}

test('poll -> alert -> signed webhook through a 3-master cluster', { timeout: 120_000 * WAIT_SCALE }, async () => {
  const site = await startNewsSite();
  sites.push(site);
  let p: Pipeline | undefined;
  try {
    p = await startPipeline({ VIGIE_PREFIX: 'clusterpipe' }, { redis: cluster });
    const pipe = p;
    await pipe.addSource({ id: 'wire', url: site.feedUrl, interval: 1, lang: 'en' });
    await waitFor('first poll', async () => (await pipe.services.sources.getState('wire')).lastSuccessAt, 30_000);
    const sub = await pipe.subscribe({ name: 'cluster', query: 'clustermarker', channels: [{ type: 'webhook', url: rx.url('/pipe'), format: 'standard' }] });
    rx.setSecrets('/pipe', [sub.secret!]);
    site.publish({ slug: 'cluster-1', lang: 'en', published: new Date().toISOString(), title: 'Report clustermarker from Deir ez-Zor',
      summary: 'Summary clustermarker', paragraphs: ['Clashes were reported near Hajin in Deir ez-Zor province (clustermarker).', 'Local sources gave no toll.'] });
    const got = await waitFor('signed webhook', () => rx.received.find((r) => r.path === '/pipe'), 30_000);
    assert.deepEqual(got.verified, [sub.secret], 'the receiver verified the signature');
    const ids = await pipe.services.alerts.listDeliveryIds(sub.id);
    const d = await waitFor('delivery recorded', async () => { const x = await pipe.services.alerts.getDelivery(ids[0]!); return x?.status === 'submitted' ? x : undefined; });
    assert.equal(d.id, got.id, 'webhook-id is the delivery id');
  } finally {
    await p?.close();
  }
  // The one-shot CLI boots on the cluster too (Redis settings check, reads).
  const listed = await runCliCaptured(['sources', 'list', '--json'], { REDIS_URL: cluster.url, VIGIE_PREFIX: 'clusterpipe' });
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /"wire"/);
});

test('crash invariants on the cluster: SIGKILLed workers lose no alert, duplicates share their webhook-id', { timeout: 400_000 * WAIT_SCALE }, async (t) => {
  const ROUNDS = 2;
  const site = await startNewsSite();
  sites.push(site);
  const config = makeConfigDir([{ id: 'cluster-wire', url: site.feedUrl, interval: 1, lang: 'en' }], [], tinyEntityDir());
  const env = { REDIS_URL: cluster.url, VIGIE_PREFIX: 'clustercrash', VIGIE_CONFIG_DIR: config, VIGIE_ALLOW_NETWORKS: '127.0.0.1/32',
    VIGIE_BACKFILL: '0', VIGIE_LOCK_MS: '3000', VIGIE_STALLED_MS: '1000', VIGIE_WEBHOOK_SCHEDULE_MS: '200,400,800,1600', VIGIE_LOG_LEVEL: 'warn' };
  const added = await runCliCaptured(['subscriptions', 'add', '--name', 'crash', '--query', 'crashmarker', '--webhook', rx.url('/crash'), '--json'], env);
  assert.equal(added.code, 0, added.stderr);
  rx.setSecrets('/crash', [JSON.parse(added.stdout).secret]);
  rx.delay('/crash', 300); // widens the window for a kill between "sent" and "recorded"
  const state = connectRedis(cluster.url, 'state');
  const lastPoll = async () => Number(Date.parse((await state.hget(createKeys('clustercrash').sourceState('cluster-wire'), 'lastSuccessAt')) ?? '') || 0);
  const requests = () => rx.requests('/crash');
  let published = 0;
  const random = seededRandom(20261202);
  try {
    // The first worker records the (empty) feed, so every later item is news.
    const first = spawnVigie(['worker'], env);
    await waitFor('first poll recorded', async () => (await lastPoll()) > 0, 60_000).finally(() => first.kill('SIGKILL'));
    // Kills wait on facts, not on the clock, so they land in the same stage on a fast or a loaded
    // machine: even rounds right after a poll has queued the new articles (mid extract/route), odd
    // rounds while a webhook is in flight (the receiver holds its answer 300 ms: a send cut short).
    for (let round = 0; round < ROUNDS; round += 1) {
      const since = Date.now();
      const before = requests();
      for (let i = 0; i < 2; i += 1) site.publish(distinctArticle(published++, random));
      const worker = spawnVigie(['worker'], env);
      try {
        if (round % 2 === 0) await waitFor('a poll after publishing', async () => (await lastPoll()) >= since, 60_000, 20);
        else await waitFor('a webhook in flight', () => requests() > before, 60_000, 20);
      } catch (err) {
        console.error(worker.output().slice(-3000));
        throw err;
      } finally {
        await worker.kill('SIGKILL');
      }
      t.diagnostic(`round ${round}: worker killed ${round % 2 === 0 ? 'after a poll' : 'mid-send'}`);
    }
  } finally {
    state.disconnect();
  }
  const last = spawnVigie(['worker'], env);
  try {
    const expected = Array.from({ length: published }, (_, n) => site.articleUrl(`crash-${n}`));
    await waitFor('every alert received', () => {
      const got = new Set(rx.received.filter((r) => r.path === '/crash').map((r) => r.body.data.article.url as string));
      return expected.every((u) => got.has(u));
    }, 120_000, 100);
    t.diagnostic(`all ${published} alerts received, ${rx.requests('/crash')} request(s)`);
    const byAlert = new Map<string, Set<string>>();
    for (const r of rx.received.filter((x) => x.path === '/crash')) {
      const ids = byAlert.get(r.body.data.alert.id) ?? new Set<string>();
      byAlert.set(r.body.data.alert.id, ids.add(r.id));
    }
    assert.equal(byAlert.size, published, 'one alert per published story');
    for (const [alertId, ids] of byAlert) assert.equal(ids.size, 1, `alert ${alertId} arrived under one webhook-id`);
  } catch (err) {
    console.error(last.output().slice(-3000));
    throw err;
  } finally {
    await last.kill('SIGTERM');
  }
});

test("every key of a deployment, BullMQ's included, is on the slot of its prefix's hash tag", { timeout: 10_000 * WAIT_SCALE }, async () => {
  const all = await keysByNode();
  for (const prefix of ['clusterpipe', 'clustercrash']) {
    const mine = all.filter((k) => k.key.startsWith(`{${prefix}}:`));
    assert.ok(mine.some((k) => k.key.startsWith(`{${prefix}}:bull:`)), `${prefix}: BullMQ keys carry the hash tag`);
    assert.ok(mine.some((k) => k.key.startsWith(`{${prefix}}:alert:`)), `${prefix}: vigie keys carry the hash tag`);
    assert.equal(new Set(mine.map((k) => k.port)).size, 1, `${prefix}: all keys on one master`);
  }
  const stray = all.filter((k) => !/^\{cluster(pipe|crash)\}:/.test(k.key)).map((k) => k.key);
  assert.deepEqual(stray, [], 'no key outside a deployment hash tag');
});
