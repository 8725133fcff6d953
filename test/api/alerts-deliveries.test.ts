// /v1/alerts (filters by time, region, actor, subscription, source, language; explanation, story and
// delivery status), /v1/articles/:id and /v1/deliveries (log, dead list, replay), with ownership.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApiHarness, article, type ApiHarness } from './api-harness.js';
import { alertId, deliveryId } from '../../src/core/deliver/delivery-ids.js';
import type { Alert, MatchExplanation } from '../../src/core/model/alert.js';
import type { Subscription } from '../../src/core/model/subscription.js';

let h: ApiHarness;
let aliceSub: Subscription;
let bobSub: Subscription;
const hit = (entityId: string, name: string): MatchExplanation => ({ entityId, kind: 'region', name, alias: name, surface: name, field: 'text', start: 0, end: name.length, snippet: `«${name}»` });

async function seed(sub: Subscription, storyId: string, art: ReturnType<typeof article>, matches: MatchExplanation[], at: string, status: 'submitted' | 'dead'): Promise<Alert> {
  await h.services.articles.putIfAbsent(art);
  const alert: Alert = { id: alertId(sub.id, storyId), subscriptionId: sub.id, storyId, articleId: art.id, relatedArticleIds: [], matches, createdAt: at };
  await h.services.alerts.createAlert(alert);
  const id = deliveryId(sub.id, storyId, sub.channels[0]!.id);
  await h.services.alerts.createDelivery({ id, alertId: alert.id, subscriptionId: sub.id, channelId: sub.channels[0]!.id, status: 'pending', attempts: 0 });
  await h.services.alerts.claim(id, new Date(at), 10_000);
  await h.services.alerts.finish(id, status, { at, attempt: 1, outcome: status === 'dead' ? 'failed-permanent' : 'submitted', statusCode: status === 'dead' ? 400 : 200, reason: status === 'dead' ? 'HTTP 400' : 'HTTP 200' });
  return alert;
}

