// Polling rules as tables: which unseen items are news (no flood on a first poll, old items recorded
// only), and when a source may be fetched again (Retry-After, Cache-Control, <ttl>, backoff; bounded).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectNewItems } from '../../src/core/poll/select-new-items.js';
import { MAX_BACKOFF_MS, MAX_HINT_DELAY_MS, notBeforeAfterFailure, notBeforeAfterSuccess } from '../../src/core/poll/next-poll-delay.js';
import type { FeedItem } from '../../src/core/model/feed-item.js';

const now = new Date('2026-11-25T12:00:00Z');
const item = (key: string, hoursAgo?: number): FeedItem =>
  ({ key, title: key, summary: '', ...(hoursAgo === undefined ? {} : { published: new Date(now.getTime() - hoursAgo * 3600_000).toISOString() }) });
const DAY = 24 * 3600_000;

const selections: Array<[string, FeedItem[], { firstPoll: boolean; backfill: number; maxPerPoll: number }, string[], string[]]> = [
  ['a first poll records everything but the newest `backfill` items', [item('a', 3), item('b', 1), item('c', 2)], { firstPoll: true, backfill: 1, maxPerPoll: 100 }, ['b'], ['c', 'a']],
  ['a first poll with backfill 0 processes nothing', [item('a', 1), item('b', 2)], { firstPoll: true, backfill: 0, maxPerPoll: 100 }, [], ['a', 'b']],
  ['later polls process every unseen item', [item('a', 1), item('b', 2)], { firstPoll: false, backfill: 0, maxPerPoll: 100 }, ['a', 'b'], []],
  ['items older than the age limit are history (a broken source coming back)', [item('new', 1), item('old', 24 * 30)], { firstPoll: false, backfill: 0, maxPerPoll: 100 }, ['new'], ['old']],
  ['undated items keep feed order and count as news', [item('x'), item('y')], { firstPoll: false, backfill: 0, maxPerPoll: 100 }, ['x', 'y'], []],
  ['a flood is capped per poll, newest first', [item('a', 3), item('b', 1), item('c', 2)], { firstPoll: false, backfill: 0, maxPerPoll: 2 }, ['b', 'c'], ['a']],
];
for (const [name, unseen, o, process, recordOnly] of selections) {
  test(`select new items: ${name}`, () => {
    const r = selectNewItems(unseen, { ...o, now, maxAgeMs: 7 * DAY });
    assert.deepEqual(r.process.map((i) => i.key), process);
    assert.deepEqual(r.recordOnly.map((i) => i.key), recordOnly);
  });
}

const successes: Array<[string, number, Parameters<typeof notBeforeAfterSuccess>[2], number | undefined]> = [
  ['no hint: the interval rules', 600, {}, undefined],
  ['Retry-After in seconds longer than the interval', 60, { retryAfter: '3600' }, 3600_000],
  ['Retry-After as an HTTP date', 60, { retryAfter: new Date(now.getTime() + 7200_000).toUTCString() }, 7200_000],
  ['Cache-Control max-age longer than the interval', 60, { cacheControl: 'public, max-age=1800' }, 1800_000],
  ['RSS <ttl> (given in seconds here)', 60, { ttlSeconds: 900 }, 900_000],
  ['a hint shorter than the interval changes nothing', 900, { cacheControl: 'max-age=60' }, undefined],
  ['a hint of a week is bounded', 60, { retryAfter: String(7 * 24 * 3600) }, MAX_HINT_DELAY_MS],
  ['a malformed Retry-After is ignored', 60, { retryAfter: 'soon' }, undefined],
];
for (const [name, interval, hints, delay] of successes) {
  test(`next poll after success: ${name}`, () => {
    const nb = notBeforeAfterSuccess(now, interval, hints);
    assert.equal(nb === undefined ? undefined : nb.getTime() - now.getTime(), delay);
  });
}

const failures: Array<[string, number, number, string | undefined, number]> = [
  ['first failure waits one interval', 60, 1, undefined, 60_000],
  ['third failure waits four intervals', 60, 3, undefined, 240_000],
  ['backoff is capped', 600, 20, undefined, MAX_BACKOFF_MS],
  ['Retry-After longer than the backoff wins', 60, 1, '600', 600_000],
];
for (const [name, interval, n, retryAfter, delay] of failures) {
  test(`next poll after failure: ${name}`, () => {
    assert.equal(notBeforeAfterFailure(now, interval, n, retryAfter).getTime() - now.getTime(), delay);
  });
}
