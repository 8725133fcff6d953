// The alert.created payload: shape, the 20 KB bound with hostile sizes, and no secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_WEBHOOK_PAYLOAD_BYTES, renderWebhookPayload } from '../../src/core/render/webhook-payload.js';
import { makeAlert, makeArticle, makeMatch, makeSubscription, WEBHOOK_SECRET } from './alert-fixture.js';

const NOW = new Date('2026-02-28T09:22:00Z');

test('shape: {type, timestamp, data{alert, subscription, article, story, matches}}', () => {
  const related = [makeArticle({ id: 'art_2', url: 'https://example.test/2', title: 'Drone strike near Abu Kamal', sourceId: 'src_sohr_en' })];
  const body = JSON.parse(renderWebhookPayload({ alert: makeAlert(), article: makeArticle(), subscription: makeSubscription(), sourceName: 'OSDH (fr)', related, now: NOW }));
  assert.equal(body.type, 'alert.created');
  assert.equal(body.timestamp, NOW.toISOString());
  assert.deepEqual(body.data.alert, { id: 'alr_abc', storyId: 'sto_1', createdAt: '2026-02-28T09:21:00Z' });
  assert.deepEqual(body.data.subscription, { id: 'sub_1', name: 'Deir ez-Zor' });
  assert.equal(body.data.article.url, 'https://www.syriahr.com/fr/12345/?utm=x&id=1');
  assert.equal(body.data.article.source, 'OSDH (fr)');
  assert.equal(body.data.article.language, 'fr');
  assert.equal(body.data.article.published, '2026-02-28T09:15:00Z');
  assert.equal(body.data.article.fetched, '2026-02-28T09:20:00Z');
  assert.deepEqual(body.data.story, { id: 'sto_1', related: [{ url: 'https://example.test/2', title: 'Drone strike near Abu Kamal', source: 'src_sohr_en' }] });
  assert.equal(body.data.matches.length, 1);
  assert.equal(body.data.matches[0].snippet, makeMatch().snippet);
  assert.deepEqual(body.data.matches[0].path, ['Boukamal', 'Deir ez-Zor', 'Syria']);
});

test('a 1 MB article with 500 huge matches stays under 20 KB and keeps its links and the hit', () => {
  const mb = 'حلب '.repeat(262_144); // ~1 MB of Arabic (2 bytes a letter in UTF-8)
  const article = makeArticle({ title: mb, summary: mb, text: mb, url: 'https://example.test/a/very/long/path' });
  const matches = Array.from({ length: 500 }, (_, i) => makeMatch({
    name: mb, alias: mb, entityId: `e${i}`,
    snippet: `${mb.slice(0, 50_000)}«Boukamal»${mb.slice(0, 50_000)}`,
    path: Array.from({ length: 100 }, () => mb.slice(0, 5000)),
  }));
  const related = Array.from({ length: 100 }, (_, i) => makeArticle({ url: `https://example.test/r/${i}`, title: mb }));
  const json = renderWebhookPayload({ alert: makeAlert({ matches }), article, subscription: makeSubscription({ name: mb }), sourceName: mb, related, now: NOW });
  const bytes = Buffer.byteLength(json, 'utf8');
  assert.ok(bytes <= MAX_WEBHOOK_PAYLOAD_BYTES, `${bytes} bytes`);
  const body = JSON.parse(json);
  assert.equal(body.data.article.url, 'https://example.test/a/very/long/path');
  assert.equal(body.data.matchCount, 500);
  assert.ok(body.data.matches.length >= 1);
  assert.match(body.data.matches[0].snippet, /«Boukamal»/);
  for (const r of body.data.story.related) assert.match(r.url, /^https:\/\/example\.test\/r\/\d+$/);
  assert.ok(body.data.article.title.endsWith('…'));
});

test('no channel address, token or signing secret reaches the payload', () => {
  const subscription = makeSubscription();
  const json = renderWebhookPayload({ alert: makeAlert(), article: makeArticle(), subscription, sourceName: 'OSDH', now: NOW });
  for (const secret of ['SECRET-TOKEN-123', 'hooks.example.test', 'analyst@example.test', WEBHOOK_SECRET, 'whsec_', 'owner_1']) {
    assert.ok(!json.includes(secret), `payload leaks ${secret}`);
  }
});

test('control characters in titles are removed from the payload', () => {
  const json = renderWebhookPayload({ alert: makeAlert(), article: makeArticle({ title: 'A\u0000B\u202EC\r\nD' }), subscription: makeSubscription(), sourceName: 'OSDH', now: NOW });
  assert.equal(JSON.parse(json).data.article.title, 'ABC D');
});
