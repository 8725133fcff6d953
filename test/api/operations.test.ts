// The OpenAPI document and /docs, health/readiness/metrics, the admin queue dashboard (counts, failed
// jobs, retry), the Atom feed read by an independent client (Debian's python3-feedparser) and the
// RFC 8058 unsubscribe page and one-click POST.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Worker } from 'bullmq';
import { startApiHarness, article, type ApiHarness } from './api-harness.js';
import { alertId } from '../../src/core/deliver/delivery-ids.js';
import { signUnsubscribe } from '../../src/core/deliver/unsubscribe-token.js';
import { connectRedis } from '../../src/adapters/redis/connect-redis.js';
import { OSDH_FR } from './fixture-entities.js';

let h: ApiHarness;
before(async () => { h = await startApiHarness(); });
after(async () => { await h.close(); });

test('the OpenAPI document is OpenAPI 3.x and every route has an operationId, a summary and its schemas', async () => {
  const res = await h.app.inject({ method: 'GET', url: '/docs/json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.match(doc.openapi, /^3\.\d+\.\d+$/);
  assert.equal(doc.info.title, 'vigie API');
  assert.equal(doc.components.securitySchemes.bearer.scheme, 'bearer');
  const ops = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  assert.ok(ops.length >= 35, `${ops.length} operations`);
  const opIds = ops.map((o) => o.op.operationId);
  assert.equal(new Set(opIds).size, opIds.length, 'operationIds are unique');
  for (const { path, method, op } of ops) {
    assert.equal(typeof op.operationId, 'string', `${method} ${path} operationId`);
    assert.equal(typeof op.summary, 'string', `${method} ${path} summary`);
    assert.ok(op.responses && Object.keys(op.responses as object).length > 0, `${method} ${path} responses`);
    const params = (op.parameters as Array<{ in: string; name: string; schema: unknown }> | undefined) ?? [];
    for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
      assert.ok(params.some((p) => p.in === 'path' && p.name === name && p.schema), `${method} ${path} documents path parameter ${name}`);
    }
    if (['post', 'put'].includes(method) && !/replay|poll|retry|unsubscribe|websub|candidates\/\{key\}\/reject/.test(path)) {
      // JSON, except where a route takes a file as it is (the OPML import).
      const content = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content ?? {};
      const body = (content['application/json'] ?? content['text/x-opml'])?.schema;
      assert.ok(body, `${method} ${path} documents its body`);
    }
  }
  const create = doc.paths['/v1/subscriptions'].post.requestBody.content['application/json'].schema;
  assert.equal(create.additionalProperties, false, 'unknown fields are refused, and documented so');
  for (const expected of ['/v1/sources', '/v1/entities', '/v1/subscriptions/{id}/feed.atom', '/v1/alerts', '/v1/articles/{id}', '/v1/deliveries/{id}/replay', '/v1/match', '/v1/backtest', '/healthz', '/readyz', '/metrics', '/admin/queues.json']) {
    assert.ok(doc.paths[expected], `documents ${expected}`);
  }
  const ui = await h.app.inject({ method: 'GET', url: '/docs' });
  assert.equal(ui.statusCode, 200, `GET /docs -> ${ui.statusCode} ${String(ui.headers.location)}`);
  assert.match(ui.body, /swagger/i);
});

test('healthz, readyz (Redis reachable and noeviction) and metrics with queue depth gauges', async () => {
  assert.deepEqual((await h.app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });
  const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(ready.statusCode, 200);
  assert.deepEqual(ready.json().checks, { redis: 'ok', redisSettings: 'ok' });
  await h.services.queues.poll.add('poll', { sourceId: 'gauge-test' }, { jobId: 'gauge-test-1', delay: 60_000 });
  const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
  assert.match(metrics.body, /vigie_queue_jobs\{queue="poll",state="delayed"\} 1/);
  assert.match(metrics.body, /vigie_queue_jobs\{queue="deliver",state="waiting"\} 0/);
});

test('readyz says not ready when Redis allows eviction', async () => {
  await h.services.redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
  try {
    const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    assert.equal(ready.json().checks.redisSettings, 'unsafe');
  } finally {
    await h.services.redis.config('SET', 'maxmemory-policy', 'noeviction');
  }
});

test('admin queue dashboard: counts per state, failed jobs, retry; HTML page; admins only', async () => {
  const connection = connectRedis(h.redis.url, 'worker');
  const worker = new Worker('digest', async () => { throw new Error('digest exploded'); }, { connection, prefix: h.services.keys.bullPrefix });
  const failed = new Promise<void>((resolve) => worker.once('failed', () => resolve()));
  await h.services.queues.digest.add('digest', { mode: 'hourly' }, { jobId: 'digest-fail-1', attempts: 1 });
  await failed;
  await worker.close();
  connection.disconnect();
  const res = await h.call(h.admin.key, { method: 'GET', url: '/admin/queues.json' });
  assert.equal(res.statusCode, 200);
  const digest = res.json().queues.find((q: { name: string }) => q.name === 'digest');
  assert.deepEqual(res.json().queues.map((q: { name: string }) => q.name), ['poll', 'article', 'deliver', 'digest', 'websub', 'update']);
  assert.equal(digest.counts.failed, 1);
  assert.deepEqual(digest.failed.map((j: { id: string; failedReason: string; attemptsMade: number }) => [j.id, j.failedReason, j.attemptsMade]), [['digest-fail-1', 'digest exploded', 1]]);
  assert.equal((await h.call(h.alice.key, { method: 'POST', url: '/admin/queues/digest/jobs/digest-fail-1/retry' })).statusCode, 403);
  const retry = await h.call(h.admin.key, { method: 'POST', url: '/admin/queues/digest/jobs/digest-fail-1/retry' });
  assert.equal(retry.statusCode, 200, retry.body);
  assert.equal(await (await h.services.queues.digest.getJob('digest-fail-1'))!.getState(), 'waiting');
  assert.equal((await h.call(h.admin.key, { method: 'POST', url: '/admin/queues/digest/jobs/digest-fail-1/retry' })).statusCode, 409);
  assert.equal((await h.call(h.admin.key, { method: 'POST', url: '/admin/queues/digest/jobs/nope/retry' })).statusCode, 404);
  assert.equal((await h.call(h.admin.key, { method: 'POST', url: '/admin/queues/emails/jobs/x/retry' })).statusCode, 400);
  const page = await h.app.inject({ method: 'GET', url: '/admin/queues' });
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /text\/html/);
});

