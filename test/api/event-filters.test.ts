// Events through the API: /v1/match and /v1/articles/:id tell the events an article reports, a
// subscription keeps its event types and fewest killed, and the backtest ("Try it") honours them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApiHarness, article, type ApiHarness } from './api-harness.js';
import { OSDH_FR } from './fixture-entities.js';

let h: ApiHarness;
before(async () => {
  h = await startApiHarness();
  const recent = new Date(Date.now() - 3600_000).toISOString();
  await h.services.articles.putIfAbsent(article('art_fr', { ...OSDH_FR, sourceId: 'osdh', fetchedAt: recent }));
  await h.services.articles.putIfAbsent(article('art_en', { title: 'Strike near Albukamal', text: 'A drone strike hit Albukamal. No casualties were reported.', lang: 'en', sourceId: 'sohr', fetchedAt: recent }));
});
after(async () => { await h.close(); });

test('match tells the main event with its toll and summary', async () => {
  const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/match', payload: { title: OSDH_FR.title, text: OSDH_FR.text, lang: 'fr' } });
  assert.equal(res.statusCode, 200, res.body);
  const [main] = res.json().events;
  assert.equal(main.type, 'air_strike');
  assert.equal(main.killed, 3);
  assert.ok(main.where.includes('sy-boukamal'));
  assert.match(main.summary, /^Drone strike · 3 killed · Boukamal/);
});

test('an article read through the API carries its events', async () => {
  const res = await h.call(h.alice.key, { method: 'GET', url: '/v1/articles/art_fr' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().article.events[0].killed, 3);
});

test('a subscription keeps its event types and fewest killed', async () => {
  const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: {
    name: 'deadly strikes', regions: ['Deir ez-Zor'], events: ['air_strike', 'shelling_missile'], minKilled: 1,
    channels: [{ type: 'email', address: 'desk@news.example' }] } });
  assert.equal(res.statusCode, 201, res.body);
  const { id } = res.json().subscription;
  const got = (await h.call(h.alice.key, { method: 'GET', url: `/v1/subscriptions/${id}` })).json().subscription;
  assert.deepEqual([got.events, got.minKilled], [['air_strike', 'shelling_missile'], 1]);
});

test('a subscription refuses an unknown event type and a negative toll', async () => {
  for (const extra of [{ events: ['bombing'] }, { minKilled: -1 }, { minKilled: 'one' }]) {
    const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: {
      name: 'bad', regions: ['Deir ez-Zor'], ...extra, channels: [{ type: 'email', address: 'desk@news.example' }] } });
    assert.equal(res.statusCode, 400, JSON.stringify(extra));
  }
});

test('the backtest honours the event filter: the strike that killed passes, the one with no toll is a near miss', async () => {
  const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/backtest', payload: { regions: ['Deir ez-Zor'], events: ['air_strike'], minKilled: 1, days: 7 } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(body.alerts.map((a: { articleId: string }) => a.articleId), ['art_fr']);
  assert.equal(body.alerts[0].events[0].killed, 3);
  assert.deepEqual(body.nearMisses.map((a: { articleId: string; failed: string[] }) => [a.articleId, a.failed]), [['art_en', ['event']]]);
});

test('the backtest honours event terms in the query', async () => {
  const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/backtest', payload: { regions: ['Deir ez-Zor'], query: 'type:air_strike AND killed>=2', days: 7 } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().alerts.map((a: { articleId: string }) => a.articleId), ['art_fr']);
});
