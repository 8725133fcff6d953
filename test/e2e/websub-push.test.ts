// End to end, WebSub push (issue 14): a real hub on loopback (test/harness/websub-hub.ts), a news site
// whose feed advertises it, the API listening on VIGIE_PUBLIC_URL for the callback, real workers and a
// real webhook receiver. Polling is set to an hour once pushed, so an alert that arrives comes by push.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { startWebSubHub, type TestHub } from '../harness/websub-hub.js';
import { freePort } from '../harness/free-port.js';
import { waitFor } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { buildApp } from '../../src/api/build-app.js';
import { pollSource } from '../../src/pipeline/poll-source.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices } from '../../src/runtime/create-services.js';
import { createLogger } from '../../src/runtime/create-logger.js';
import { createApiKeyStore } from '../../src/adapters/redis/api-key-store.js';

let p: Pipeline;
let hub: TestHub;
let site: NewsSite;
let rx: WebhookReceiver;
let app: FastifyInstance;
let publicUrl: string;

before(async () => {
  hub = await startWebSubHub();
  site = await startNewsSite({ hub: hub.url });
  rx = await startWebhookReceiver();
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  p = await startPipeline({ VIGIE_PUBLIC_URL: publicUrl, VIGIE_WEBSUB_POLL_SECONDS: '3600', VIGIE_WEBSUB_LEASE_SECONDS: '86400' });
  app = await buildApp({ services: p.services });
  await app.listen({ port, host: '127.0.0.1' });
  await p.addSource({ id: 'wire', url: site.feedUrl, interval: 1, lang: 'en' });
  await waitFor('subscription verified at the hub', () => hub.subscribers(site.feedUrl).length === 1, 30_000);
});

after(async () => {
  await app?.close();
  await p?.close();
  await rx?.close();
  await site?.close();
  await hub?.close();
});

function publish(s: NewsSite, marker: string) {
  s.publish({ slug: marker, lang: 'en', published: new Date().toISOString(), title: `Report ${marker} from Deir ez-Zor`,
    summary: `Summary ${marker}`, paragraphs: [`Clashes were reported near Hajin in Deir ez-Zor province (${marker}).`, 'Local sources gave no toll.'] });
}

async function watch(marker: string) {
  const path = `/${marker}`;
  const sub = await p.subscribe({ name: marker, query: marker, channels: [{ type: 'webhook', url: rx.url(path), format: 'standard' }] });
  rx.setSecrets(path, [sub.secret!]);
  return { sub, received: () => rx.received.filter((r) => r.path === path) };
}

async function pushCount(outcome: string): Promise<number> {
  const m = await p.services.metrics.websubPushes.get();
  return m.values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
}

/** Nothing left to do: no article or delivery job waiting, delayed or running. */
async function drained(): Promise<boolean> {
  for (const q of [p.services.queues.article, p.services.queues.deliver]) {
    const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(c).some((n) => n > 0)) return false;
  }
  return true;
}

test('subscribing: the hub verified our intent with the topic, a secret and our callback; polling slowed to the safety interval', async () => {
  const req = hub.requests.find((r) => r.topic === site.feedUrl && r.mode === 'subscribe')!;
  assert.equal(req.callback, `${publicUrl}/websub/wire`);
  assert.match(req.secret ?? '', /^[0-9a-f]{64}$/);
  assert.equal(req.leaseSeconds, 86400);
  const v = hub.verifications.find((x) => x.topic === site.feedUrl && x.mode === 'subscribe')!;
  assert.equal(v.echoed, true);
  const state = (await p.services.push.get('wire'))!;
  assert.equal(state.hub, hub.url);
  assert.ok(Date.parse(state.leaseUntil!) > Date.now() + 80_000_000, 'lease of about a day recorded');
  const schedulers = await p.services.queues.poll.getJobSchedulers(0, -1);
  assert.equal(schedulers.find((x) => (x.key ?? x.id) === 'source-wire')?.every, 3600_000);
});

