// REDIS_URL forms: one server passes through to ioredis; redis-cluster:// lists seed nodes. The case
// name is the spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRedisUrl, type RedisTarget } from '../../src/config/parse-redis-url.js';
import { loadEnv } from '../../src/config/env.js';

const ok: Array<[string, string, RedisTarget]> = [
  ['a single server passes through', 'redis://127.0.0.1:6379', { kind: 'single', url: 'redis://127.0.0.1:6379' }],
  ['a TLS single server passes through', 'rediss://:pw@redis.example:6380/0', { kind: 'single', url: 'rediss://:pw@redis.example:6380/0' }],
  ['cluster seeds are split on commas', 'redis-cluster://10.0.0.1:7000,10.0.0.2:7001,redis-3.internal:7002',
    { kind: 'cluster', tls: false, nodes: [{ host: '10.0.0.1', port: 7000 }, { host: '10.0.0.2', port: 7001 }, { host: 'redis-3.internal', port: 7002 }] }],
  ['one seed is enough (the client discovers the rest)', 'redis-cluster://127.0.0.1:7000', { kind: 'cluster', tls: false, nodes: [{ host: '127.0.0.1', port: 7000 }] }],
  ['rediss-cluster means TLS, with user and url-encoded password', 'rediss-cluster://vigie:p%40ss:w@h1:7000,h2:7000/',
    { kind: 'cluster', tls: true, username: 'vigie', password: 'p@ss:w', nodes: [{ host: 'h1', port: 7000 }, { host: 'h2', port: 7000 }] }],
  ['a password without a user (requirepass)', 'redis-cluster://:secret@h1:7000', { kind: 'cluster', tls: false, password: 'secret', nodes: [{ host: 'h1', port: 7000 }] }],
  ['IPv6 seeds are bracketed', 'redis-cluster://[::1]:7000,[fd00::2]:7001', { kind: 'cluster', tls: false, nodes: [{ host: '::1', port: 7000 }, { host: 'fd00::2', port: 7001 }] }],
];
for (const [name, url, want] of ok) test(name, () => assert.deepEqual(parseRedisUrl(url), want));

const bad: Array<[string, string, RegExp]> = [
  ['a cluster seed without a port is refused', 'redis-cluster://h1:7000,h2', /"h2" is not host:port/],
  ['a cluster seed port out of range is refused', 'redis-cluster://h1:70000', /not host:port/],
  ['another scheme is refused', 'http://127.0.0.1:6379', /scheme http: is not/],
  ['a bare host is refused', '127.0.0.1:6379', /scheme 127\.0\.0\.1: is not|not a URL/],
];
for (const [name, url, err] of bad) test(name, () => assert.throws(() => parseRedisUrl(url), err));

test('REDIS_URL is checked at start-up with the same rules', () => {
  assert.equal(loadEnv({ REDIS_URL: 'redis-cluster://h1:7000,h2:7001' }).REDIS_URL, 'redis-cluster://h1:7000,h2:7001');
  assert.throws(() => loadEnv({ REDIS_URL: 'redis-cluster://h1' }), (e: Error) => /REDIS_URL: cluster node "h1" is not host:port/.test(e.message));
});
