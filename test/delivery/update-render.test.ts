// Rendering an alert update (alert.updated): the webhook body, the email that replies in the alert's
// thread, the Slack-style message, and the change lines they share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderWebhookUpdatePayload, type UpdateArticle } from '../../src/core/render/webhook-update-payload.js';
import { renderUpdateEmail } from '../../src/core/render/update-email.js';
import { renderSlackUpdate } from '../../src/core/render/slack-update-message.js';
import { changeLine } from '../../src/core/render/change-line.js';
import type { AlertUpdate } from '../../src/core/model/alert-update.js';
import { makeAlert, makeArticle, makeSubscription } from './alert-fixture.js';

const UPDATE: AlertUpdate = {
  alertId: 'alr_abc', seq: 1, consumed: 2, createdAt: '2026-02-28T11:00:00Z',
  event: { type: 'air_strike', killed: 9, injured: 4 }, summary: 'Drone strike · 9 killed · 4 injured · Boukamal (Deir ez-Zor)',
  changes: [
    { field: 'killed', from: 6, to: 9, sourceId: 'src_sohr_en', articleId: 'art_b' },
    { field: 'injured', from: null, to: 4, sourceId: 'src_sohr_ar', articleId: 'art_c' },
  ],
};
const FIRST: UpdateArticle = { article: makeArticle(), sourceName: 'OSDH' };
const ARTICLES = new Map<string, UpdateArticle>([
  ['art_0123456789abcdef01234567', FIRST],
  ['art_b', { article: makeArticle({ id: 'art_b', url: 'https://sohr.example/en/9-killed', title: 'Toll rises to 9 in Boukamal', sourceId: 'src_sohr_en', lang: 'en' }), sourceName: 'SOHR <English>' }],
]);
const ENVELOPE = { subscription: makeSubscription(), unsubscribeUrl: 'https://vigie.example.test/v1/unsubscribe/tok', deliveryId: 'msg_update1', domain: 'vigie.example.test' };

const CHANGE_LINES: Array<[string, Parameters<typeof changeLine>[0], string]> = [
  ['a toll going up', { field: 'killed', from: 6, to: 9 }, 'Killed: 6 → 9'],
  ['injured given for the first time', { field: 'injured', from: null, to: 4 }, 'Injured: not given → 4'],
  ['a type, in words', { field: 'type', from: 'none', to: 'explosion_ied' }, 'Type: No security event → Explosion'],
];
for (const [name, c, want] of CHANGE_LINES) test(`changeLine: ${name}`, () => assert.equal(changeLine(c), want));

test('alert.updated webhook: same alert id, the update, the event now, each change with its source and article', () => {
  const body = JSON.parse(renderWebhookUpdatePayload({ alert: makeAlert(), update: UPDATE, subscription: makeSubscription(), articles: ARTICLES, now: new Date('2026-02-28T11:00:05Z') }));
  assert.equal(body.type, 'alert.updated');
  assert.equal(body.timestamp, '2026-02-28T11:00:05.000Z');
  assert.deepEqual(body.data.alert, { id: 'alr_abc', storyId: 'sto_1', createdAt: '2026-02-28T09:21:00Z' });
  assert.deepEqual(body.data.update, { seq: 1, createdAt: '2026-02-28T11:00:00Z' });
  assert.deepEqual(body.data.event, { type: 'air_strike', killed: 9, injured: 4 });
  assert.deepEqual(body.data.changes, UPDATE.changes.map(({ field, from, to, sourceId, articleId }) => ({ field, from, to, sourceId, articleId })));
  // An expired article (art_c) keeps its id on the change and is left out of the article list.
  assert.deepEqual(body.data.articles, [{ id: 'art_b', url: 'https://sohr.example/en/9-killed', title: 'Toll rises to 9 in Boukamal', source: 'SOHR <English>', language: 'en', published: '2026-02-28T09:15:00Z' }]);
});

test('update email: "Re: " + the alert\'s subject, In-Reply-To and References name the alert email, its own Message-ID', () => {
  const m = renderUpdateEmail({ ...ENVELOPE, update: UPDATE, alertDeliveryId: 'msg_alert1', first: FIRST, articles: ARTICLES });
  assert.equal(m.subject, 'Re: [Deir ez-Zor] Frappe de drone près de Boukamal');
  assert.equal(m.headers['Message-ID'], '<msg_update1@vigie.example.test>');
  assert.equal(m.headers['In-Reply-To'], '<msg_alert1@vigie.example.test>');
  assert.equal(m.headers.References, '<msg_alert1@vigie.example.test>');
  assert.match(m.text, /^Update: Drone strike · 9 killed · 4 injured · Boukamal \(Deir ez-Zor\)\n\n- Killed: 6 → 9 \(SOHR <English>: Toll rises to 9 in Boukamal https:\/\/sohr\.example\/en\/9-killed\)\n- Injured: not given → 4\n/);
  assert.match(m.html, /SOHR &lt;English&gt;/);
  assert.doesNotMatch(m.html, /SOHR <English>/);
  assert.match(m.text, /Unsubscribe: https:\/\/vigie\.example\.test\/v1\/unsubscribe\/tok/);
});

test('update email: a hostile first title stays one clean subject line; an expired first article still replies', () => {
  const hostile = renderUpdateEmail({ ...ENVELOPE, update: UPDATE, alertDeliveryId: 'msg_alert1', articles: ARTICLES,
    first: { ...FIRST, article: makeArticle({ title: 'Breaking\r\nBcc: victim@evil.test\u202E' }) } });
  assert.doesNotMatch(hostile.subject, /[\r\n\u202E]/);
  const expired = renderUpdateEmail({ ...ENVELOPE, update: UPDATE, alertDeliveryId: 'msg_alert1', articles: new Map() });
  assert.equal(expired.subject, 'Re: [Deir ez-Zor] New alert');
  assert.equal(expired.headers['In-Reply-To'], '<msg_alert1@vigie.example.test>');
});

test('Slack update: the summary, the alert it updates and each change with its source, mrkdwn-escaped', () => {
  const m = renderSlackUpdate({ update: UPDATE, subscription: makeSubscription(), first: FIRST, articles: ARTICLES });
  assert.equal(m.text, '[Deir ez-Zor] Update: Drone strike · 9 killed · 4 injured · Boukamal (Deir ez-Zor) (Frappe de drone près de Boukamal)');
  assert.equal((m.blocks[1] as { text: { text: string } }).text.text, '• Killed: 6 → 9 _SOHR &lt;English&gt;_\n• Injured: not given → 4');
});
