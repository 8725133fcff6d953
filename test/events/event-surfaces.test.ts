// The main event's summary goes everywhere an alert goes: the webhook payload (summary + events), the
// email (HTML and text), the Atom entry. An alert with no event (or `none`) shows no event line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderWebhookPayload } from '../../src/core/render/webhook-payload.js';
import { renderAlertBlockHtml, renderAlertBlockText } from '../../src/core/render/email-alert-block.js';
import { renderAtom } from '../../src/api/render-atom.js';
import type { ArticleEvent } from '../../src/core/events/event.js';
import { makeAlert, makeArticle, makeSubscription } from '../delivery/alert-fixture.js';

const strike: ArticleEvent = {
  type: 'air_strike', killed: 6, injured: null, where: ['sy-town-abu-kamal'], actors: [],
  evidence: [{ field: 'title', start: 0, end: 32, sentence: 'Frappe de drone près de Boukamal' }],
  summary: 'Drone strike · 6 killed · Abu Kamal (Deir ez-Zor)',
};
const SUMMARY = 'Drone strike · 6 killed · Abu Kamal (Deir ez-Zor)';

test('webhook payload carries the summary and the events', () => {
  const body = JSON.parse(renderWebhookPayload({ alert: makeAlert({ events: [strike] }), article: makeArticle(), subscription: makeSubscription(), sourceName: 'OSDH', now: new Date('2026-03-01T00:00:00Z') }));
  assert.equal(body.data.summary, SUMMARY);
  assert.deepEqual(body.data.events.map((e: ArticleEvent) => [e.type, e.killed, e.injured, e.where]), [['air_strike', 6, null, ['sy-town-abu-kamal']]]);
  assert.equal(body.data.events[0].evidence[0].sentence, 'Frappe de drone près de Boukamal');
});

test('webhook payload of an alert without events says so', () => {
  const body = JSON.parse(renderWebhookPayload({ alert: makeAlert(), article: makeArticle(), subscription: makeSubscription(), sourceName: 'OSDH', now: new Date('2026-03-01T00:00:00Z') }));
  assert.deepEqual([body.data.summary, body.data.events], [null, []]);
});

test('email shows the one-line summary in HTML and text', () => {
  const item = { alert: makeAlert({ events: [strike] }), article: makeArticle(), sourceName: 'OSDH' };
  assert.ok(renderAlertBlockText(item).split('\n').includes(SUMMARY));
  assert.ok(renderAlertBlockHtml(item).includes('Drone strike · 6 killed · Abu Kamal (Deir ez-Zor)'));
  const none = { ...item, alert: makeAlert({ events: [{ ...strike, type: 'none', killed: null, summary: 'No security event' }] }) };
  assert.ok(!renderAlertBlockText(none).includes('No security event'));
});

test('Atom entry summary opens with the event line', () => {
  const xml = renderAtom({ subscriptionId: 'sub_1', title: 't', selfUrl: 'https://vigie.example/feed', updated: new Date('2026-03-01T00:00:00Z'),
    alerts: [{ alert: makeAlert({ events: [strike] }), article: makeArticle() }] });
  assert.match(xml, /<summary type="text">Drone strike · 6 killed · Abu Kamal \(Deir ez-Zor\)\n/);
});