test('a verification for another topic, an unknown source or an unsubscribe vigie did not ask for is refused with 404', async () => {
  const ask = (path: string, q: Record<string, string>) => app.inject({ method: 'GET', url: `${path}?${new URLSearchParams(q)}` });
  const other = await ask('/websub/wire', { 'hub.mode': 'subscribe', 'hub.topic': 'http://127.0.0.1:1/other', 'hub.challenge': 'c1', 'hub.lease_seconds': '60' });
  assert.equal(other.statusCode, 404);
  const unknown = await ask('/websub/nosuch', { 'hub.mode': 'subscribe', 'hub.topic': site.feedUrl, 'hub.challenge': 'c2' });
  assert.equal(unknown.statusCode, 404);
  const forgedUnsub = await ask('/websub/wire', { 'hub.mode': 'unsubscribe', 'hub.topic': site.feedUrl, 'hub.challenge': 'c3' });
  assert.equal(forgedUnsub.statusCode, 404);
  assert.equal((await p.services.push.get('wire'))?.wanted, 'subscribe', 'push state untouched');
});

test('a signed push delivers the alert before any poll could have seen the item', async () => {
  const { received } = await watch('markerpush');
  publish(site, 'markerpush');
  const statuses = await hub.publish(site.feedUrl, site.feedXml());
  assert.deepEqual(statuses, [202]);
  await waitFor('alert by push', () => received().length === 1, 30_000);
  const servedAt = site.firstServed('markerpush');
  assert.ok(servedAt === undefined || servedAt > received()[0]!.at, 'the feed had not been fetched with the item before the alert went out');
});

test('push and poll of the same item at once give one alert', async () => {
  const { sub, received } = await watch('markerboth');
  publish(site, 'markerboth');
  await Promise.all([hub.publish(site.feedUrl, site.feedXml()), pollSource(p.services, 'wire')]);
  await waitFor('alert', () => received().length >= 1, 30_000);
  await waitFor('queues drained', drained, 30_000);
  assert.equal(received().length, 1);
  assert.equal((await p.services.alerts.listDeliveryIds(sub.id)).length, 1);
});

test('wrongly signed and unsigned pushes are answered 2xx, ignored and counted; a sha512-signed one then goes through', async () => {
  const { received } = await watch('markerforged');
  publish(site, 'markerforged');
  const [mismatch, missing] = [await pushCount('signature_mismatch'), await pushCount('signature_missing')];
  assert.deepEqual(await hub.publish(site.feedUrl, site.feedXml(), { signing: 'wrong' }), [202]);
  assert.deepEqual(await hub.publish(site.feedUrl, site.feedXml(), { signing: 'none' }), [202]);
  assert.equal(await pushCount('signature_mismatch'), mismatch + 1);
  assert.equal(await pushCount('signature_missing'), missing + 1);
  // The refused pushes were handled before the 202: the item is still unseen and no article job exists.
  assert.deepEqual(await p.services.seen.filterUnseen('wire', ['markerforged']), ['markerforged']);
  assert.equal(received().length, 0);
  assert.deepEqual(await hub.publish(site.feedUrl, site.feedXml(), { signing: 'sha512' }), [202]);
  await waitFor('alert after the genuine push', () => received().length === 1, 30_000);
});

test('`sources list` shows push on with its hub and lease; without VIGIE_PUBLIC_URL it says push is off and why', async () => {
  const env = { REDIS_URL: p.redis.url, VIGIE_ALLOW_NETWORKS: '127.0.0.1/32' };
  const on = await runCliCaptured(['sources', 'list'], { ...env, VIGIE_PUBLIC_URL: publicUrl });
  assert.equal(on.code, 0, on.stderr);
  assert.match(on.stdout, new RegExp(`push: on via ${hub.url.replace(/[.]/g, '\\.')}, lease until \\d{4}-`));
  const off = await runCliCaptured(['sources', 'list'], env);
  assert.equal(off.code, 0, off.stderr);
  assert.match(off.stdout, /push off: VIGIE_PUBLIC_URL not set/);
});

test('without VIGIE_PUBLIC_URL a feed advertising a hub is polled but never subscribed', async () => {
  const env = loadEnv({ VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_PREFIX: 'nopush', VIGIE_LOG_LEVEL: 'silent' });
  const s = createServices({ env, redisUrl: p.redis.url, entities: [], logger: createLogger('silent') });
  try {
    await s.sources.put({ ...(await p.services.sources.get('wire'))!, id: 'offwire' });
    const before = hub.requests.length;
    const outcome = await pollSource(s, 'offwire');
    assert.equal(outcome.status, 'ok');
    assert.equal(await s.push.get('offwire'), undefined);
    assert.equal(await s.queues.websub.count(), 0);
    assert.equal(hub.requests.length, before);
  } finally {
    await s.close();
  }
});

