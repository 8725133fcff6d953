// The deliver stage with the ids a routed job carries (refs): once this process knows a channel's
// endpoint, a delivery is read and claimed in one script call and recorded in a second, and every guard
// still holds: one send per delivery, a disabled channel holds without an attempt, a removed subscription
// ends dead, a delivery another worker is sending is left alone, refs that disagree with the records are
// not trusted. Real Redis and a real receiver on loopback; the stage is called directly, no queue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { createEndpointLimiter, deliverAlert, type EndpointLimiter } from '../../src/pipeline/deliver-alert.js';
import { alertId, deliveryId } from '../../src/core/deliver/delivery-ids.js';
import type { DeliveryRefs } from '../../src/core/model/alert.js';
import { makeArticle } from './alert-fixture.js';

let p: Pipeline;
let rx: WebhookReceiver;

before(async () => {
  p = await startPipeline();
  await p.workers.close(); // the stage is called directly below
  rx = await startWebhookReceiver();
});

after(async () => {
  await p.close();
  await rx.close();
});

async function channel(path: string) {
  const sub = await p.subscribe({ name: path, query: 'refs', channels: [{ type: 'webhook', url: rx.url(path), format: 'standard' }] });
  rx.setSecrets(path, [sub.secret!]);
  return { subscriptionId: sub.id, channelId: sub.channelIds[0]! };
}

/** An alert and its pending delivery, as routing makes them; returns the job's data. */
async function routed(ch: { subscriptionId: string; channelId: string }, storyId: string) {
  const s = p.services;
  const article = makeArticle({ id: `art_${storyId}`, sourceId: 'wire', url: `https://news.test/${storyId}` });
  await s.articles.putIfAbsent(article);
  const alert = { id: alertId(ch.subscriptionId, storyId), subscriptionId: ch.subscriptionId, storyId, articleId: article.id,
    relatedArticleIds: [], matches: [], createdAt: new Date().toISOString() };
  await s.alerts.createAlert(alert);
  const id = deliveryId(ch.subscriptionId, storyId, ch.channelId);
  await s.alerts.createDelivery({ id, alertId: alert.id, subscriptionId: ch.subscriptionId, channelId: ch.channelId, status: 'pending', attempts: 0 });
  const refs: DeliveryRefs = { alertId: alert.id, subscriptionId: ch.subscriptionId, channelId: ch.channelId, articleId: article.id, sourceId: 'wire' };
  return { deliveryId: id, refs };
}

