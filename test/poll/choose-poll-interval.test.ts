// Adaptive polling as tables and simulations: the interval follows the publish rate between its
// bounds, slows when a source goes quiet, converges on a source that publishes every N minutes (dated
// or not), and server hints only ever slow it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choosePollInterval, isIntervalChange, scheduledIntervalSeconds, type PacingInput } from '../../src/core/poll/choose-poll-interval.js';
import { publishTimes } from '../../src/core/poll/publish-times.js';
import type { FeedItem } from '../../src/core/model/feed-item.js';
import type { SourceConfig } from '../../src/core/model/source.js';

const now = new Date('2026-12-01T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const bounds = { minSeconds: 300, maxSeconds: 6 * 3600 };
/** Publish times every `gapMin` minutes, the newest `ageMin` minutes ago (one gap ago: the next is due now). */
const every = (gapMin: number, count: number, ageMin = 0) => Array.from({ length: count }, (_, i) => now.getTime() - (ageMin + i * gapMin) * MIN);

const cases: Array<[string, Partial<PacingInput>, number, string]> = [
  ['a source publishing every 30 min is polled every 30 min', { published: every(30, 20, 30) }, 30 * 60, 'rate'],
  ['a busy source is held at the minimum', { published: every(1, 100) }, 300, 'rate'],
  ['a source publishing twice a day is held at the maximum', { published: every(12 * 60, 10) }, 6 * 3600, 'rate'],
  ['no item in the last week: the maximum', { published: every(60, 5, 8 * 24 * 60) }, 6 * 3600, 'quiet'],
  ['no history at all: the maximum', { published: [] }, 6 * 3600, 'quiet'],
  ['a source gone quiet slows down (every 10 min, silent for 2 h)', { published: every(10, 12, 120) }, Math.round((120 + 110) * 60 / 12), 'rate'],
  ['items dated in the future are not counted', { published: [now.getTime() + HOUR, ...every(60, 4)] }, 3600 * 3 / 4, 'rate'],
  ['a fixed interval ignores the rate', { published: every(1, 100), fixedSeconds: 900 }, 900, 'fixed'],
  ['a hint longer than the chosen interval slows it (Cache-Control)', { published: every(10, 30), hints: { cacheControl: 'max-age=3600' } }, 3600, 'hint'],
  ['a hint shorter than the chosen interval changes nothing', { published: every(60, 30, 60), hints: { cacheControl: 'max-age=60' } }, 3600, 'rate'],
  ['Retry-After slows a fixed interval too', { published: [], fixedSeconds: 60, hints: { retryAfter: '600' } }, 600, 'hint'],
  ['RSS <ttl> shorter than the maximum cannot speed up a quiet source', { published: [], hints: { ttlSeconds: 600 } }, 6 * 3600, 'quiet'],
];
for (const [name, input, seconds, rule] of cases) {
  test(`poll interval: ${name}`, () => {
    const chosen = choosePollInterval({ now, published: [], ...bounds, ...input });
    assert.equal(chosen.seconds, seconds, chosen.reason);
    assert.equal(chosen.rule, rule);
    assert.ok(chosen.reason.length > 0, 'says why');
  });
}

test('poll interval: the reason says the rate and when a bound holds it', () => {
  assert.match(choosePollInterval({ now, published: every(30, 20, 30), ...bounds }).reason, /20 item\(s\) in .*about one every 30 min$/);
  assert.match(choosePollInterval({ now, published: every(1, 100), ...bounds }).reason, /held at the minimum/);
});

test('reschedule only on a change of more than a tenth', () => {
  assert.equal(isIntervalChange(undefined, 600), true);
  assert.equal(isIntervalChange(600, 650), false);
  assert.equal(isIntervalChange(600, 700), true);
  assert.equal(isIntervalChange(600, 500), true);
});

test('the scheduled interval of an adaptive source stays within its bounds; a fixed one is its own', () => {
  const base: SourceConfig = { id: 'x', name: 'x', url: 'https://example.org/', kind: 'feed', intervalSeconds: 900, fetchArticles: false, enabled: true };
  assert.equal(scheduledIntervalSeconds(base, 60), 900);
  const adaptive = { ...base, minIntervalSeconds: 300, maxIntervalSeconds: 3600 };
  assert.equal(scheduledIntervalSeconds(adaptive, undefined), 900);
  assert.equal(scheduledIntervalSeconds(adaptive, 60), 300);
  assert.equal(scheduledIntervalSeconds(adaptive, 7200), 3600);
});

/**
 * A feed publishing every `gapMin` minutes (from a week ago, showing its newest `window` items), polled
 * at whatever interval is chosen, starting from `startSeconds`. Returns the intervals chosen, in order.
 */
function simulate(gapMin: number, opts: { dated: boolean; window: number; polls: number; startSeconds: number; firstItemAgoMin: number }): number[] {
  const t0 = now.getTime() - opts.firstItemAgoMin * MIN;
  const seen = new Set<string>();
  const published: number[] = [];
  const chosen: number[] = [];
  let at = now.getTime();
  let interval = opts.startSeconds;
  for (let poll = 0; poll < opts.polls; poll += 1) {
    const count = Math.floor((at - t0) / (gapMin * MIN)) + 1;
    const visible: FeedItem[] = Array.from({ length: Math.min(count, opts.window) }, (_, i) => {
      const k = count - 1 - i;
      return { key: `item-${k}`, title: `item ${k}`, summary: '', ...(opts.dated ? { published: new Date(t0 + k * gapMin * MIN).toISOString() } : {}) };
    });
    const unseen = visible.filter((i) => !seen.has(i.key));
    for (const i of unseen) seen.add(i.key);
    published.push(...publishTimes(unseen, new Date(at), poll === 0).map((p) => p.at));
    interval = choosePollInterval({ now: new Date(at), published: published.slice(-200), ...bounds }).seconds;
    chosen.push(interval);
    at += interval * 1000;
  }
  return chosen;
}

const within = (x: number, target: number, tolerance: number) => Math.abs(x - target) <= tolerance * target;

for (const gapMin of [12, 45, 120]) {
  test(`converges on a source with dated items published every ${gapMin} min, from its first poll`, () => {
    const chosen = simulate(gapMin, { dated: true, window: 20, polls: 40, startSeconds: 900, firstItemAgoMin: 7 * 24 * 60 });
    for (const s of chosen.slice(1)) assert.ok(within(s, gapMin * 60, 0.15), `interval ${s} s for a ${gapMin}-minute source: ${chosen.join(',')}`);
  });
}

test('converges on a new source that starts publishing every 20 min (no backlog)', () => {
  const chosen = simulate(20, { dated: true, window: 20, polls: 60, startSeconds: 900, firstItemAgoMin: 0 });
  for (const s of chosen.slice(-20)) assert.ok(within(s, 20 * 60, 0.15), `interval ${s} s: ${chosen.join(',')}`);
});

test('converges on a source with undated items published every 30 min (first-seen times)', () => {
  const chosen = simulate(30, { dated: false, window: 20, polls: 80, startSeconds: 900, firstItemAgoMin: 7 * 24 * 60 });
  for (const s of chosen.slice(-20)) assert.ok(within(s, 30 * 60, 0.25), `interval ${s} s: ${chosen.join(',')}`);
});

test('publish times: an item\'s own date, never later than now; undated items when first seen, one for a first poll\'s backlog', () => {
  const items: FeedItem[] = [
    { key: 'dated', title: '', summary: '', published: new Date(now.getTime() - HOUR).toISOString() },
    { key: 'future', title: '', summary: '', published: new Date(now.getTime() + HOUR).toISOString() },
    { key: 'undated-1', title: '', summary: '' },
    { key: 'undated-2', title: '', summary: '' },
  ];
  assert.deepEqual(publishTimes(items, now, false).map((p) => p.at), [now.getTime() - HOUR, now.getTime(), now.getTime(), now.getTime()]);
  assert.deepEqual(publishTimes(items, now, true).map((p) => p.at), [now.getTime() - HOUR, now.getTime(), now.getTime()]);
  const members = publishTimes(items, now, false).map((p) => p.member);
  assert.equal(new Set(members).size, 4, 'one member per item');
});
