// A worker's entity catalog across restarts (real `vigie worker` processes, one cache folder): the first
// start reads the entity files and, at its first article, compiles them and writes the snapshot; the
// next start reads that snapshot instead (no compile) and matches alike, and an entity edited at run
// time is matched from the next article; after an entity file changes, a start reads the files again,
// matches the new entity and replaces the snapshot. A small catalog, so each compile is quick.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { makeConfigDir, tinyEntityDir } from '../harness/config-dir.js';
import { spawnVigie, waitFor, type VigieProcess } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { connectRedis, type RedisClient } from '../../src/adapters/redis/connect-redis.js';
import { createKeys } from '../../src/adapters/redis/keys.js';

let redis: TestRedis;
let site: NewsSite;
let rx: WebhookReceiver;
let env: Record<string, string>;
let entitiesDir: string;
let cacheDir: string;
let client: RedisClient;
const keys = createKeys('vigie');

before(async () => {
  redis = await startTestRedis();
  site = await startNewsSite();
  rx = await startWebhookReceiver();
  entitiesDir = tinyEntityDir();
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-catalog-cache-'));
  const config = makeConfigDir([{ id: 'snap-wire', url: site.feedUrl, interval: 1, lang: 'en' }], [], entitiesDir);
  env = { REDIS_URL: redis.url, VIGIE_CONFIG_DIR: config, VIGIE_CACHE_DIR: cacheDir, VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_BACKFILL: '0', VIGIE_LOG_LEVEL: 'info' };
  // Its own cache folder: this command compiles the catalog too (to resolve the region), and would write the snapshot.
  const added = await runCliCaptured(['subscriptions', 'add', '--name', 'deir', '--region', 'Deir ez-Zor', '--webhook', rx.url('/deir'), '--json'],
    { ...env, VIGIE_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-other-cache-')), VIGIE_LOG_LEVEL: 'warn' });
  assert.equal(added.code, 0, added.stderr);
  rx.setSecrets('/deir', [JSON.parse(added.stdout).secret]);
  client = connectRedis(redis.url, 'state');
});

after(async () => {
  client.disconnect();
  await rx.close();
  await site.close();
  await redis.close();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

const snapshots = () => fs.readdirSync(cacheDir).filter((f) => f.endsWith('.snap'));
const logged = (w: VigieProcess, event: string) => w.output().split('\n').filter((l) => l.includes(`"event":"${event}"`));
const alertedFor = (slug: string) => rx.received.some((r) => r.path === '/deir' && r.body?.data?.article?.url === site.articleUrl(slug));

/** Publishes an article (its own story: no two share words) and waits for the Deir ez-Zor subscription's alert on it. */
async function alertOn(w: VigieProcess, slug: string, title: string, paragraph: string): Promise<void> {
  site.publish({ slug, lang: 'en', title, summary: paragraph, paragraphs: [paragraph], published: new Date().toISOString() });
  await waitFor(`the alert on ${slug}`, () => alertedFor(slug), 30_000).catch((err) => { console.error(w.output().slice(-4000)); throw err; });
}

async function startWorker(): Promise<VigieProcess> {
  const w = spawnVigie(['worker'], env);
  await waitFor('the catalog loaded', () => logged(w, 'catalog.loaded').length > 0, 30_000)
    .catch((err) => { console.error(w.output().slice(-4000)); throw err; });
  return w;
}

test('a restart reads the snapshot a previous run wrote, sees run-time edits, and rebuilds it when an entity file changes', async () => {
  let w = await startWorker();
  try {
    assert.match(logged(w, 'catalog.loaded')[0]!, /"from":"files"/, 'no snapshot yet: the files are read');
    // Published after the first poll, which records what is there without sending it (backfill 0).
    await waitFor('the first poll', async () => (await client.hget(keys.sourceState('snap-wire'), 'lastSuccessAt')) ?? undefined, 30_000);
    await alertOn(w, 'first', 'Market reopens in Deir ez-Zor after repairs', 'Traders in Deir ez-Zor reopened the covered market on Monday after months of repairs.');
    await waitFor('the snapshot written', () => logged(w, 'catalog.snapshot.written').length === 1, 30_000);
    const [first] = snapshots();
    assert.ok(first, 'a snapshot file in the cache folder');
    const written = fs.statSync(path.join(cacheDir, first)).mtimeMs;
    await w.kill('SIGTERM');

    w = await startWorker();
    assert.match(logged(w, 'catalog.loaded')[0]!, /"from":"snapshot"/, 'the second start reads the first one\'s snapshot');
    await alertOn(w, 'second', 'Flooding closes the river road near Deir ez-Zor', 'Heavy rain flooded the river road outside Deir ez-Zor and drivers were turned back.');
    // A town added at run time, inside the governorate: matched from the next article on.
    const edit = await runCliCaptured(['entities', 'add', JSON.stringify({ id: 'sy-khirbet-zorbla', kind: 'region', type: 'town',
      names: { en: 'Khirbet Zorbla', fr: 'Khirbet Zorbla', ar: 'خربة زوربلا' }, parents: ['sy-deir-ez-zor'] })], { ...env, VIGIE_LOG_LEVEL: 'warn' });
    assert.equal(edit.code, 0, edit.stderr);
    await alertOn(w, 'edited', 'Shelling hit Khirbet Zorbla overnight', 'Shelling hit Khirbet Zorbla overnight, local sources said.');
    assert.equal(logged(w, 'catalog.snapshot.written').length, 0, 'the snapshot read is not written again; the edit is not written into it');
    assert.deepEqual(snapshots(), [first]);
    assert.equal(fs.statSync(path.join(cacheDir, first)).mtimeMs, written);
    await w.kill('SIGTERM');
    assert.equal((await runCliCaptured(['entities', 'remove', 'sy-khirbet-zorbla'], { ...env, VIGIE_LOG_LEVEL: 'warn' })).code, 0);

    // The entity files change: a new town in them. The old snapshot no longer applies.
    fs.appendFileSync(path.join(entitiesDir, 'entities.yaml'),
      '\n  - {id: sy-zorbaniyah, kind: region, type: town, names: {en: Zorbaniyah, fr: Zorbaniyah, ar: زوربانية}, parents: [sy-deir-ez-zor]}\n');
    w = await startWorker();
    assert.match(logged(w, 'catalog.loaded')[0]!, /"from":"files"/, 'changed files: read again, not the old snapshot');
    await alertOn(w, 'changed', 'Water returns to the wells of Zorbaniyah', 'Engineers restored the pumps of Zorbaniyah and families filled their tanks.');
    await waitFor('the new snapshot written', () => logged(w, 'catalog.snapshot.written').length === 1, 30_000);
    const after = snapshots();
    assert.equal(after.length, 1, `one snapshot kept: ${after.join(', ')}`);
    assert.notEqual(after[0], first, 'a snapshot of the new files, under their own key');
  } finally {
    await w.kill('SIGTERM');
  }
});
