// `vigie sources add|update|list` and the interval: adaptive by default, bounded by --min-interval and
// --max-interval, fixed by --interval; `update` changes only what its options name; `list` says the
// interval and why, and the health since when.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';

let redis: TestRedis;
before(async () => { redis = await startTestRedis(); });
after(async () => { await redis.close(); });

const vigie = (args: string[]) => runCliCaptured(args, { REDIS_URL: redis.url, VIGIE_LOG_LEVEL: 'silent' });

test('sources add is adaptive by default, update fixes or bounds the interval and keeps the rest, list says why', async () => {
  const added = await vigie(['sources', 'add', 'https://example.org/feed.xml', '--id', 'ex', '--name', 'Example', '--lang', 'fr', '--expected-period', '86400', '--json']);
  assert.equal(added.code, 0, added.stderr);
  const source = JSON.parse(added.stdout);
  assert.deepEqual([source.intervalSeconds, source.minIntervalSeconds, source.maxIntervalSeconds, source.expectedPeriodSeconds], [900, 300, 21600, 86400]);

  const fixed = await vigie(['sources', 'update', 'ex', '--interval', '120', '--json']);
  assert.equal(fixed.code, 0, fixed.stderr);
  const f = JSON.parse(fixed.stdout);
  assert.equal(f.intervalSeconds, 120);
  assert.equal(f.minIntervalSeconds, undefined);
  assert.deepEqual([f.name, f.lang, f.expectedPeriodSeconds], ['Example', 'fr', 86400], 'the rest is kept');

  const bounded = await vigie(['sources', 'update', 'ex', '--max-interval', '3600']);
  assert.equal(bounded.code, 0, bounded.stderr);
  assert.match(bounded.stdout, /source ex updated: adaptive 5 min to 1 h/);

  const refused = await vigie(['sources', 'update', 'ex', '--min-interval', '7200']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /minInterval must not exceed maxInterval/);
  assert.equal((await vigie(['sources', 'update', 'nope', '--interval', '60'])).code, 1);

  const listed = await vigie(['sources', 'list']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /^ex\s+new\s+feed every 15 min  https:\/\/example\.org\/feed\.xml\n\s+interval adaptive 5 min to 1 h, no poll yet; not judged yet/m);
});
