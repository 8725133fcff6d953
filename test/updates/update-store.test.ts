// The update rounds in Redis (update-store.ts), on a real Redis: readings noted while a round is
// scheduled join it; a round ends once; readings that came while it ran start the next round; a new
// told state is committed only from the seq the update was made on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { createKeys } from '../../src/adapters/redis/keys.js';
import { createUpdateStore, type UpdateStore } from '../../src/adapters/redis/update-store.js';
import type { EventObservation } from '../../src/core/model/alert-update.js';
import type { EventFacts } from '../../src/core/events/diff-event.js';
import { useTestRedisClient } from '../harness/redis-server.js';

const keys = createKeys('update-store-test');
let client: Redis;
let store: UpdateStore;
useTestRedisClient((_r, c) => { client = c; store = createUpdateStore(c, keys, 3600); });

const SIX: EventFacts = { type: 'air_strike', killed: 6, injured: null };
const obs = (articleId: string, killed: number): EventObservation => ({ articleId, sourceId: 'wire', type: 'air_strike', killed, injured: null });

test('readings noted while a round is scheduled join that round; the first note keeps what the alert told', async () => {
  assert.equal(await store.note('alr_a', SIX, obs('a2', 9)), 1);
  assert.equal(await store.note('alr_a', { ...SIX, killed: 99 }, obs('a3', 11)), 1);
  const st = await store.read('alr_a');
  assert.deepEqual(st, { told: SIX, seq: 0, scheduled: 1, observations: [obs('a2', 9), obs('a3', 11)] });
  assert.ok((await client.ttl(keys.alertObservations('alr_a'))) > 0, 'kept no longer than the alert');
});

test('a round ends once; what it accounted for is dropped and the told state moves to the next seq', async () => {
  await store.note('alr_b', SIX, obs('b2', 9));
  const told: EventFacts = { ...SIX, killed: 9 };
  assert.equal(await store.finishRound('alr_b', 1, 1, 0, told), 0);
  assert.deepEqual(await store.read('alr_b'), { told, seq: 1, scheduled: undefined, observations: [] });
  assert.equal(await store.finishRound('alr_b', 1, 1, 0, told), -1, 'the same round again is stale');
  assert.equal(await store.note('alr_b', SIX, obs('b3', 12)), 2, 'a reading after the round ends starts the next one');
});

test('readings that came while a round ran start the next round at once', async () => {
  await store.note('alr_c', SIX, obs('c2', 9));
  await store.note('alr_c', SIX, obs('c3', 10));
  // The update was made from the first reading only; the second came in between.
  assert.equal(await store.finishRound('alr_c', 1, 1, 0, { ...SIX, killed: 9 }), 2);
  const st = await store.read('alr_c');
  assert.equal(st.scheduled, 2);
  assert.deepEqual(st.observations, [obs('c3', 10)]);
});

test('a told state made on an older seq is not committed', async () => {
  await store.note('alr_d', SIX, obs('d2', 9));
  assert.equal(await store.finishRound('alr_d', 1, 1, 5, { ...SIX, killed: 9 }), -1);
  assert.deepEqual((await store.read('alr_d')).told, SIX);
});

test('an update is frozen once: a second run gets the first one', async () => {
  const first = { alertId: 'alr_e', seq: 1, changes: [], event: SIX, summary: 'one', consumed: 1, createdAt: '2026-03-11T12:00:00.000Z' };
  assert.deepEqual(await store.freeze(first), first);
  assert.deepEqual(await store.freeze({ ...first, summary: 'two', consumed: 2 }), first);
});