before(async () => {
  h = await startApiHarness();
  const mk = async (key: string, name: string, regions: string[]) => (await h.call(key, { method: 'POST', url: '/v1/subscriptions', payload: { name, regions, channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/h' }] } })).json().subscription as Subscription;
  aliceSub = await mk(h.alice.key, 'alice syria', ['Syria']);
  bobSub = await mk(h.bob.key, 'bob aleppo', ['Aleppo']);
  await seed(aliceSub, 'sto_1', article('art_fr1', { text: 'Frappe près de Boukamal', lang: 'fr', sourceId: 'osdh-fr', fetchedAt: '2026-11-20T10:00:00Z' }), [hit('sy-boukamal', 'Boukamal')], '2026-11-20T10:00:05Z', 'submitted');
  await seed(aliceSub, 'sto_2', article('art_en2', { text: 'Shelling in Aleppo', lang: 'en', sourceId: 'sohr-en', fetchedAt: '2026-11-21T10:00:00Z' }), [hit('sy-aleppo', 'Aleppo')], '2026-11-21T10:00:05Z', 'dead');
  await seed(aliceSub, 'sto_3', article('art_ar3', { text: 'قصف في البوكمال', lang: 'ar', sourceId: 'sohr-ar', fetchedAt: '2026-11-22T10:00:00Z' }), [hit('sy-boukamal', 'البوكمال')], '2026-11-22T10:00:05Z', 'submitted');
  await seed(bobSub, 'sto_2', article('art_en2', { text: 'Shelling in Aleppo', lang: 'en', sourceId: 'sohr-en', fetchedAt: '2026-11-21T10:00:00Z' }), [hit('sy-aleppo', 'Aleppo')], '2026-11-21T10:00:06Z', 'dead');
});
after(async () => { await h.close(); });

const ids = (res: { json(): { alerts: Array<{ articleId: string }> } }) => res.json().alerts.map((a) => a.articleId);

const filters: Array<{ name: string; query: string; expect: string[] }> = [
  { name: 'no filter: own alerts, newest first', query: '', expect: ['art_ar3', 'art_en2', 'art_fr1'] },
  { name: 'region by French name covers its towns', query: 'region=Deir%20ez-Zor', expect: ['art_ar3', 'art_fr1'] },
  { name: 'region by Arabic name', query: `region=${encodeURIComponent('حلب')}`, expect: ['art_en2'] },
  { name: 'language', query: 'lang=fr', expect: ['art_fr1'] },
  { name: 'source', query: 'source=sohr-ar', expect: ['art_ar3'] },
  { name: 'time range', query: 'from=2026-11-21T00:00:00Z&to=2026-11-21T23:59:59Z', expect: ['art_en2'] },
  { name: 'subscription', query: '', expect: ['art_ar3', 'art_en2', 'art_fr1'] },
  { name: 'limit', query: 'limit=1', expect: ['art_ar3'] },
];
for (const f of filters) {
  test(`alerts filter: ${f.name}`, async () => {
    const q = f.name === 'subscription' ? `subscription=${aliceSub.id}` : f.query;
    const res = await h.call(h.alice.key, { method: 'GET', url: `/v1/alerts?${q}` });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(ids(res), f.expect);
  });
}

test('each alert carries its explanation, story, article and delivery status', async () => {
  const res = await h.call(h.alice.key, { method: 'GET', url: '/v1/alerts?lang=fr' });
  const a = res.json().alerts[0];
  assert.equal(a.matches[0].entityId, 'sy-boukamal');
  assert.equal(a.story.id, 'sto_1');
  assert.equal(a.article.sourceId, 'osdh-fr');
  assert.equal(a.deliveries[0].status, 'submitted');
});

test('bad alert filters: wrong time format, unknown region, unknown parameter', async () => {
  const time = await h.call(h.alice.key, { method: 'GET', url: '/v1/alerts?from=yesterday' });
  assert.equal(time.statusCode, 400);
  assert.equal(time.json().error.details.issues[0].path, 'query.from');
  const region = await h.call(h.alice.key, { method: 'GET', url: '/v1/alerts?region=Atlantis' });
  assert.equal(region.statusCode, 422);
  const unknown = await h.call(h.alice.key, { method: 'GET', url: '/v1/alerts?owner=bob' });
  assert.equal(unknown.statusCode, 400);
});

test('subscribers see only their alerts; another\'s alert id answers 404; admins see all', async () => {
  const bob = await h.call(h.bob.key, { method: 'GET', url: '/v1/alerts' });
  assert.deepEqual(ids(bob), ['art_en2']);
  const aliceAlert = alertId(aliceSub.id, 'sto_1');
  assert.equal((await h.call(h.bob.key, { method: 'GET', url: `/v1/alerts/${aliceAlert}` })).statusCode, 404);
  assert.equal((await h.call(h.alice.key, { method: 'GET', url: `/v1/alerts/${aliceAlert}` })).statusCode, 200);
  const admin = await h.call(h.admin.key, { method: 'GET', url: '/v1/alerts' });
  assert.equal(admin.json().alerts.length, 4);
});

test('articles by id', async () => {
  const res = await h.call(h.bob.key, { method: 'GET', url: '/v1/articles/art_fr1' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().article.lang, 'fr');
  assert.equal((await h.call(h.bob.key, { method: 'GET', url: '/v1/articles/art_none' })).statusCode, 404);
  assert.equal((await h.call(h.bob.key, { method: 'GET', url: '/v1/articles/bad%20id' })).statusCode, 400);
});

test('deliveries: list, attempt log, dead list scoped to the owner', async () => {
  const list = await h.call(h.alice.key, { method: 'GET', url: '/v1/deliveries' });
  assert.equal(list.json().deliveries.length, 3);
  const dead = await h.call(h.alice.key, { method: 'GET', url: '/v1/deliveries/dead' });
  assert.deepEqual(dead.json().deliveries.map((d: { subscriptionId: string }) => d.subscriptionId), [aliceSub.id]);
  const adminDead = await h.call(h.admin.key, { method: 'GET', url: '/v1/deliveries/dead' });
  assert.equal(adminDead.json().deliveries.length, 2);
  const id = deliveryId(aliceSub.id, 'sto_2', aliceSub.channels[0]!.id);
  const one = await h.call(h.alice.key, { method: 'GET', url: `/v1/deliveries/${id}` });
  assert.equal(one.json().delivery.status, 'dead');
  assert.equal(one.json().attempts[0].statusCode, 400);
  assert.equal((await h.call(h.bob.key, { method: 'GET', url: `/v1/deliveries/${id}` })).statusCode, 404);
});

test('replay puts a dead delivery back to pending and queues it; a pending one cannot be replayed; not across owners', async () => {
  const id = deliveryId(aliceSub.id, 'sto_2', aliceSub.channels[0]!.id);
  assert.equal((await h.call(h.bob.key, { method: 'POST', url: `/v1/deliveries/${id}/replay` })).statusCode, 404);
  const res = await h.call(h.alice.key, { method: 'POST', url: `/v1/deliveries/${id}/replay` });
  assert.equal(res.statusCode, 202, res.body);
  const job = await h.services.queues.deliver.getJob(res.json().jobId);
  assert.deepEqual(job?.data, { deliveryId: id });
  assert.equal((await h.services.alerts.getDelivery(id))?.status, 'pending');
  assert.equal((await h.services.alerts.listDead()).includes(id), false);
  const again = await h.call(h.alice.key, { method: 'POST', url: `/v1/deliveries/${id}/replay` });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'conflict');
});
