// End to end on loopback: the workers read the events of each article, keep them on the article, and
// route by a subscription's event filter; the webhook that goes out carries the summary and the events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { waitFor } from '../harness/vigie-process.js';
import { articleId } from '../../src/core/ids/article-id.js';
import { canonicalUrl } from '../../src/core/feed/canonical-url.js';

let p: Pipeline;
let rx: WebhookReceiver;
let site: NewsSite;

before(async () => {
  p = await startPipeline();
  rx = await startWebhookReceiver();
  site = await startNewsSite();
  await p.addSource({ id: 'wire', url: site.feedUrl, interval: 1, lang: 'en' });
  await waitFor('first poll', async () => (await p.services.sources.getState('wire')).lastSuccessAt, 30_000);
});

after(async () => {
  await p.close();
  await rx.close();
  await site.close();
});

test('a subscription to deadly air strikes gets the strike with its toll, not the clash without one', async () => {
  const sub = await p.subscribe({ name: 'deadly strikes', regions: ['Deir ez-Zor'], events: ['air_strike'], minKilled: 1,
    channels: [{ type: 'webhook', url: rx.url('/strikes'), format: 'standard' }] });
  rx.setSecrets('/strikes', [sub.secret!]);
  const now = new Date().toISOString();
  site.publish({ slug: 'clash-hajin', lang: 'en', published: now, title: 'Clashes near Hajin in Deir ez-Zor',
    summary: 'Clashes were reported near Hajin.', paragraphs: ['Clashes were reported near Hajin in Deir ez-Zor province on Monday.', 'Local sources gave no toll.'] });
  site.publish({ slug: 'strike-hajin', lang: 'en', published: now, title: 'Drone strike kills four near Hajin in Deir ez-Zor',
    summary: 'A drone strike killed four fighters.', paragraphs: ['A drone strike killed four fighters near Hajin in Deir ez-Zor province on Monday.', 'Two others were wounded.'] });

  const clashId = articleId(canonicalUrl(site.articleUrl('clash-hajin'))!);
  const strikeId = articleId(canonicalUrl(site.articleUrl('strike-hajin'))!);
  // Both articles routed: then the one alert that exists is the only one there will be.
  await waitFor('both articles routed', async () => (await p.services.articles.isRouted(clashId)) && (await p.services.articles.isRouted(strikeId)), 30_000);
  const got = await waitFor('the strike webhook', () => rx.received.find((r) => r.path === '/strikes'), 30_000);
  assert.equal(got.body.data.article.id, strikeId);
  assert.equal(got.body.data.summary, 'Drone strike · 4 killed · 2 injured · Hajin (Deir ez-Zor)');
  assert.deepEqual(got.body.data.events.map((e: { type: string; killed: number }) => [e.type, e.killed]), [['air_strike', 4]]);
  assert.deepEqual((await p.services.alerts.listDeliveryIds(sub.id)).length, 1);

  const clash = await p.services.articles.get(clashId);
  assert.equal(clash?.events?.[0]?.type, 'armed_clash');
  assert.equal(clash?.events?.[0]?.killed, null);
});
