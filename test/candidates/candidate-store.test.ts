// The candidate store's housekeeping: an article set that lives as long as an article can be processed
// again, no article set left once a candidate is decided, and one-off proposals dropped after 90 days
// unseen while decided ones and repeated ones stay. Real Redis (private server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { useTestRedisClient, type TestRedis } from '../harness/redis-server.js';
import { createCandidateStore, type CandidateNote } from '../../src/adapters/redis/candidate-store.js';
import { createKeys } from '../../src/adapters/redis/keys.js';

let client: Redis;
useTestRedisClient((_r: TestRedis, c: Redis) => { client = c; });
const keys = createKeys('cstore');
const DAY = 24 * 3600 * 1000;

const note = (key: string, articleId: string, at: Date): CandidateNote => ({
  key, name: key, kindHint: 'regiment', lang: 'en', evidence: `a new militia called ${key}`, nearActors: ['actor-iran'],
  articleId, sourceId: 'src', at,
});

test('the article set of a candidate expires with the retention period; a decision removes it', async () => {
  const store = createCandidateStore(client, keys, 30 * 24 * 3600);
  assert.equal(await store.note(note('fawj-a', 'art_1', new Date())), true);
  assert.equal(await store.note(note('fawj-a', 'art_1', new Date())), false, 'the same article counts once');
  const ttl = await client.ttl(keys.candidateArticles('fawj-a'));
  assert.ok(ttl > 29 * 24 * 3600 && ttl <= 30 * 24 * 3600, `ttl ${ttl}`);
  await store.decide('fawj-a', 'rejected', new Date());
  assert.equal(await client.exists(keys.candidateArticles('fawj-a')), 0);
  assert.equal(await store.note(note('fawj-a', 'art_2', new Date())), false, 'a rejected key is never counted again');
});

test('trim drops one-off proposals unseen for 90 days and keeps repeated, recent and decided ones', async () => {
  const store = createCandidateStore(client, keys, 30 * 24 * 3600);
  const now = new Date();
  const old = new Date(now.getTime() - 100 * DAY);
  await store.note(note('one-off-old', 'art_10', old));
  await store.note(note('twice-old', 'art_11', old));
  await store.note(note('twice-old', 'art_12', old));
  await store.note(note('one-off-recent', 'art_13', new Date(now.getTime() - 10 * DAY)));
  await store.note(note('rejected-old', 'art_14', old));
  await store.decide('rejected-old', 'rejected', old);
  assert.equal(await store.trim(now), 1);
  assert.equal(await store.get('one-off-old'), undefined);
  assert.equal(await client.zscore(keys.candidates, 'one-off-old'), null);
  for (const kept of ['twice-old', 'one-off-recent', 'rejected-old']) assert.ok(await store.get(kept), kept);
  const listed = await store.list({ status: 'all' });
  assert.deepEqual(listed.map((c) => c.key).sort(), ['one-off-recent', 'rejected-old', 'twice-old', 'fawj-a'].sort());
  assert.deepEqual((await store.list({ limit: 1 })).map((c) => c.key), ['one-off-recent'], 'last seen first, proposed only, limit kept');
});
