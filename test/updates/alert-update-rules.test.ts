// The pure rules of alert updates: what a later report adds (diffEvent), the story's best-known event
// with who reported each change (foldObservations), the update made from them (planUpdate), and which
// channels get it (planUpdateDeliveries). Table cases: the case name is the rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffEvent, type EventFacts } from '../../src/core/events/diff-event.js';
import { foldObservations } from '../../src/core/events/fold-observations.js';
import { planUpdate } from '../../src/core/updates/plan-update.js';
import { planUpdateDeliveries } from '../../src/core/updates/plan-update-deliveries.js';
import { updateDeliveryId, deliveryId } from '../../src/core/deliver/delivery-ids.js';
import type { EventObservation } from '../../src/core/model/alert-update.js';
import type { DeliveryStatus } from '../../src/core/model/alert.js';
import { makeAlert, makeMatch, makeSubscription } from '../delivery/alert-fixture.js';

const ev = (type: EventFacts['type'], killed: number | null, injured: number | null = null): EventFacts => ({ type, killed, injured });

const DIFF_CASES: Array<[string, EventFacts, EventFacts, ReturnType<typeof diffEvent>]> = [
  ['a copy with the same toll adds nothing', ev('air_strike', 6), ev('air_strike', 6), null],
  ['a copy with a lower (older) toll adds nothing', ev('air_strike', 6), ev('air_strike', 3), null],
  ['a copy that gives no toll adds nothing', ev('air_strike', 6), ev('air_strike', null), null],
  ['a higher toll is a change of killed', ev('air_strike', 6), ev('air_strike', 9), [{ field: 'killed', from: 6, to: 9 }]],
  ['a first toll is a change of killed from null', ev('air_strike', null), ev('air_strike', 2), [{ field: 'killed', from: null, to: 2 }]],
  ['injured given for the first time', ev('air_strike', 6), ev('air_strike', 6, 4), [{ field: 'injured', from: null, to: 4 }]],
  ['injured going up', ev('air_strike', 6, 4), ev('air_strike', 6, 7), [{ field: 'injured', from: 4, to: 7 }]],
  ['a specific type where there was none', ev('none', null), ev('explosion_ied', null), [{ field: 'type', from: 'none', to: 'explosion_ied' }]],
  ['a specific type where there was "other"', ev('other', 2), ev('air_strike', 2), [{ field: 'type', from: 'other', to: 'air_strike' }]],
  ['another specific type is a copy read differently, not news', ev('air_strike', 6), ev('armed_clash', 6), null],
  ['"other" after a specific type adds nothing', ev('air_strike', 6), ev('other', 6), null],
  ['type, killed and injured at once, in that order', ev('none', null), ev('shelling_missile', 3, 5),
    [{ field: 'type', from: 'none', to: 'shelling_missile' }, { field: 'killed', from: null, to: 3 }, { field: 'injured', from: null, to: 5 }]],
];
for (const [name, prev, next, want] of DIFF_CASES) {
  test(`diffEvent: ${name}`, () => assert.deepEqual(diffEvent(prev, next), want));
}

const obs = (articleId: string, sourceId: string, e: EventFacts): EventObservation => ({ articleId, sourceId, ...e });

test('foldObservations: the latest rise of each field wins, with the article and source that gave it', () => {
  const f = foldObservations(ev('air_strike', 6), [
    obs('a2', 'relay', ev('air_strike', 9)),
    obs('a3', 'wire', ev('air_strike', 11, 4)),
    obs('a4', 'relay', ev('air_strike', 10)), // older figure arriving late: no change
  ]);
  assert.deepEqual(f.event, ev('air_strike', 11, 4));
  assert.deepEqual(f.changes, [
    { field: 'killed', from: 6, to: 11, sourceId: 'wire', articleId: 'a3' },
    { field: 'injured', from: null, to: 4, sourceId: 'wire', articleId: 'a3' },
  ]);
});