test('the Atom feed of a subscription parses in python3-feedparser; a wrong token is 404', async () => {
  const created = (await h.call(h.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: { name: 'Deir <ez-Zor> & co', regions: ['Deir ez-Zor'], channels: [{ type: 'email', address: 'alice@example.org' }] } })).json().subscription;
  await h.services.articles.putIfAbsent(article('art_feed', { ...OSDH_FR, url: 'https://news.example/boukamal?a=1&b=2', sourceId: 'osdh', fetchedAt: '2026-11-20T10:00:00Z', published: '2026-11-20T09:00:00Z' }));
  await h.services.alerts.createAlert({ id: alertId(created.id, 'sto_f'), subscriptionId: created.id, storyId: 'sto_f', articleId: 'art_feed', relatedArticleIds: [],
    matches: [{ entityId: 'sy-boukamal', kind: 'region', name: 'Boukamal', alias: 'Boukamal', surface: 'Boukamal', field: 'text', start: 0, end: 8, snippet: 'près de «Boukamal»\u0001' }], createdAt: '2026-11-20T10:00:05Z' });
  const url = new URL(created.feed.url);
  const res = await h.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /application\/atom\+xml/);
  const py = spawnSync('/usr/bin/python3', ['-c', [
    'import feedparser, json, sys',
    'd = feedparser.parse(sys.stdin.read())',
    'print(json.dumps({"bozo": d.bozo, "version": d.version, "title": d.feed.title, "entries": [{"title": e.title, "link": e.link, "summary": e.summary} for e in d.entries]}))',
  ].join('\n')], { input: res.body, encoding: 'utf8' });
  assert.equal(py.status, 0, py.stderr);
  const parsed = JSON.parse(py.stdout);
  assert.equal(parsed.bozo, false, 'feedparser found no error');
  assert.equal(parsed.version, 'atom10');
  assert.equal(parsed.title, 'vigie: Deir <ez-Zor> & co');
  assert.equal(parsed.entries.length, 1);
  assert.equal(parsed.entries[0].title, OSDH_FR.title);
  assert.equal(parsed.entries[0].link, 'https://news.example/boukamal?a=1&b=2');
  assert.match(parsed.entries[0].summary, /Boukamal/);
  const wrong = await h.app.inject({ method: 'GET', url: `${url.pathname}?token=${'A'.repeat(43)}` });
  assert.equal(wrong.statusCode, 404);
  const other = await h.app.inject({ method: 'GET', url: `/v1/subscriptions/sub_other/feed.atom${url.search}` });
  assert.equal(other.statusCode, 404, 'a token is only good for its own subscription');
});

test('unsubscribe: GET shows a confirmation page and changes nothing; POST one-click marks the email channel', async () => {
  const created = (await h.call(h.bob.key, { method: 'POST', url: '/v1/subscriptions', payload: { name: 'مراقبة حلب', regions: ['Alep'], channels: [{ type: 'email', address: 'bob@example.org', mode: 'immediate' }] } })).json().subscription;
  const token = signUnsubscribe({ subscriptionId: created.id, channelId: created.channels[0].id }, await h.services.signingKey());
  const page = await h.app.inject({ method: 'GET', url: `/v1/unsubscribe/${token}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<form method="post"/);
  assert.match(page.body, /dir="auto">مراقبة حلب/);
  const before1 = (await h.services.subscriptions.get(created.id))!.channels[0]!;
  assert.equal(before1.type === 'email' ? before1.unsubscribed : 'not email', undefined);
  const post = await h.app.inject({ method: 'POST', url: `/v1/unsubscribe/${token}`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(post.statusCode, 200, post.body);
  const after1 = await h.services.subscriptions.get(created.id);
  assert.equal(after1!.channels[0]!.type === 'email' && after1!.channels[0]!.unsubscribed, true);
  const forged = await h.app.inject({ method: 'POST', url: `/v1/unsubscribe/${token.slice(0, -2)}xx`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(forged.statusCode, 404);
  const put = await h.call(h.bob.key, { method: 'PUT', url: `/v1/subscriptions/${created.id}`, payload: { name: 'x', regions: ['Alep'], channels: [{ type: 'email', address: 'bob@example.org' }] } });
  assert.equal(put.json().subscription.channels[0].unsubscribed, true, 'editing the subscription does not undo the unsubscribe');
});
