// GET /v1/deliveries lists what the caller owns: a subscriber its own subscriptions' deliveries, an
// admin everything, its own subscriptions' and the admin channels' (source-health notices) included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { deliveryId } from '../../src/core/deliver/delivery-ids.js';
import { ADMIN_SUBSCRIPTION_ID } from '../../src/core/deliver/admin-channels.js';
import { notifyAdmins } from '../../src/pipeline/notify-admins.js';
import type { Subscription } from '../../src/core/model/subscription.js';

let h: ApiHarness;
const subs: Record<'alice' | 'bob' | 'admin', Subscription> = {} as never;

async function delivered(sub: Subscription, storyId: string, at: string): Promise<void> {
  const id = deliveryId(sub.id, storyId, sub.channels[0]!.id);
  await h.services.alerts.createDelivery({ id, alertId: `alr_${storyId}`, subscriptionId: sub.id, channelId: sub.channels[0]!.id, status: 'pending', attempts: 0 }, new Date(at));
}

before(async () => {
  h = await startApiHarness({ env: { VIGIE_ADMIN_WEBHOOK_URL: 'http://127.0.0.1:9/admin', VIGIE_ADMIN_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } });
  for (const who of ['alice', 'bob', 'admin'] as const) {
    const res = await h.call(h[who].key, { method: 'POST', url: '/v1/subscriptions', payload: { name: `${who} syria`, regions: ['Syria'], channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/h' }] } });
    assert.equal(res.statusCode, 201, res.body);
    subs[who] = res.json().subscription;
  }
  await delivered(subs.alice, 'sto_a', '2026-11-20T10:00:00Z');
  await delivered(subs.bob, 'sto_b', '2026-11-20T11:00:00Z');
  await delivered(subs.admin, 'sto_c', '2026-11-20T12:00:00Z');
  await notifyAdmins(h.services, { id: 'hev_1', type: 'source.unhealthy', at: '2026-11-20T13:00:00Z', source: { id: 'src-a', name: 'A', url: 'https://a.example/feed' }, detail: 'failing', previousSince: '2026-11-19T00:00:00Z' });
});
after(async () => { await h.close(); });

const owners = async (key: string, query = ''): Promise<string[]> => {
  const res = await h.call(key, { method: 'GET', url: `/v1/deliveries${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().deliveries.map((d: { subscriptionId: string }) => d.subscriptionId).sort();
};

test('a subscriber lists the deliveries of its own subscriptions only', async () => {
  assert.deepEqual(await owners(h.alice.key), [subs.alice.id]);
  assert.deepEqual(await owners(h.bob.key), [subs.bob.id]);
});

test('an admin lists every delivery: subscribers\', its own subscriptions\' and the admin channels\'', async () => {
  assert.deepEqual(await owners(h.admin.key), [ADMIN_SUBSCRIPTION_ID, subs.admin.id, subs.alice.id, subs.bob.id].sort());
});

test('an admin lists the admin channels\' deliveries by their subscription id, and the waiting ones by status', async () => {
  assert.deepEqual(await owners(h.admin.key, `?subscription=${ADMIN_SUBSCRIPTION_ID}`), [ADMIN_SUBSCRIPTION_ID]);
  assert.deepEqual(await owners(h.admin.key, '?status=pending'), [ADMIN_SUBSCRIPTION_ID, subs.admin.id, subs.alice.id, subs.bob.id].sort());
  assert.equal((await h.call(h.alice.key, { method: 'GET', url: `/v1/deliveries?subscription=${ADMIN_SUBSCRIPTION_ID}` })).statusCode, 404);
});

test('an admin\'s listing is newest first across subscriptions, cut at the limit', async () => {
  const res = await h.call(h.admin.key, { method: 'GET', url: '/v1/deliveries?limit=2' });
  assert.deepEqual(res.json().deliveries.map((d: { subscriptionId: string }) => d.subscriptionId), [ADMIN_SUBSCRIPTION_ID, subs.admin.id]);
});