test('foldObservations: copies that add nothing fold to no change', () => {
  assert.deepEqual(foldObservations(ev('air_strike', 6), [obs('a2', 'x', ev('air_strike', 6)), obs('a3', 'y', ev('other', 5))]).changes, []);
});

const ALERT = makeAlert({
  id: 'alr_1', matches: [makeMatch({ entityId: 'sy-town-abu-kamal', name: 'Abu Kamal', path: ['Abu Kamal', 'Abu Kamal District', 'Deir ez-Zor Governorate', 'Syria'] })],
  events: [{ type: 'air_strike', killed: 6, injured: null, where: ['sy-town-abu-kamal'], actors: [], evidence: [], summary: 'Drone strike · 6 killed · Abu Kamal (Deir ez-Zor)' }],
});
const NOW = new Date('2026-03-11T12:00:00Z');

test('planUpdate: the next seq, the changes, the new event and a summary with the alert\'s place and drone', () => {
  const u = planUpdate({ alert: ALERT, told: ev('air_strike', 6), seq: 0, observations: [obs('a2', 'relay', ev('air_strike', 9, 2))], now: NOW });
  assert.deepEqual(u, {
    alertId: 'alr_1', seq: 1, event: ev('air_strike', 9, 2), summary: 'Drone strike · 9 killed · 2 injured · Abu Kamal (Deir ez-Zor)',
    changes: [{ field: 'killed', from: 6, to: 9, sourceId: 'relay', articleId: 'a2' }, { field: 'injured', from: null, to: 2, sourceId: 'relay', articleId: 'a2' }],
    consumed: 1, createdAt: NOW.toISOString(),
  });
});

test('planUpdate: nothing new (what was told already covers the readings) is null', () => {
  assert.equal(planUpdate({ alert: ALERT, told: ev('air_strike', 9), seq: 1, observations: [obs('a2', 'relay', ev('air_strike', 9))], now: NOW }), null);
});

test('planUpdateDeliveries: only channels that had the alert; digests and unsubscribed mailboxes get none; a disabled webhook holds it', () => {
  const sub = makeSubscription({ channels: [
    { id: 'ch_hook', type: 'webhook', url: 'https://rx.example/h', format: 'standard' },
    { id: 'ch_off', type: 'webhook', url: 'https://rx.example/off', format: 'standard', disabled: true, disabledReason: 'endpoint answered 410' },
    { id: 'ch_mail', type: 'email', address: 'a@ngo.test', mode: 'immediate' },
    { id: 'ch_failing', type: 'webhook', url: 'https://rx.example/f', format: 'standard' },
    { id: 'ch_daily', type: 'email', address: 'b@ngo.test', mode: 'daily' },
    { id: 'ch_gone', type: 'email', address: 'c@ngo.test', mode: 'immediate', unsubscribed: true },
  ] });
  const statuses: Record<string, DeliveryStatus> = { ch_hook: 'submitted', ch_off: 'submitted', ch_mail: 'submitted', ch_failing: 'failed', ch_daily: 'submitted', ch_gone: 'submitted' };
  const out = planUpdateDeliveries({ subscription: sub, alertId: 'alr_1', storyId: 'sto_1', seq: 2, alertDelivery: (id) => statuses[id] });
  assert.deepEqual(out.map((d) => [d.channelId, d.status, d.updateSeq]), [['ch_hook', 'pending', 2], ['ch_off', 'held', 2], ['ch_mail', 'pending', 2]]);
  assert.equal(out[0]!.id, updateDeliveryId(sub.id, 'sto_1', 'ch_hook', 2));
  assert.notEqual(out[0]!.id, deliveryId(sub.id, 'sto_1', 'ch_hook'), 'a new webhook-id, not the alert\'s');
  assert.notEqual(out[0]!.id, updateDeliveryId(sub.id, 'sto_1', 'ch_hook', 1), 'each update its own');
});
