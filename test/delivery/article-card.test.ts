// Deliveries read an article's card (the article without its text) instead of the whole record: the
// payload is the same as from the whole article, an article stored before cards existed is still
// delivered (from its whole record), and the card is always the stored article's. Real Redis and a real
// receiver on loopback; the deliver stage is called directly, no queue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { createEndpointLimiter, deliverAlert, type EndpointLimiter } from '../../src/pipeline/deliver-alert.js';
import { alertId, deliveryId } from '../../src/core/deliver/delivery-ids.js';
import { toArticleCard } from '../../src/core/model/article-card.js';
import { renderWebhookPayload } from '../../src/core/render/webhook-payload.js';
import { renderSlackMessage } from '../../src/core/render/slack-message.js';
import { renderAlertEmail } from '../../src/core/render/email-message.js';
import type { Article } from '../../src/core/model/article.js';
import { makeAlert, makeArticle, makeMatch, makeSubscription } from './alert-fixture.js';

let p: Pipeline;
let rx: WebhookReceiver;
let limiter: EndpointLimiter;
let ch: { subscriptionId: string; channelId: string };

before(async () => {
  p = await startPipeline();
  await p.workers.close(); // the stage is called directly below
  rx = await startWebhookReceiver();
  const sub = await p.subscribe({ name: 'cards', query: 'cards', channels: [{ type: 'webhook', url: rx.url('/cards'), format: 'standard' }] });
  rx.setSecrets('/cards', [sub.secret!]);
  ch = { subscriptionId: sub.id, channelId: sub.channelIds[0]! };
  limiter = createEndpointLimiter(4);
});

after(async () => {
  await p.close();
  await rx.close();
});

const LONG_TEXT = 'Une frappe de drone a visé un véhicule près de Boukamal, dans la province de Deir Ezzor. '.repeat(200);

/** A stored article (whole record and card, as the article stage stores it, or `oldFormat`: the record only). */
async function store(storyId: string, oldFormat = false): Promise<Article> {
  const article = makeArticle({ id: `art_${storyId}`, url: `https://news.test/${storyId}`, title: `Frappe ${storyId}`, text: LONG_TEXT,
    events: [], alsoFrom: ['other-wire'] });
  if (oldFormat) await p.services.redis.set(p.services.keys.article(article.id), JSON.stringify(article), 'EX', 3600);
  else assert.equal(await p.services.articles.putIfAbsent(article), true);
  return article;
}

/** An alert on `article` and its pending delivery, as routing makes them; the job's data, with or without refs. */
async function routed(article: Article, storyId: string, withRefs: boolean) {
  const s = p.services;
  const alert = { id: alertId(ch.subscriptionId, storyId), subscriptionId: ch.subscriptionId, storyId, articleId: article.id,
    relatedArticleIds: [], matches: [makeMatch()], createdAt: new Date().toISOString() };
  await s.alerts.createAlert(alert);
  const id = deliveryId(ch.subscriptionId, storyId, ch.channelId);
  await s.alerts.createDelivery({ id, alertId: alert.id, subscriptionId: ch.subscriptionId, channelId: ch.channelId, status: 'pending', attempts: 0 });
  const refs = { alertId: alert.id, subscriptionId: ch.subscriptionId, channelId: ch.channelId, articleId: article.id, sourceId: article.sourceId };
  return { job: withRefs ? { deliveryId: id, refs } : { deliveryId: id }, alert };
}

/** Delivers the job and returns the body received, checked against the payload the whole article gives at the same time. */
async function deliverAndCompare(article: Article, storyId: string, withRefs: boolean): Promise<void> {
  const { job, alert } = await routed(article, storyId, withRefs);
  assert.equal((await deliverAlert(p.services, job, limiter)).status, 'submitted');
  const got = rx.received.filter((r) => r.id === job.deliveryId);
  assert.equal(got.length, 1);
  const subscription = (await p.services.subscriptions.get(ch.subscriptionId))!;
  const expected = renderWebhookPayload({ alert, article, subscription, sourceName: article.sourceId, now: new Date(got[0]!.body.timestamp as string) });
  assert.deepEqual(got[0]!.body, JSON.parse(expected));
}

test('the card is the article without its text, events and alsoFrom: every field a renderer reads, and the same renders', () => {
  const article = makeArticle({ text: LONG_TEXT, events: [], alsoFrom: ['x'], extractError: 'EXTRACT_EMPTY' });
  const card = toArticleCard(article);
  assert.deepEqual(Object.keys(card).sort(), ['extractError', 'fetchedAt', 'id', 'lang', 'published', 'sourceId', 'summary', 'title', 'url']);
  const now = new Date('2026-03-01T00:00:00Z');
  const common = { alert: makeAlert({ matches: [makeMatch()] }), subscription: makeSubscription(), sourceName: 'OSDH' };
  assert.equal(renderWebhookPayload({ ...common, article: card, related: [card], now }), renderWebhookPayload({ ...common, article, related: [article], now }));
  assert.deepEqual(renderSlackMessage({ ...common, article: card }), renderSlackMessage({ ...common, article }));
  const envelope = { unsubscribeUrl: 'https://vigie.test/u', deliveryId: 'msg_x', domain: 'vigie.test' };
  assert.deepEqual(renderAlertEmail({ ...common, ...envelope, article: card }), renderAlertEmail({ ...common, ...envelope, article }));
});

test('a delivery reads the card, not the text, and sends the payload the whole article gives', async () => {
  const article = await store('card-1');
  const rawCard = await p.services.redis.get(p.services.keys.articleCard(article.id));
  assert.ok(rawCard !== null && !rawCard.includes('Boukamal, dans la province'), 'the stored card carries no text');
  assert.ok(rawCard.length < LONG_TEXT.length / 10);
  await deliverAndCompare(article, 'card-1', false); // first delivery on this channel: read from the delivery
  const second = await store('card-2');
  await deliverAndCompare(second, 'card-2', true); // known channel: one script reads the card and claims
});

test('an article stored before cards existed (whole record only) is still delivered, with the same payload', async () => {
  assert.equal((await deliverAlert(p.services, (await routed(await store('warm'), 'warm', true)).job, limiter)).status, 'submitted');
  const viaRefs = await store('old-1', true);
  assert.equal(await p.services.redis.exists(p.services.keys.articleCard(viaRefs.id)), 0);
  await deliverAndCompare(viaRefs, 'old-1', true);
  await deliverAndCompare(await store('old-2', true), 'old-2', false);
});

test('the card is the stored article\'s: storing the same id again changes neither, and writes no card for an old record', async () => {
  const first = await store('same-id');
  assert.equal(await p.services.articles.putIfAbsent({ ...first, title: 'A later extraction' }), false);
  assert.deepEqual((await p.services.articles.getCards([first.id])).map((c) => c.title), ['Frappe same-id']);
  const old = await store('old-same-id', true);
  assert.equal(await p.services.articles.putIfAbsent({ ...old, title: 'A later extraction' }), false);
  assert.equal(await p.services.redis.exists(p.services.keys.articleCard(old.id)), 0);
  const cards = await p.services.articles.getCards([old.id, 'art_missing', first.id]);
  assert.deepEqual(cards.map((c) => [c.id, c.title]), [[old.id, 'Frappe old-same-id'], [first.id, 'Frappe same-id']]);
  assert.deepEqual(cards[0], toArticleCard(old), 'an old record is cut down to its card');
});
