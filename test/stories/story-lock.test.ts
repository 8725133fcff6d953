// The story lock (two workers must not both open a story for one event): its key is named in keys.ts,
// its lease lasts at least as long as a caller waits for it, and a caller that gives up waiting runs
// unlocked and says so in the log, without touching the other holder's lease.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createKeys } from '../../src/adapters/redis/keys.js';
import { createStoryStore } from '../../src/adapters/redis/story-store.js';
import { useTestRedisClient, type TestRedis } from '../harness/redis-server.js';

const keys = createKeys('story-lock-test');
let redis: TestRedis;
let client: Redis;

/** A real pino logger whose lines are kept for the test to read. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk)) as Record<string, unknown>); done(); } });
  return { log: pino({ level: 'info' }, stream), lines };
}

useTestRedisClient((r, c) => { redis = r; client = c; });

test('the story lock is held under the key keys.ts names, for at least as long as a caller waits for it', async () => {
  const { log } = capturingLogger();
  const stories = createStoryStore(client, keys, 48, log);
  const waitMs = 60_000;
  const ttl = await stories.withLock(async () => client.pttl(keys.storyLock), { waitMs });
  // A lease shorter than the wait would let a second worker in, unlogged, while the first still works.
  assert.ok(ttl > waitMs / 2, `lease left while held: ${ttl} ms, wait ${waitMs} ms`);
  assert.equal(await client.exists(keys.storyLock), 0, 'released after use');
});

test('a caller that waits out the story lock runs unlocked, logs it, and leaves the holder\'s lease alone', async () => {
  const { log, lines } = capturingLogger();
  const stories = createStoryStore(client, keys, 48, log);
  await client.set(keys.storyLock, 'another-worker', 'PX', 60_000);
  try {
    const ran = await stories.withLock(async () => 'ran', { waitMs: 50 });
    assert.equal(ran, 'ran');
    const fallback = lines.find((l) => l.event === 'story.lock.fallback');
    assert.ok(fallback, `a story.lock.fallback line, got ${JSON.stringify(lines)}`);
    assert.equal(fallback.level, 40, 'logged as a warning');
    assert.equal(await client.get(keys.storyLock), 'another-worker');
  } finally {
    await client.del(keys.storyLock);
  }
});
