// `vigie keys create|list|revoke` against a private Redis: the key is printed once (--json gives
// {key}), works on the API, is listed without the key, and stops working once revoked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices } from '../../src/runtime/create-services.js';
import { createApiKeyStore } from '../../src/adapters/redis/api-key-store.js';
import { FIXTURE_ENTITIES } from './fixture-entities.js';

let redis: TestRedis;
before(async () => { redis = await startTestRedis(); });
after(async () => { await redis.close(); });

const vigie = (args: string[]) => runCliCaptured(args, { REDIS_URL: redis.url, VIGIE_PREFIX: 'clitest', VIGIE_LOG_LEVEL: 'silent' });

test('keys create --json prints the key once; list never shows it; revoke disables it', async () => {
  const created = await vigie(['keys', 'create', '--role', 'subscriber', '--name', 'newsroom', '--json']);
  assert.equal(created.code, 0, created.stderr);
  const record = JSON.parse(created.stdout);
  assert.match(record.key, /^vk_[A-Za-z0-9_-]{43}$/);
  assert.equal(record.role, 'subscriber');
  const services = createServices({ env: loadEnv({ VIGIE_PREFIX: 'clitest', VIGIE_LOG_LEVEL: 'silent' }), redisUrl: redis.url, entities: FIXTURE_ENTITIES });
  try {
    const store = createApiKeyStore(services.redis, services.keys);
    assert.equal((await store.verify(record.key))?.id, record.id);
    const list = await vigie(['keys', 'list', '--json']);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(JSON.parse(list.stdout).map((k: { id: string }) => k.id), [record.id]);
    assert.equal(list.stdout.includes(record.key), false);
    const revoked = await vigie(['keys', 'revoke', record.id]);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(await store.verify(record.key), undefined);
  } finally {
    await services.close();
  }
});

test('keys create refuses an unknown role; revoke of an unknown id fails', async () => {
  const bad = await vigie(['keys', 'create', '--role', 'root', '--name', 'x']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /CONFIG_INVALID.*role/);
  const missing = await vigie(['keys', 'revoke', 'key_nope']);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /NOT_FOUND/);
});

test('keys --help describes each command', async () => {
  const help = await vigie(['keys', '--help']);
  assert.match(help.stdout, /create/);
  assert.match(help.stdout, /revoke/);
});