/** Calls per Redis command, from INFO commandstats (commands run inside scripts count too). */
async function calls(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const m of (await p.services.redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out.set(m[1]!, Number(m[2]));
  return out;
}

async function warmed(path: string): Promise<{ ch: { subscriptionId: string; channelId: string }; limiter: EndpointLimiter }> {
  const ch = await channel(path);
  const limiter = createEndpointLimiter(4);
  assert.equal((await deliverAlert(p.services, await routed(ch, `${path.slice(1)}-first`), limiter)).status, 'submitted');
  return { ch, limiter };
}

test('a delivery to a known channel costs two script calls and no other round trip: read and claim, then the outcome', async () => {
  const { ch, limiter } = await warmed('/known');
  const job = await routed(ch, 'known-2');
  const before = await calls();
  const outcome = await deliverAlert(p.services, job, limiter);
  const after = await calls();
  assert.equal(outcome.status, 'submitted');
  const delta = (cmd: string) => (after.get(cmd) ?? 0) - (before.get(cmd) ?? 0);
  assert.equal(delta('evalsha') + delta('eval'), 2, 'open (reads + claim) and finish');
  for (const read of ['get', 'mget', 'hgetall']) assert.equal(delta(read), read === 'get' ? 4 : read === 'hgetall' ? 2 : 0, `${read} only inside the script`);
  assert.equal(delta('info'), 1, 'the commandstats read itself');
  const d = await p.services.alerts.getDelivery(job.deliveryId);
  assert.equal(d?.status, 'submitted');
  assert.equal(d?.attempts, 1);
  assert.deepEqual(rx.received.filter((r) => r.path === '/known').map((r) => r.id).slice(-1), [job.deliveryId], 'the webhook-id is the delivery id');
});

test('the same job run again sends nothing: the stored status is the guard', async () => {
  const { ch, limiter } = await warmed('/twice');
  const job = await routed(ch, 'twice-2');
  assert.equal((await deliverAlert(p.services, job, limiter)).status, 'submitted');
  const again = await deliverAlert(p.services, job, limiter);
  assert.deepEqual(again, { status: 'skipped', reason: 'already submitted' });
  assert.equal(rx.received.filter((r) => r.id === job.deliveryId).length, 1);
  assert.equal((await p.services.alerts.getDelivery(job.deliveryId))?.attempts, 1);
});

test('a disabled channel holds the delivery without claiming it or counting an attempt', async () => {
  const { ch, limiter } = await warmed('/disabled');
  const job = await routed(ch, 'disabled-2');
  const sub = (await p.services.subscriptions.get(ch.subscriptionId))!;
  await p.services.subscriptions.put({ ...sub, channels: sub.channels.map((c) => ({ ...c, disabled: true, disabledReason: 'endpoint answered 410 Gone' })) });
  const outcome = await deliverAlert(p.services, job, limiter);
  assert.equal(outcome.status, 'held');
  const d = await p.services.alerts.getDelivery(job.deliveryId);
  assert.equal(d?.status, 'held');
  assert.equal(d?.attempts, 0, 'no attempt was made');
  assert.equal(rx.received.filter((r) => r.id === job.deliveryId).length, 0);
  assert.ok((await p.services.alerts.listHeld()).includes(job.deliveryId));
});

test('a removed subscription ends the delivery dead, unsent', async () => {
  const { ch, limiter } = await warmed('/removed');
  const job = await routed(ch, 'removed-2');
  await p.services.subscriptions.remove(ch.subscriptionId);
  assert.deepEqual(await deliverAlert(p.services, job, limiter), { status: 'dead', reason: 'subscription removed' });
  assert.equal((await p.services.alerts.getDelivery(job.deliveryId))?.status, 'dead');
  assert.equal(rx.received.filter((r) => r.id === job.deliveryId).length, 0);
});

test('a delivery another worker is sending is left to it (busy), and nothing is sent', async () => {
  const { ch, limiter } = await warmed('/busy');
  const job = await routed(ch, 'busy-2');
  assert.equal(await p.services.alerts.claim(job.deliveryId, new Date(), 60_000), 'claimed'); // the other worker
  assert.deepEqual(await deliverAlert(p.services, job, limiter), { status: 'busy' });
  assert.equal(rx.received.filter((r) => r.id === job.deliveryId).length, 0);
  assert.equal((await p.services.alerts.getDelivery(job.deliveryId))?.attempts, 1, 'only the other worker\'s claim');
});

test('refs that disagree with the records are not trusted: the article is read from the alert', async () => {
  const { ch, limiter } = await warmed('/mismatch');
  const job = await routed(ch, 'mismatch-2');
  const decoy = makeArticle({ id: 'art_decoy', sourceId: 'wire', url: 'https://news.test/decoy', title: 'Decoy title' });
  await p.services.articles.putIfAbsent(decoy);
  assert.equal((await deliverAlert(p.services, { ...job, refs: { ...job.refs, articleId: decoy.id } }, limiter)).status, 'submitted');
  const got = rx.received.find((r) => r.id === job.deliveryId);
  assert.equal(got?.body.data.article.url, 'https://news.test/mismatch-2');
  assert.equal((await p.services.alerts.getDelivery(job.deliveryId))?.attempts, 1);
});

test('a channel whose URL moved is sent to its new URL, and the old endpoint\'s slot is given back', async () => {
  const { ch, limiter } = await warmed('/moved-from');
  const other = await startWebhookReceiver(); // another port: another origin
  try {
    const sub = (await p.services.subscriptions.get(ch.subscriptionId))!;
    other.setSecrets('/moved-to', [(await p.services.subscriptions.getSecrets(ch.subscriptionId, ch.channelId))!.current]);
    await p.services.subscriptions.put({ ...sub, channels: sub.channels.map((c) => (c.type === 'webhook' ? { ...c, url: other.url('/moved-to') } : c)) });
    const job = await routed(ch, 'moved-2');
    assert.equal((await deliverAlert(p.services, job, limiter)).status, 'submitted');
    assert.deepEqual(other.received.map((r) => r.id), [job.deliveryId]);
    const oldOrigin = new URL(rx.url('/')).origin;
    for (let i = 0; i < 4; i += 1) assert.equal(await limiter.acquire(oldOrigin, 0), true, 'every slot of the old endpoint is free');
  } finally {
    await other.close();
  }
});
