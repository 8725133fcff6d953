// A feed that carries the full text (content:encoded) and a source configured not to fetch pages:
// the article text comes from the feed and the page is never requested.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { waitFor } from '../harness/vigie-process.js';
import { articleId } from '../../src/core/ids/article-id.js';

let p: Pipeline;
let site: NewsSite;

before(async () => {
  p = await startPipeline();
  site = await startNewsSite({ fullContent: true });
  await p.addSource({ id: 'full', url: site.feedUrl, interval: 1, lang: 'fr', fetchArticles: false });
  await waitFor('first poll', async () => (await p.services.sources.getState('full')).lastSuccessAt, 30_000);
});

after(async () => {
  await p.close();
  await site.close();
});

test('content:encoded is used as the article text without fetching the page', async () => {
  site.publish({ slug: 'plein-texte', lang: 'fr', published: new Date().toISOString(), title: 'Bombardements sur Idleb',
    summary: 'Résumé court', paragraphs: ['Des bombardements ont visé la périphérie d’Idleb dans la nuit.', 'Les secours sont intervenus au matin.'] });
  const id = articleId(site.articleUrl('plein-texte'));
  const article = await waitFor('article', async () => p.services.articles.get(id), 30_000);
  assert.match(article.text, /Des bombardements ont visé la périphérie d’Idleb/);
  assert.match(article.text, /\n\nLes secours sont intervenus/);
  assert.equal(site.hits('/articles/plein-texte'), 0, 'the page was not fetched');
});

test('housekeeping trims the time indexes past the retention period, keeping recent entries', async () => {
  const old = Date.now() - 400 * 24 * 3600 * 1000;
  await p.services.redis.zadd(p.services.keys.articlesByTime, old, 'art_ancient');
  await p.services.redis.zadd(p.services.keys.alertsByTime, old, 'alr_ancient');
  const before = await p.services.articles.count();
  const { trimState } = await import('../../src/pipeline/trim-state.js');
  const r = await trimState(p.services);
  assert.deepEqual(r, { articles: 1, alerts: 1, candidates: 0 });
  assert.equal(await p.services.articles.count(), before - 1);
});
