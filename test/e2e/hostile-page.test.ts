// Issue 12 item 2: a hostile page (megabytes of blocks that each look like a paragraph, seconds of
// extraction) in flight does not hold up a delivery that falls due meanwhile, because extraction runs
// on the analysis pool's thread. The same scenario in-process (VIGIE_POOL_THREADS=0) shows what the
// pool prevents: the delivery waits for the extraction. Orderings are asserted, never durations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline } from '../harness/pipeline.js';
import { startNewsSite } from '../harness/news-site.js';
import { startWebhookReceiver } from '../harness/webhook-receiver.js';
import { startHttpServer } from '../harness/http-server.js';
import { waitFor } from '../harness/vigie-process.js';
import { JOB_OPTIONS } from '../../src/adapters/queue/queues.js';
import type { AnalysisPool } from '../../src/adapters/pool/create-analysis-pool.js';

/** About 2 MB of link-laden blocks under one article: every block is scored, each as a paragraph candidate. */
function hostileHtml(blocks: number): string {
  const block = (i: number) => `<div class="c${i % 7}"><p>Paragraph ${i}, with some words, and commas, to score well here.</p><a href="/x${i}">link</a></div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title></head><body><article>${Array.from({ length: blocks }, (_, i) => block(i)).join('')}</article></body></html>`;
}

function hostileFeed(origin: string, withItem: boolean): string {
  const item = withItem ? `<item><title>Long page</title><link>${origin}/hostile</link><guid>hostile-1</guid><pubDate>${new Date().toUTCString()}</pubDate></item>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title><link>${origin}/</link><description>t</description>${item}</channel></rss>`;
}

type Mark = 'delivery due' | 'delivered again' | 'hostile page extracted';

/** Delivers one alert, then makes its delivery due again just as the hostile page's extraction starts. */
async function scenario(threads: number): Promise<Mark[]> {
  const p = await startPipeline({ VIGIE_POOL_THREADS: String(threads) });
  const rx = await startWebhookReceiver();
  const site = await startNewsSite();
  let hostileItem = false;
  const page = hostileHtml(16_000);
  const hostile = await startHttpServer((req, res) => {
    if (req.url === '/feed.xml') { res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(hostileFeed(hostile.origin, hostileItem)); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  const marks: Mark[] = [];
  try {
    assert.equal(p.services.analysis.threads, threads);
    const sub = await p.subscribe({ name: 'pool', query: 'markerpool', channels: [{ type: 'webhook', url: rx.url('/pool'), format: 'standard' }] });
    rx.setSecrets('/pool', [sub.secret!]);
    rx.script('/pool', (_req, _res, n) => { if (n === 2) marks.push('delivered again'); return 'default'; });
    await p.addSource({ id: 'wire', url: site.feedUrl, interval: 1, lang: 'en' });
    await p.addSource({ id: 'hostile', url: `${hostile.origin}/feed.xml`, interval: 1, lang: 'en', fetchArticles: true });
    await waitFor('first polls', async () => (await p.services.sources.getState('wire')).lastSuccessAt && (await p.services.sources.getState('hostile')).lastSuccessAt);
    site.publish({ slug: 'markerpool', lang: 'en', published: new Date().toISOString(), title: 'Report markerpool from Deir ez-Zor',
      summary: 'Summary markerpool', paragraphs: ['Clashes were reported near Hajin in Deir ez-Zor province (markerpool).'] });
    await waitFor('first delivery', () => rx.received.filter((r) => r.path === '/pool').length === 1);
    const [deliveryId] = await waitFor('delivery submitted', async () => {
      const ids = await p.services.alerts.listDeliveryIds(sub.id);
      return ids.length === 1 && (await p.services.alerts.getDelivery(ids[0]!))?.status === 'submitted' ? ids : undefined;
    });

    // Observe the pipeline's own pool: the delivery falls due (queued, as a replay does) right before
    // the hostile page's extraction starts, and the extraction's end is marked.
    const pool: AnalysisPool = p.services.analysis;
    p.services.analysis = { ...pool, extractPage: async (input) => {
      if (!input.url.endsWith('/hostile')) return pool.extractPage(input);
      assert.ok(await p.services.alerts.resetForReplay(deliveryId!));
      await p.services.queues.deliver.add('deliver', { deliveryId: deliveryId! }, { ...JOB_OPTIONS.deliver, jobId: `${deliveryId}-replay-hostile` });
      marks.push('delivery due');
      const out = await pool.extractPage(input);
      marks.push('hostile page extracted');
      return out;
    } };
    hostileItem = true;
    await waitFor('both marks', () => marks.length === 3, 120_000);
    await waitFor('hostile article stored', async () => (await p.services.articles.count()) === 2, 120_000);
    return marks;
  } finally {
    await p.close();
    await Promise.all([rx.close(), site.close(), hostile.close()]);
  }
}

test('with the pool, a delivery due while a hostile page is extracted goes out before that extraction ends', async () => {
  assert.deepEqual(await scenario(1), ['delivery due', 'delivered again', 'hostile page extracted']);
});

test('in-process (VIGIE_POOL_THREADS=0) the same delivery waits for the extraction: what the pool prevents', async () => {
  assert.deepEqual(await scenario(0), ['delivery due', 'hostile page extracted', 'delivered again']);
});
