// Health endpoints during a Redis outage: /healthz answers without Redis and without the rate limiter,
// /readyz says 503 within its deadline, /metrics serves its last gauges. Redis is both stopped (the
// connection drops) and paused with SIGSTOP (the socket stays open and nothing answers: a hung Redis).
// The issue names the limits (100 ms, 1 s); the bounds below are generous and the checks structural.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { startApiHarness, type ApiHarness } from './api-harness.js';

let h: ApiHarness;
before(async () => { h = await startApiHarness({ rateLimit: { max: 1, timeWindowMs: 60_000 } }); });
after(async () => { await h.close(); });

async function timed(url: string): Promise<{ status: number; body: string; ms: number; headers: Record<string, unknown> }> {
  const t0 = performance.now();
  const res = await h.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.body, ms: performance.now() - t0, headers: res.headers };
}

/** What an orchestrator sees while Redis does not answer: live, not ready, metrics served. */
async function probesWithoutRedis(): Promise<{ body: string }> {
  const live = await timed('/healthz');
  assert.equal(live.status, 200);
  assert.ok(live.ms < 500, `healthz took ${live.ms} ms`);
  const ready = await timed('/readyz');
  assert.equal(ready.status, 503, ready.body);
  assert.equal(JSON.parse(ready.body).checks.redis, 'unreachable');
  assert.ok(ready.ms < 1500, `readyz took ${ready.ms} ms`);
  const metrics = await timed('/metrics');
  assert.equal(metrics.status, 200);
  assert.ok(metrics.ms < 1500, `metrics took ${metrics.ms} ms`);
  return metrics;
}

/** Waits for a condition on the connection's state; fails with a message rather than hang the run. */
async function until(cond: () => boolean, what = 'the Redis connection to change state', limitMs = 30_000): Promise<void> {
  const giveUp = performance.now() + limitMs;
  while (!cond()) {
    if (performance.now() > giveUp) assert.fail(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('healthz, readyz and metrics are not rate-limited (an orchestrator probes them often)', async () => {
  for (const url of ['/healthz', '/healthz', '/healthz', '/readyz', '/readyz', '/metrics', '/metrics']) {
    const res = await timed(url);
    assert.equal(res.status, 200, `${url}: ${res.body}`);
    assert.equal(res.headers['x-ratelimit-limit'], undefined, `${url} does not consult the rate limiter`);
  }
});

test('a hung Redis (SIGSTOP): healthz answers, readyz is 503 within 1 s, metrics serves the last gauges', async () => {
  await h.services.queues.poll.add('poll', { sourceId: 'gauge-test' }, { jobId: 'gauge-test-1', delay: 60_000 });
  assert.match((await timed('/metrics')).body, /vigie_queue_jobs\{queue="poll",state="delayed"\} 1/);
  h.redis.pause();
  try {
    const metrics = await probesWithoutRedis();
    assert.match(metrics.body, /vigie_queue_jobs\{queue="poll",state="delayed"\} 1/, 'the cached gauge is served');
  } finally {
    h.redis.resume();
  }
});

test('a stopped Redis: healthz answers at once, readyz is 503 within 1 s; back to ready after restart', async () => {
  await h.redis.stop();
  try {
    await until(() => h.services.redis.status !== 'ready');
    await probesWithoutRedis();
  } finally {
    await h.redis.restart();
  }
  await until(() => h.services.redis.status === 'ready');
  assert.equal((await timed('/readyz')).status, 200);
});
