// Per-host politeness across processes: two gates (standing for two worker processes) on one Redis
// keep at most 2 requests in flight to a host together; a held slot is renewed, a dead holder's frees
// itself at the end of its lease; a wait for a slot ends with the caller's signal; a Redis outage is a
// transient error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createSafeFetch } from '../../src/adapters/http/safe-fetch.js';
import { createHostSlotStore } from '../../src/adapters/redis/host-slot-store.js';
import { createKeys } from '../../src/adapters/redis/keys.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';
import { useTestRedisClient, type TestRedis } from '../harness/redis-server.js';
import { listenAt } from './gate-fixtures.js';

const ALLOW = ['127.0.0.2/32'];
const keys = createKeys('slots-test');
let redis: TestRedis;
let client: Redis;

useTestRedisClient((r, c) => { redis = r; client = c; });

test('two gates on one Redis keep at most 2 requests in flight to a host between them', async () => {
  let inFlight = 0;
  let most = 0;
  const srv = await listenAt('127.0.0.2', 0, (_req, res) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    setTimeout(() => { inFlight -= 1; res.end('ok'); }, 120);
  });
  // Each gate alone would allow 2: together, without the shared slots, 4 would be in flight.
  const gates = [0, 1].map(() => createSafeFetch({ allowNetworks: ALLOW, perHostConcurrency: 2,
    sharedSlots: createHostSlotStore(client, keys, { limit: 2, pollMs: 10 }) }));
  try {
    const bodies = await Promise.all(Array.from({ length: 8 }, (_, i) => gates[i % 2]!.fetch(`${srv.origin}/${i}`, { maxBytes: 100 })));
    assert.deepEqual(bodies.map((b) => b.body.toString()), Array(8).fill('ok'));
    assert.equal(most, 2, `at most 2 in flight together (saw ${most})`);
    assert.equal(await client.zcard(keys.hostSlots('127.0.0.2')), 0, 'every slot released');
  } finally {
    await Promise.all(gates.map((g) => g.close()));
    await srv.close();
  }
});

test('a held slot stays held past its lease (renewed); a dead holder\'s slot frees itself when the lease ends', async () => {
  const never = new AbortController().signal;
  // Leases long enough that a busy test machine delaying a renewal timer cannot lose the slot.
  const live = createHostSlotStore(client, keys, { limit: 1, leaseMs: 1500, pollMs: 10 });
  const release = await live.acquire('renewed.example', never);
  await new Promise((r) => setTimeout(r, 3500)); // over two leases
  const probe = new AbortController();
  setTimeout(() => probe.abort(new Error('still held')), 300);
  await assert.rejects(live.acquire('renewed.example', probe.signal), /still held/);
  release();
  (await live.acquire('renewed.example', never))();
  // A holder on its own connection that then dies (the connection drops, its renewals fail).
  const doomed = new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  doomed.on('error', () => undefined);
  await createHostSlotStore(doomed, keys, { limit: 1, leaseMs: 1500 }).acquire('dead.example', never);
  doomed.disconnect();
  const started = Date.now();
  (await live.acquire('dead.example', never))();
  assert.ok(Date.now() - started >= 750, 'the next holder waited for the dead one\'s lease to end');
});

test('waiting for a slot ends with the caller signal', async () => {
  const slots = createHostSlotStore(client, keys, { limit: 1, pollMs: 10 });
  const release = await slots.acquire('busy.example', new AbortController().signal);
  const ac = new AbortController();
  const waiting = slots.acquire('busy.example', ac.signal);
  setTimeout(() => ac.abort(new Error('shutting down')), 50);
  await assert.rejects(waiting, /shutting down/);
  release();
  // Released: the next one gets it at once.
  (await slots.acquire('busy.example', new AbortController().signal))();
});

test('with Redis unreachable, taking a slot fails as REDIS_UNAVAILABLE (transient), and the local slot is given back', async () => {
  const gone = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, lazyConnect: true });
  gone.on('error', () => undefined);
  const gate = createSafeFetch({ allowNetworks: ALLOW, perHostConcurrency: 1, sharedSlots: createHostSlotStore(gone, keys, { limit: 2 }) });
  try {
    for (let i = 0; i < 2; i += 1) {
      // With a local slot leaked, the second call would wait forever instead of failing.
      const err = await gate.fetch('http://127.0.0.2:9/x', { maxBytes: 10 }).then(() => undefined, (e: unknown) => e);
      assert.ok(isVigieError(err) && err.code === 'REDIS_UNAVAILABLE', `REDIS_UNAVAILABLE, got ${String(err)}`);
      assert.equal(err.permanent, false);
    }
  } finally {
    await gate.close();
    gone.disconnect();
  }
});

test('a fetch that may wait only so long for a slot fails as FETCH_SLOT_WAIT (transient) without sending, and gives its local slot back', async () => {
  let requests = 0;
  const srv = await listenAt('127.0.0.2', 0, (_req, res) => { requests += 1; res.end('ok'); });
  const slots = createHostSlotStore(client, keys, { limit: 1, pollMs: 10 });
  const gate = createSafeFetch({ allowNetworks: ALLOW, perHostConcurrency: 1, sharedSlots: slots });
  const release = await slots.acquire('127.0.0.2', new AbortController().signal);
  try {
    const err = await gate.fetch(`${srv.origin}/x`, { maxBytes: 10, slotWaitMs: 100 }).then(() => undefined, (e: unknown) => e);
    assert.ok(isVigieError(err) && err.code === 'FETCH_SLOT_WAIT', `FETCH_SLOT_WAIT, got ${String(err)}`);
    assert.equal(err.permanent, false);
    assert.equal(requests, 0, 'nothing was sent');
    release();
    // With the local slot leaked, this would wait for ever instead of being sent.
    assert.equal((await gate.fetch(`${srv.origin}/y`, { maxBytes: 10, slotWaitMs: 5000 })).body.toString(), 'ok');
  } finally {
    release();
    await gate.close();
    await srv.close();
  }
});
