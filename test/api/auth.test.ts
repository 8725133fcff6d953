// Keys and roles: no key, malformed or unknown key, revoked key, subscriber on admin routes, public
// routes, and the per-key rate limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { buildApp } from '../../src/api/build-app.js';

let h: ApiHarness;
before(async () => { h = await startApiHarness({ rateLimit: { max: 5, timeWindowMs: 60_000 } }); });
after(async () => { await h.close(); });

const cases: Array<{ name: string; headers: Record<string, string> }> = [
  { name: 'no Authorization header', headers: {} },
  { name: 'unknown key', headers: { authorization: 'Bearer vk_thisisnotakeythisisnotakey' } },
  { name: 'Basic scheme instead of Bearer', headers: { authorization: 'Basic dXNlcjpwYXNz' } },
  { name: 'Bearer without a token', headers: { authorization: 'Bearer ' } },
];
for (const c of cases) {
  test(`401 unauthorized: ${c.name}`, async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/subscriptions', headers: c.headers });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'unauthorized');
    assert.match(String(res.headers['www-authenticate']), /^Bearer/);
  });
}

test('a revoked key stops working at once', async () => {
  const made = await h.keyStore.create({ name: 'temp', role: 'admin', now: new Date() });
  assert.equal((await h.call(made.key, { method: 'GET', url: '/v1/sources' })).statusCode, 200);
  assert.equal(await h.keyStore.revoke(made.record.id, new Date()), true);
  const res = await h.call(made.key, { method: 'GET', url: '/v1/sources' });
  assert.equal(res.statusCode, 401);
  const listed = (await h.keyStore.list()).find((k) => k.id === made.record.id);
  assert.ok(listed?.revokedAt, 'the listing keeps the key, marked revoked');
  assert.equal(JSON.stringify(await h.keyStore.list()).includes(made.key), false, 'keys are never listed');
});

test('keys are stored hashed: the raw key appears nowhere in Redis', async () => {
  const keys = await h.services.redis.keys('*api-key*');
  for (const k of keys) {
    const type = await h.services.redis.type(k);
    const dump = type === 'hash' ? JSON.stringify(await h.services.redis.hgetall(k)) : String(await h.services.redis.get(k));
    assert.equal(dump.includes(h.alice.key), false);
  }
  assert.ok(keys.some((k) => k.includes(':api-key:')), 'hash entries exist');
});

test('a subscriber key gets 403 forbidden on admin routes', async () => {
  for (const [method, url] of [['GET', '/v1/sources'], ['POST', '/v1/sources/x/poll'], ['GET', '/admin/queues.json'], ['PUT', '/v1/entities/sy']] as const) {
    const res = await h.call(h.alice.key, { method, url, payload: method === 'PUT' ? {} : undefined });
    assert.equal(res.statusCode, 403, `${method} ${url}`);
    assert.equal(res.json().error.code, 'forbidden');
  }
});

test('public routes answer without a key', async () => {
  for (const url of ['/healthz', '/readyz', '/metrics', '/', '/docs/json']) {
    const res = await h.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
  }
});

test('unknown routes answer the catalogue 404', async () => {
  const res = await h.call(h.admin.key, { method: 'GET', url: '/v1/nothing-here' });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'not_found');
});

test('rate limit is per key: the sixth call of one key is 429, another key still passes', async () => {
  const key = (await h.keyStore.create({ name: 'busy', role: 'subscriber', now: new Date() })).key;
  const codes: number[] = [];
  for (let i = 0; i < 6; i += 1) codes.push((await h.call(key, { method: 'GET', url: '/v1/subscriptions' })).statusCode);
  assert.deepEqual(codes, [200, 200, 200, 200, 200, 429]);
  const limited = await h.call(key, { method: 'GET', url: '/v1/subscriptions' });
  assert.equal(limited.json().error.code, 'rate_limited');
  assert.ok(Number(limited.headers['retry-after']) > 0);
  const other = (await h.keyStore.create({ name: 'calm', role: 'subscriber', now: new Date() })).key;
  assert.equal((await h.call(other, { method: 'GET', url: '/v1/subscriptions' })).statusCode, 200);
});

test('the rate limit is shared by every API process on the same Redis', async () => {
  // A second app on the same Redis stands for a second process (or machine).
  const second = await buildApp({ services: h.services, rateLimit: { max: 5, timeWindowMs: 60_000 } });
  await second.ready();
  try {
    const key = (await h.keyStore.create({ name: 'spread', role: 'subscriber', now: new Date() })).key;
    const headers = { authorization: `Bearer ${key}` };
    const codes: number[] = [];
    for (let i = 0; i < 3; i += 1) codes.push((await h.call(key, { method: 'GET', url: '/v1/subscriptions' })).statusCode);
    for (let i = 0; i < 3; i += 1) codes.push((await second.inject({ method: 'GET', url: '/v1/subscriptions', headers })).statusCode);
    assert.deepEqual(codes, [200, 200, 200, 200, 200, 429]);
  } finally {
    await second.close();
  }
});