test('a short lease is renewed before it ends with the same secret; `sources rm` unsubscribes at the hub', async () => {
  const site2 = await startNewsSite({ hub: hub.url, title: 'Short Lease News' });
  try {
    hub.setLease(site2.feedUrl, 2);
    await p.addSource({ id: 'short', url: site2.feedUrl, interval: 3600, lang: 'en' });
    await pollSource(p.services, 'short');
    const subscribes = () => hub.requests.filter((r) => r.topic === site2.feedUrl && r.mode === 'subscribe');
    const verified = () => hub.verifications.filter((v) => v.topic === site2.feedUrl && v.mode === 'subscribe' && v.echoed);
    await waitFor('first verification', () => verified().length >= 1, 30_000);
    const firstLease = (await p.services.push.get('short'))!.leaseUntil!;
    await waitFor('renewed and verified again', () => verified().length >= 2, 30_000);
    const renewal = subscribes()[1]!;
    assert.equal(renewal.secret, subscribes()[0]!.secret, 'a renewal keeps the secret');
    // When the renewal was booked for, not when a loaded machine got round to sending it: the verdict
    // must not depend on timing.
    const renewJob = await p.services.queues.websub.getJob(`websub-renew-short-${Date.parse(firstLease)}`);
    assert.ok(renewJob, 'a renewal job booked for this lease');
    assert.ok(renewJob.timestamp + (renewJob.opts.delay ?? 0) < Date.parse(firstLease), 'renewal booked before the first lease ends');
    await waitFor('lease extended', async () => Date.parse((await p.services.push.get('short'))?.leaseUntil ?? '0') > Date.parse(firstLease), 30_000);

    const rm = await runCliCaptured(['sources', 'rm', 'short'], { REDIS_URL: p.redis.url, VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_PUBLIC_URL: publicUrl });
    assert.equal(rm.code, 0, rm.stderr);
    await waitFor('unsubscribe verified', () => hub.verifications.some((v) => v.topic === site2.feedUrl && v.mode === 'unsubscribe' && v.echoed), 30_000);
    assert.equal(hub.subscribers(site2.feedUrl).length, 0);
    assert.equal(await p.services.push.get('short'), undefined);
    // Renewals booked before the removal find nothing to renew once they run.
    const asked = subscribes().length;
    const pending = async () => (await p.services.queues.websub.getJobs(['waiting', 'active', 'delayed'])).filter((j) => j?.data.sourceId === 'short');
    await waitFor('websub jobs of the source done', async () => (await pending()).length === 0, 30_000);
    assert.equal(subscribes().length, asked, 'no subscribe after the removal');
    const push = await hub.publish(site2.feedUrl, site2.feedXml());
    assert.deepEqual(push, [], 'the hub has no subscriber left');
  } finally {
    await site2.close();
  }
});

test('DELETE /v1/sources/:id unsubscribes at the hub too, and a push to the removed source is answered 410', async () => {
  const site3 = await startNewsSite({ hub: hub.url, title: 'Api News' });
  try {
    await p.addSource({ id: 'viaapi', url: site3.feedUrl, interval: 3600, lang: 'en' });
    await pollSource(p.services, 'viaapi');
    await waitFor('subscribed', () => hub.subscribers(site3.feedUrl).length === 1, 30_000);
    const callback = hub.subscribers(site3.feedUrl)[0]!.callback;
    const { key } = await createApiKeyStore(p.services.redis, p.services.keys).create({ name: 'admin', role: 'admin', now: new Date() });
    const res = await app.inject({ method: 'DELETE', url: '/v1/sources/viaapi', headers: { authorization: `Bearer ${key}` } });
    assert.equal(res.statusCode, 204);
    await waitFor('unsubscribe verified', () => hub.verifications.some((v) => v.topic === site3.feedUrl && v.mode === 'unsubscribe' && v.echoed), 30_000);
    assert.equal(hub.subscribers(site3.feedUrl).length, 0);
    const late = await app.inject({ method: 'POST', url: new URL(callback).pathname, headers: { 'content-type': 'application/rss+xml' }, payload: site3.feedXml() });
    assert.equal(late.statusCode, 410);
  } finally {
    await site3.close();
  }
});
