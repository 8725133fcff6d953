// Deterministic alert and delivery ids: stable, distinct, and safe as webhook-id / BullMQ job id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertId, deliveryId } from '../../src/core/deliver/delivery-ids.js';

test('the same inputs give the same delivery id; any change gives another', () => {
  const a = deliveryId('sub_1', 'sto_1', 'ch_1');
  assert.equal(deliveryId('sub_1', 'sto_1', 'ch_1'), a);
  const others = [deliveryId('sub_2', 'sto_1', 'ch_1'), deliveryId('sub_1', 'sto_2', 'ch_1'), deliveryId('sub_1', 'sto_1', 'ch_2')];
  for (const o of others) assert.notEqual(o, a);
});

test('parts cannot be shifted across the separator', () => {
  assert.notEqual(deliveryId('a:b', 'c', 'd'), deliveryId('a', 'b:c', 'd'));
  assert.notEqual(alertId('ab', 'c'), alertId('a', 'bc'));
});

test('ids have a prefix and only [a-z2-7] after it: no dot, no colon, never all digits', () => {
  for (let i = 0; i < 200; i += 1) {
    const d = deliveryId(`sub_${i}`, `sto_${i * 7}`, `ch_${i % 3}`);
    assert.match(d, /^msg_[a-z2-7]{32}$/);
    assert.match(alertId(`sub_${i}`, `sto_${i}`), /^alr_[a-z2-7]{32}$/);
  }
});

test('alert and delivery ids of the same pair differ (different kinds)', () => {
  assert.notEqual(alertId('s', 't').slice(4), deliveryId('s', 't', '').slice(4));
});
