// Routing plans are deterministic: the same subscription, story and channel always give the same
// alert and delivery ids (so a re-run creates nothing new); digests, held and unsubscribed channels are told apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planAlerts } from '../../src/core/route/plan-alerts.js';
import type { Subscription } from '../../src/core/model/subscription.js';

const sub: Subscription = {
  id: 'sub_1', owner: 'o', name: 'n', regions: ['sy'], actors: [], languages: [], sources: [], active: true, createdAt: '2026-01-01T00:00:00Z',
  channels: [
    { id: 'wh_a', type: 'webhook', url: 'https://example.org/h', format: 'standard' },
    { id: 'wh_off', type: 'webhook', url: 'https://example.org/gone', format: 'standard', disabled: true },
    { id: 'em_d', type: 'email', address: 'a@example.org', mode: 'daily' },
    { id: 'em_u', type: 'email', address: 'b@example.org', mode: 'immediate', unsubscribed: true },
  ],
};
const plan = (storyId: string, now: Date) => planAlerts({ storyId, articleId: 'art_1', subscriptions: [sub], explain: () => [], now });

test('plan: the same story gives the same ids whenever it is planned', () => {
  const a = plan('sto_1', new Date('2026-11-25T10:00:00Z'));
  const b = plan('sto_1', new Date('2026-11-26T10:00:00Z'));
  assert.equal(a[0]!.alert.id, b[0]!.alert.id);
  assert.deepEqual(a[0]!.deliveries.map((d) => d.delivery.id), b[0]!.deliveries.map((d) => d.delivery.id));
  assert.notEqual(plan('sto_2', new Date())[0]!.alert.id, a[0]!.alert.id);
});

test('plan: a disabled webhook gets a held delivery, an unsubscribed address none; digests are marked', () => {
  const [p] = plan('sto_1', new Date());
  assert.deepEqual(p!.deliveries.map((d) => [d.delivery.channelId, d.delivery.status, d.digest ?? 'now']),
    [['wh_a', 'pending', 'now'], ['wh_off', 'held', 'now'], ['em_d', 'pending', 'daily']]);
  for (const d of p!.deliveries) assert.match(d.delivery.id, /^msg_[a-z2-7]+$/);
});
