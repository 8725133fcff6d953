// POST /v1/match (dry run with explanation), POST /v1/query/check (error position for live validation)
// and POST /v1/backtest (stored articles of a time range, alerts and near misses).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApiHarness, article, type ApiHarness } from './api-harness.js';
import { OSDH_FR } from './fixture-entities.js';

let h: ApiHarness;
before(async () => {
  h = await startApiHarness();
  const recent = new Date(Date.now() - 3600_000).toISOString();
  await h.services.articles.putIfAbsent(article('art_fr', { ...OSDH_FR, sourceId: 'osdh', fetchedAt: recent }));
  await h.services.articles.putIfAbsent(article('art_en', { title: 'Strike near Albukamal', text: 'A drone strike hit Albukamal.', lang: 'en', sourceId: 'sohr', fetchedAt: recent }));
  await h.services.articles.putIfAbsent(article('art_old', { title: 'Boukamal', text: 'Boukamal, il y a longtemps.', lang: 'fr', sourceId: 'osdh', fetchedAt: '2020-01-01T00:00:00Z' }));
});
after(async () => { await h.close(); });

test('match explains each hit: entity, alias, surface, field, offsets, snippet and region path', async () => {
  const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/match', payload: { title: OSDH_FR.title, text: OSDH_FR.text, lang: 'fr' } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(body.entities.map((e: { id: string }) => e.id).sort(), ['actor-kataib-hezbollah', 'sy-boukamal', 'sy-deir-ez-zor']);
  const m = body.matches.find((x: { entityId: string; field: string }) => x.entityId === 'sy-boukamal' && x.field === 'text');
  assert.equal(OSDH_FR.text.slice(m.start, m.end), m.surface);
  assert.match(m.snippet, /«Boukamal»/);
  assert.deepEqual(m.path, ['Abu Kamal', 'Deir ez-Zor', 'Syria']);
});

test('match refuses wrong types and unknown fields', async () => {
  for (const payload of [{ text: 12 }, { text: 'x', lang: 'de' }, { text: 'x', extra: true }, {}]) {
    const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/match', payload });
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
  }
});

const queries: Array<{ q: string; valid: boolean; position?: number }> = [
  { q: 'drone AND (Boukamal OR "Abu Kamal")', valid: true },
  { q: 'drone AND', valid: false, position: 9 },
  { q: '(frappe', valid: false, position: 7 },
  { q: 'drone NEAR/x frappe', valid: false, position: 11 },
  { q: '', valid: true },
];
for (const c of queries) {
  test(`query check "${c.q}" -> ${c.valid ? 'valid' : `error at ${c.position}`}`, async () => {
    const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/query/check', payload: { query: c.q } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().valid, c.valid);
    if (!c.valid) assert.equal(res.json().error.position, c.position, res.body);
  });
}

test('backtest of a draft over the last days: alerts with hits, near misses with the reason, old articles left out', async () => {
  const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/backtest', payload: { regions: ['دير الزور'], languages: ['fr'], days: 7 } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.scanned, 2);
  assert.deepEqual(body.resolved.regions, ['sy-deir-ez-zor']);
  assert.deepEqual(body.alerts.map((a: { articleId: string }) => a.articleId), ['art_fr']);
  assert.ok(body.alerts[0].matches.some((m: { surface: string }) => m.surface === 'Boukamal'));
  assert.deepEqual(body.nearMisses.map((a: { articleId: string; failed: string[] }) => [a.articleId, a.failed]), [['art_en', ['language']]]);
});

test('backtest counts one alert per story, as live routing does: articles the workers put in one story make one alert', async () => {
  const payload = { regions: ['Deir ez-Zor'], days: 7 };
  const apart = (await h.call(h.alice.key, { method: 'POST', url: '/v1/backtest', payload })).json();
  assert.deepEqual(apart.alerts.map((a: { articleId: string }) => a.articleId).sort(), ['art_en', 'art_fr']);
  await h.services.stories.setStoryOfArticle('art_fr', 'sto_one');
  await h.services.stories.setStoryOfArticle('art_en', 'sto_one');
  const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/backtest', payload });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.alerts.length, 1, JSON.stringify(body.alerts.map((a: { articleId: string }) => a.articleId)));
  assert.equal(body.alerts[0].storyId, 'sto_one');
  assert.equal(body.alerts[0].related.length, 1);
});

test('backtest refuses a bad query with its position, unknown regions, and bad types', async () => {
  const q = await h.call(h.alice.key, { method: 'POST', url: '/v1/backtest', payload: { regions: ['Boukamal'], query: 'drone OR' } });
  assert.equal(q.statusCode, 422);
  assert.equal(q.json().error.details.query.position, 8);
  const r = await h.call(h.alice.key, { method: 'POST', url: '/v1/backtest', payload: { regions: ['Atlantis'] } });
  assert.equal(r.statusCode, 422);
  const t = await h.call(h.alice.key, { method: 'POST', url: '/v1/backtest', payload: { regions: ['Boukamal'], days: 'seven' } });
  assert.equal(t.statusCode, 400);
  assert.equal(t.json().error.details.issues[0].path, 'body.days');
  const range = await h.call(h.alice.key, { method: 'POST', url: '/v1/backtest', payload: { regions: ['Boukamal'], from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } });
  assert.equal(range.statusCode, 422);
});
