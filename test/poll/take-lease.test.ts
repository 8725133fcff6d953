// The lease behind one-poll-per-source and the story lock: one holder at a time, given back by its
// holder only, kept alive while a renewing holder has it, ended on its own when nobody renews it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { takeLease } from '../../src/adapters/redis/take-lease.js';
import { useTestRedisClient, type TestRedis } from '../harness/redis-server.js';
import { waitFor } from '../harness/vigie-process.js';

let redis: TestRedis;
let client: Redis;

useTestRedisClient((r, c) => { redis = r; client = c; });

test('one holder at a time; a release by a holder whose lease has passed on leaves the new holder\'s', async () => {
  const first = await takeLease(client, 'lease:one', 200);
  assert.ok(first);
  assert.equal(await takeLease(client, 'lease:one', 200), undefined, 'taken');
  await waitFor('the unrenewed lease to end', async () => (await client.exists('lease:one')) === 0, 10_000, 20);
  const second = await takeLease(client, 'lease:one', 60_000);
  assert.ok(second);
  assert.equal(await first.release(), false, 'the first holder no longer had it');
  assert.equal(await client.get('lease:one'), second.token);
  assert.equal(await second.release(), true);
  assert.equal(await client.exists('lease:one'), 0);
});

test('a renewing holder keeps its lease past its length until it releases it', async () => {
  const leaseMs = 300;
  const lease = await takeLease(client, 'lease:renewed', leaseMs, { renew: true });
  assert.ok(lease);
  const started = Date.now();
  // Held over three lease lengths: only renewals can keep it.
  await waitFor('three lease lengths', async () => Date.now() - started > 3 * leaseMs && (await client.get('lease:renewed')) === lease.token, 10_000, 20);
  assert.equal(await client.get('lease:renewed'), lease.token);
  assert.equal(await lease.release(), true);
  assert.equal(await client.exists('lease:renewed'), 0);
});
