// End to end, issue 2: a loopback site publishes a feed; a real worker process (the compiled CLI)
// polls it on a 1 s schedule through BullMQ on a private Redis, stores each new article once, also
// after more polls and after the worker is killed with SIGKILL and started again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { makeConfigDir } from '../harness/config-dir.js';
import { spawnVigie, waitFor, type VigieProcess } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { shippedSnapshot } from '../harness/shipped-catalog.js';
import { connectRedis, type RedisClient } from '../../src/adapters/redis/connect-redis.js';
import { createKeys } from '../../src/adapters/redis/keys.js';
import { createArticleStore } from '../../src/adapters/redis/article-store.js';
import { articleId } from '../../src/core/ids/article-id.js';

let redis: TestRedis;
let site: NewsSite;
let client: RedisClient;
let env: Record<string, string>;
const keys = createKeys('vigie');

before(async () => {
  // Written before the worker starts, so it reads the shipped catalog's snapshot instead of compiling it.
  await shippedSnapshot();
  redis = await startTestRedis();
  site = await startNewsSite();
  site.publish({ slug: 'old-1', title: 'Old story one', summary: 'Published before vigie watched', paragraphs: ['An old paragraph that must not become news.'] });
  site.publish({ slug: 'old-2', title: 'Old story two', summary: 'Also old', paragraphs: ['Another old paragraph.'] });
  const config = makeConfigDir([{ id: 'loopback', name: 'Loopback News', url: site.feedUrl, interval: 1, lang: 'en', fetchArticles: true }]);
  env = { REDIS_URL: redis.url, VIGIE_CONFIG_DIR: config, VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_BACKFILL: '0' };
  client = connectRedis(redis.url, 'state');
});

after(async () => {
  client.disconnect();
  await site.close();
  await redis.close();
});

const articles = () => createArticleStore(client, keys, 3600);
const sourceState = () => client.hgetall(keys.sourceState('loopback'));

test('first poll records the feed, new items become articles exactly once, across more polls and a SIGKILL', async () => {
  let worker: VigieProcess = spawnVigie(['worker'], env);
  try {
    await waitFor('first successful poll', async () => (await sourceState()).lastSuccessAt, 30_000);
    assert.equal(await articles().count(), 0, 'the first poll only records what is there (backfill 0)');

    site.publish({
      slug: 'boukamal-drone', title: 'Drone strike near Boukamal', summary: 'A weapons shipment was hit in Deir ez-Zor province',
      paragraphs: ['A drone struck a weapons shipment near Boukamal, in the province of Deir ez-Zor, the Syrian Observatory said.',
        'A new Iran-backed militia arrived from Aleppo the same day, according to local sources.'],
      published: new Date().toISOString(),
    });
    const id = articleId(site.articleUrl('boukamal-drone'));
    const stored = await waitFor('article stored', async () => articles().get(id), 30_000);
    assert.equal(stored.sourceId, 'loopback');
    assert.match(stored.text, /A drone struck a weapons shipment near Boukamal/);
    assert.match(stored.text, /\n\nA new Iran-backed militia/, 'paragraphs are separated by a blank line');
    assert.doesNotMatch(stored.text, /Most read|All rights reserved/, 'boilerplate is not part of the text');
    assert.equal(stored.url, site.articleUrl('boukamal-drone'), 'tracking parameters are removed from the canonical URL');

    // Ten more polls of an unchanged feed: 304s, nothing new, the page is not fetched again.
    const polls = site.hits('/feed.xml');
    await waitFor('ten more polls', () => site.hits('/feed.xml') >= polls + 10, 60_000);
    assert.equal(await articles().count(), 1);
    assert.equal(site.hits('/articles/boukamal-drone'), 1, 'the article page was fetched once');

    await worker.kill('SIGKILL');
    site.publish({ slug: 'after-crash', title: 'Published while the worker was down', summary: 'Still news',
      paragraphs: ['This item appeared while no worker was running and must be picked up after the restart.'], published: new Date().toISOString() });
    worker = spawnVigie(['worker'], env);
    const id2 = articleId(site.articleUrl('after-crash'));
    await waitFor('article after restart', async () => articles().get(id2), 40_000);
    const pollsAfter = site.hits('/feed.xml');
    await waitFor('two more polls after restart', () => site.hits('/feed.xml') >= pollsAfter + 2, 30_000);
    assert.equal(await articles().count(), 2, 'old items never became articles; each new one once');
    assert.equal(site.hits('/articles/boukamal-drone'), 1);
    assert.equal(site.hits('/articles/after-crash'), 1);
    assert.equal(site.hits('/articles/old-1'), 0);
    assert.equal((await sourceState()).health, 'ok');

    // The source breaks: it is marked unhealthy with its last error code (not dropped), backs off,
    // and when it comes back nothing old is replayed.
    site.setFeedOverride((_req, res) => { res.writeHead(503, { 'retry-after': '1' }).end('down for maintenance'); return true; });
    await waitFor('unhealthy', async () => (await sourceState()).health === 'unhealthy', 60_000);
    const broken = await sourceState();
    assert.equal(broken.lastErrorCode, 'HTTP_STATUS');
    const listed = await runCliCaptured(['sources', 'list'], env);
    assert.match(listed.stdout, /loopback\s+unhealthy .*last error HTTP_STATUS/);
    site.setFeedOverride(undefined);
    await waitFor('healthy again', async () => (await sourceState()).health === 'ok', 60_000);
    const pollsBack = site.hits('/feed.xml');
    await waitFor('two polls after recovery', () => site.hits('/feed.xml') >= pollsBack + 2, 30_000);
    assert.equal(await articles().count(), 2, 'nothing replayed after the outage');
  } catch (err) {
    console.error(worker.output().slice(-4000));
    throw err;
  } finally {
    await worker.kill('SIGTERM');
  }
});
