// End to end, adaptive polling with real workers: a source whose items are dated every 3 seconds, with
// bounds of 2 to 4 seconds, is moved off its starting interval by the poll stage itself (the job
// scheduler is upserted from inside a running poll job) and keeps being polled at the new interval,
// with one schedule and at most one pending poll job for it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startHttpServer, type TestHttpServer } from '../harness/http-server.js';
import { waitFor } from '../harness/vigie-process.js';

let p: Pipeline;
let feed: TestHttpServer;
let hits = 0;

before(async () => {
  feed = await startHttpServer((_req, res) => {
    hits += 1;
    // Items every 3 s up to now: the publish rate the interval should follow.
    const newest = Math.floor(Date.now() / 3000);
    const items = Array.from({ length: 20 }, (_, i) => newest - i).map((k) =>
      `<item><title>Tick ${k}</title><link>http://127.0.0.1/tick-${k}</link><guid>tick-${k}</guid><pubDate>${new Date(k * 3000).toUTCString()}</pubDate></item>`);
    res.writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://127.0.0.1/</link>${items.join('')}</channel></rss>`);
  });
  p = await startPipeline();
});

after(async () => {
  await p.close();
  await feed.close();
});

test('workers move an adaptive source onto its publish rate and keep polling it there', async () => {
  await p.addSource({ id: 'ticks', url: `${feed.origin}/ticks.xml`, minInterval: 2, maxInterval: 4, fetchArticles: false });
  assert.equal((await p.services.queues.poll.getJobScheduler('source-ticks'))?.every, 4000, 'starts within its bounds');
  const moved = await waitFor('rescheduled onto the rate', async () => {
    const pacing = await p.services.sourceHealth.getPacing('ticks');
    return pacing?.rule === 'rate' && pacing.scheduledSeconds === 3 ? pacing : undefined;
  }, 30_000);
  assert.match(moved.reason, /about one every 3 s/);
  const after = hits;
  await waitFor('three more polls at the new interval', () => hits >= after + 3, 30_000);
  assert.equal((await p.services.queues.poll.getJobScheduler('source-ticks'))?.every, 3000);
  const schedulers = (await p.services.queues.poll.getJobSchedulers(0, -1)).filter((x) => (x.key ?? x.id) === 'source-ticks');
  assert.equal(schedulers.length, 1, 'one schedule for the source');
  const delayed = (await p.services.queues.poll.getJobs(['delayed', 'waiting'])).filter((j) => j?.data.sourceId === 'ticks');
  assert.ok(delayed.length <= 1, `at most one poll waiting, found ${delayed.length}`);
  assert.equal((await p.services.sources.getState('ticks')).consecutiveFailures, 0);
});
