// Retry schedule: the default table, ±20 % jitter, the end of the table, Retry-After clamping and parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WEBHOOK_SCHEDULE_MS, nextAttemptDelay } from '../../src/core/deliver/retry-schedule.js';
import { parseRetryAfter } from '../../src/core/deliver/parse-retry-after.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const mid = (): number => 0.5;

test('default table: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, about a day in all', () => {
  assert.deepEqual([...DEFAULT_WEBHOOK_SCHEDULE_MS], [5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H]);
  const total = DEFAULT_WEBHOOK_SCHEDULE_MS.reduce((a, b) => a + b, 0);
  assert.ok(total >= 24 * H && total <= 30 * H, `total ${total / H} h`);
});

test('first attempt is immediate; attempt n+1 waits schedule[n-1] (no jitter at random=0.5)', () => {
  assert.equal(nextAttemptDelay(0, DEFAULT_WEBHOOK_SCHEDULE_MS, { random: mid }), 0);
  DEFAULT_WEBHOOK_SCHEDULE_MS.forEach((d, i) => {
    assert.equal(nextAttemptDelay(i + 1, DEFAULT_WEBHOOK_SCHEDULE_MS, { random: mid }), d);
  });
});

test('ends after the table: 8 attempts, then undefined (dead)', () => {
  const n = DEFAULT_WEBHOOK_SCHEDULE_MS.length;
  assert.notEqual(nextAttemptDelay(n, DEFAULT_WEBHOOK_SCHEDULE_MS, { random: mid }), undefined);
  assert.equal(nextAttemptDelay(n + 1, DEFAULT_WEBHOOK_SCHEDULE_MS, { random: mid }), undefined);
  assert.equal(nextAttemptDelay(n + 5, DEFAULT_WEBHOOK_SCHEDULE_MS, { random: mid, retryAfterMs: 1000 }), undefined);
  assert.equal(nextAttemptDelay(-1, DEFAULT_WEBHOOK_SCHEDULE_MS, { random: mid }), undefined);
});

test('jitter keeps every delay within ±20 % of the table and uses the whole band', () => {
  const randoms = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999999];
  DEFAULT_WEBHOOK_SCHEDULE_MS.forEach((d, i) => {
    const got = randoms.map((r) => nextAttemptDelay(i + 1, DEFAULT_WEBHOOK_SCHEDULE_MS, { random: () => r })!);
    for (const g of got) assert.ok(g >= d * 0.8 - 1 && g <= d * 1.2 + 1, `attempt ${i + 2}: ${g} vs ${d}`);
    assert.ok(Math.min(...got) <= d * 0.81 && Math.max(...got) >= d * 1.19, 'band is used');
  });
});

test('an injected millisecond schedule: cumulative attempt times stay within ±20 % and stop after the table', () => {
  const schedule = [5, 50, 300, 1200];
  let seed = 7;
  const random = (): number => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const times = [0];
  for (let made = 1; ; made += 1) {
    const d = nextAttemptDelay(made, schedule, { random });
    if (d === undefined) break;
    times.push(times[times.length - 1]! + d);
  }
  assert.equal(times.length, schedule.length + 1);
  let expected = 0;
  schedule.forEach((d, i) => {
    expected += d;
    assert.ok(Math.abs(times[i + 1]! - expected) <= expected * 0.2 + 1, `attempt ${i + 2} at ${times[i + 1]} vs ${expected}`);
  });
});

const CLAMP: Array<[string, number, number]> = [
  // [case, retryAfterMs, expected] for attempt 2 of the default table (scheduled 5 min)
  ['Retry-After shorter than the table waits for the table', 10 * S, 5 * M],
  ['Retry-After inside [scheduled, 2x] is honoured exactly', 7 * M, 7 * M],
  ['Retry-After beyond 2x the table is cut to 2x', 3 * H, 10 * M],
  ['Retry-After 0 waits for the table', 0, 5 * M],
];
for (const [name, retryAfterMs, expected] of CLAMP) {
  test(name, () => {
    assert.equal(nextAttemptDelay(2, DEFAULT_WEBHOOK_SCHEDULE_MS, { random: () => 0, retryAfterMs }), expected);
  });
}

const NOW = new Date('2026-03-01T12:00:00Z');
const RETRY_AFTER: Array<[string, string | undefined, number | undefined]> = [
  ['delay-seconds', '120', 120 * S],
  ['delay-seconds with spaces', ' 30 ', 30 * S],
  ['IMF-fixdate in the future', 'Sun, 01 Mar 2026 12:02:00 GMT', 2 * M],
  ['HTTP-date in the past means now', 'Sun, 01 Mar 2026 11:00:00 GMT', 0],
  ['RFC 850 date', 'Sunday, 01-Mar-26 12:01:00 GMT', 1 * M],
  ['absurd delay is capped at a week', '99999999999', 7 * 24 * H],
  ['negative number is ignored', '-5', undefined],
  ['fraction is ignored', '1.5', undefined],
  ['garbage is ignored', 'soon', undefined],
  ['bare ISO date is ignored (not an HTTP-date)', '2026-03-01T12:05:00Z', undefined],
  ['missing header', undefined, undefined],
];
for (const [name, value, expected] of RETRY_AFTER) {
  test(`parseRetryAfter: ${name}`, () => assert.equal(parseRetryAfter(value, NOW), expected));
}
