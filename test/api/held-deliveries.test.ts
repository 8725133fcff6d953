// Issue 13 through the API: held deliveries of a disabled webhook channel are listed, a PUT keeps the
// channel disabled, re-enabling asks the owner to deliver or discard them; delivery objects say when
// they are tried next and a submitted one carries no lastError; admins read the disable events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApiHarness, article, type ApiHarness } from './api-harness.js';
import { alertId, deliveryId } from '../../src/core/deliver/delivery-ids.js';
import type { Subscription } from '../../src/core/model/subscription.js';

let h: ApiHarness;
const body = (name: string) => ({ name, regions: ['Syria'], channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/h' }] });

before(async () => { h = await startApiHarness(); });
after(async () => { await h.close(); });

async function subscribe(key: string, name: string): Promise<Subscription> {
  return (await h.call(key, { method: 'POST', url: '/v1/subscriptions', payload: body(name) })).json().subscription as Subscription;
}

async function disable(sub: Subscription): Promise<void> {
  const stored = (await h.services.subscriptions.get(sub.id))!;
  await h.services.subscriptions.put({ ...stored, channels: stored.channels.map((c) => (c.type === 'webhook' ? { ...c, disabled: true, disabledReason: 'endpoint answered 410 Gone' } : c)) });
}

/** An alert whose webhook delivery was routed while the channel was disabled. */
async function heldDelivery(sub: Subscription, storyId: string): Promise<string> {
  const art = article(`art_${storyId}`, { text: 'Shelling in Aleppo', fetchedAt: new Date().toISOString() });
  await h.services.articles.putIfAbsent(art);
  const alert = { id: alertId(sub.id, storyId), subscriptionId: sub.id, storyId, articleId: art.id, relatedArticleIds: [], matches: [], createdAt: new Date().toISOString() };
  await h.services.alerts.createAlert(alert);
  const id = deliveryId(sub.id, storyId, sub.channels[0]!.id);
  await h.services.alerts.createDelivery({ id, alertId: alert.id, subscriptionId: sub.id, channelId: sub.channels[0]!.id, status: 'held', attempts: 0 });
  return id;
}

const statusOf = async (id: string) => (await h.services.alerts.getDelivery(id))?.status;

test('held deliveries are listed by status, a PUT keeps the channel disabled, and enable asks what to do with them', async () => {
  const sub = await subscribe(h.alice.key, 'held api');
  await disable(sub);
  const ids = [await heldDelivery(sub, 'sto_h1'), await heldDelivery(sub, 'sto_h2')];
  const listed = await h.call(h.alice.key, { method: 'GET', url: '/v1/deliveries?status=held' });
  assert.equal(listed.statusCode, 200, listed.body);
  assert.deepEqual(listed.json().deliveries.map((d: { id: string }) => d.id).sort(), [...ids].sort());
  assert.ok(listed.json().deliveries.every((d: { status: string }) => d.status === 'held'));

  const put = await h.call(h.alice.key, { method: 'PUT', url: `/v1/subscriptions/${sub.id}`, payload: { ...body('held api renamed') } });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().subscription.channels[0].disabled, true, 'saving the subscription again does not re-enable it silently');

  assert.equal((await h.call(h.bob.key, { method: 'POST', url: `/v1/subscriptions/${sub.id}/enable`, payload: { held: 'deliver' } })).statusCode, 404);
  const ask = await h.call(h.alice.key, { method: 'POST', url: `/v1/subscriptions/${sub.id}/enable`, payload: {} });
  assert.equal(ask.statusCode, 409, ask.body);
  assert.equal(ask.json().error.details.held, 2);
  const still = (await h.services.subscriptions.get(sub.id))!.channels[0]!;
  assert.equal(still.type === 'webhook' && still.disabled, true, 'not enabled without a choice');

  const res = await h.call(h.alice.key, { method: 'POST', url: `/v1/subscriptions/${sub.id}/enable`, payload: { held: 'discard' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual({ delivered: res.json().delivered, discarded: res.json().discarded }, { delivered: 0, discarded: 2 });
  assert.equal(res.json().subscription.channels[0].disabled, undefined);
  for (const id of ids) assert.equal(await statusOf(id), 'discarded');
  assert.equal((await h.services.alerts.listHeld()).filter((id) => ids.includes(id)).length, 0);
});

test('enable with held=deliver queues every held delivery again and they wait with a next attempt time', async () => {
  const sub = await subscribe(h.bob.key, 'held deliver');
  await disable(sub);
  const id = await heldDelivery(sub, 'sto_h3');
  const res = await h.call(h.bob.key, { method: 'POST', url: `/v1/subscriptions/${sub.id}/enable`, payload: { held: 'deliver' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().delivered, 1);
  const d = (await h.call(h.bob.key, { method: 'GET', url: `/v1/deliveries/${id}` })).json().delivery;
  assert.equal(d.status, 'pending');
  assert.ok(d.nextAttemptAt, 'a pending delivery says when it is tried');
  const jobs = await h.services.queues.deliver.getJobs(['waiting', 'delayed', 'prioritized']);
  assert.ok(jobs.some((j) => j.data.deliveryId === id), 'queued');
  assert.ok((await h.services.alerts.listWaiting()).includes(id));
});

test('a submitted delivery has no lastError and no nextAttemptAt', async () => {
  const sub = await subscribe(h.alice.key, 'sent');
  const id = deliveryId(sub.id, 'sto_s1', sub.channels[0]!.id);
  await h.services.alerts.createDelivery({ id, alertId: alertId(sub.id, 'sto_s1'), subscriptionId: sub.id, channelId: sub.channels[0]!.id, status: 'pending', attempts: 0 });
  const pending = (await h.call(h.alice.key, { method: 'GET', url: `/v1/deliveries/${id}` })).json().delivery;
  assert.ok(pending.nextAttemptAt);
  // A first attempt fails (lastError set, a next attempt due), the retry is submitted.
  await h.services.alerts.claim(id, new Date(), 10_000);
  await h.services.alerts.finish(id, 'failed', { at: new Date().toISOString(), attempt: 1, outcome: 'failed', statusCode: 503, reason: 'HTTP 503' }, { nextAttemptAt: new Date(Date.now() + 60_000) });
  const failed = (await h.call(h.alice.key, { method: 'GET', url: `/v1/deliveries/${id}` })).json().delivery;
  assert.equal(failed.lastError, 'HTTP 503');
  assert.ok(failed.nextAttemptAt);
  const at = new Date().toISOString();
  await h.services.alerts.claim(id, new Date(), 10_000);
  await h.services.alerts.finish(id, 'submitted', { at, attempt: 2, outcome: 'submitted', statusCode: 200, reason: 'HTTP 200' });
  const sent = (await h.call(h.alice.key, { method: 'GET', url: `/v1/deliveries/${id}` })).json().delivery;
  assert.equal(sent.status, 'submitted');
  assert.equal(sent.lastError, undefined);
  assert.equal(sent.nextAttemptAt, undefined);
  assert.equal(sent.lastStatusCode, 200);
});

test('admins read the disable events; subscribers may not', async () => {
  await h.services.events.record({ at: new Date().toISOString(), event: 'webhook.endpoint.disabled', subscriptionId: 'sub_x', channelId: 'wh_x', owner: 'alice', message: 'endpoint answered 410 Gone' });
  const res = await h.call(h.admin.key, { method: 'GET', url: '/admin/events' });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().events.some((e: { subscriptionId: string }) => e.subscriptionId === 'sub_x'));
  assert.equal((await h.call(h.alice.key, { method: 'GET', url: '/admin/events' })).statusCode, 403);
});

test('held deliveries of a removed channel or a deleted subscription are discarded, not left held', async () => {
  const sub = await subscribe(h.alice.key, 'held removed');
  await disable(sub);
  const id = await heldDelivery(sub, 'sto_h4');
  const put = await h.call(h.alice.key, { method: 'PUT', url: `/v1/subscriptions/${sub.id}`, payload: { ...body('held removed'), channels: [{ type: 'email', address: 'alice@ngo.test' }] } });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(await statusOf(id), 'discarded');

  const other = await subscribe(h.alice.key, 'held deleted');
  await disable(other);
  const id2 = await heldDelivery(other, 'sto_h5');
  assert.equal((await h.call(h.alice.key, { method: 'DELETE', url: `/v1/subscriptions/${other.id}` })).statusCode, 204);
  assert.equal(await statusOf(id2), 'discarded');
  assert.equal((await h.services.alerts.listHeld()).some((x) => x === id || x === id2), false);
});
