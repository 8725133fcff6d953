// Source-health rules as tables: when a source becomes unhealthy (failing, or silent beyond its
// expected period, set or learned) and when it recovers; exactly one event per change of state, with
// the same id when the same change is judged twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextHealth, FAILURES_BEFORE_UNHEALTHY, type HealthObservation, type HealthRecord } from '../../src/core/health/next-health.js';
import { expectedPeriod, learnedExpectedPeriodMs } from '../../src/core/health/expected-period.js';

const now = new Date('2026-12-01T12:00:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const healthy: HealthRecord = { status: 'healthy', since: '2026-11-01T00:00:00.000Z' };
const failing: HealthRecord = { status: 'unhealthy', since: '2026-12-01T10:00:00.000Z', reason: 'failing', detail: '3 failed polls in a row' };
const silent: HealthRecord = { status: 'unhealthy', since: '2026-12-01T10:00:00.000Z', reason: 'silent', detail: 'no new item' };
const obs = (o: Partial<HealthObservation>): HealthObservation => ({ now, consecutiveFailures: 0, newestPublishedAt: now.getTime() - HOUR, ...o });
const daily = { ms: DAY, learned: false };

const cases: Array<[string, HealthRecord | undefined, HealthObservation, HealthRecord['status'], string | undefined]> = [
  ['a new source that polls fine is healthy, with no event', undefined, obs({}), 'healthy', undefined],
  ['one or two failures are routine', healthy, obs({ consecutiveFailures: FAILURES_BEFORE_UNHEALTHY - 1 }), 'healthy', undefined],
  ['three failures in a row make it unhealthy', healthy, obs({ consecutiveFailures: FAILURES_BEFORE_UNHEALTHY, lastErrorCode: 'HTTP_STATUS' }), 'unhealthy', 'source.unhealthy'],
  ['a new source that fails from the start becomes unhealthy', undefined, obs({ consecutiveFailures: 5 }), 'unhealthy', 'source.unhealthy'],
  ['more failures while unhealthy send nothing more', failing, obs({ consecutiveFailures: 9 }), 'unhealthy', undefined],
  ['a failure after a failing spell does not end it', failing, obs({ consecutiveFailures: 1 }), 'unhealthy', undefined],
  ['the first good poll ends a failing spell', failing, obs({ consecutiveFailures: 0 }), 'healthy', 'source.recovered'],
  ['silent beyond its set period', healthy, obs({ newestPublishedAt: now.getTime() - 2 * DAY, expected: daily }), 'unhealthy', 'source.unhealthy'],
  ['silent within its set period', healthy, obs({ newestPublishedAt: now.getTime() - 20 * HOUR, expected: daily }), 'healthy', undefined],
  ['no expected period known: silence is not judged', healthy, obs({ newestPublishedAt: now.getTime() - 30 * DAY }), 'healthy', undefined],
  ['nothing ever published: silence is not judged', healthy, obs({ newestPublishedAt: undefined, expected: daily }), 'healthy', undefined],
  ['a new item ends a silence', silent, obs({ newestPublishedAt: now.getTime() - HOUR, expected: daily }), 'healthy', 'source.recovered'],
  ['still silent: nothing more', silent, obs({ newestPublishedAt: now.getTime() - 3 * DAY, expected: daily }), 'unhealthy', undefined],
  ['back from failing but silent: stays unhealthy, no event', failing, obs({ newestPublishedAt: now.getTime() - 3 * DAY, expected: daily }), 'unhealthy', undefined],
];
for (const [name, current, o, status, eventType] of cases) {
  test(`source health: ${name}`, () => {
    const { next, event } = nextHealth('wire', current, o);
    assert.equal(next.status, status);
    assert.equal(event?.type, eventType);
    if (event) assert.equal(next.since, now.toISOString(), 'a change starts a new since');
    else if (current) assert.equal(next.since, current.since, 'no change keeps since-when');
  });
}

test('source health: the unhealthy event says why; the recovery says for how long', () => {
  const down = nextHealth('wire', healthy, obs({ consecutiveFailures: 4, lastErrorCode: 'FETCH_CONNECT' })).event!;
  assert.equal(down.reason, 'failing');
  assert.match(down.detail, /4 failed polls in a row \(last error FETCH_CONNECT\)/);
  const quiet = nextHealth('wire', healthy, obs({ newestPublishedAt: now.getTime() - 50 * HOUR, expected: daily })).event!;
  assert.equal(quiet.reason, 'silent');
  assert.match(quiet.detail, /no new item for 2 d 2 h; expected one every 1 d/);
  const up = nextHealth('wire', failing, obs({})).event!;
  assert.match(up.detail, /healthy again after 2 h \(failing\)/);
  assert.equal(up.previousSince, failing.since);
});

test('source health: the same change judged twice has the same event id; the next change another', () => {
  const a = nextHealth('wire', healthy, obs({ consecutiveFailures: 3 })).event!;
  const b = nextHealth('wire', healthy, obs({ consecutiveFailures: 7, now: new Date(now.getTime() + 60_000) })).event!;
  assert.equal(a.id, b.id);
  assert.match(a.id, /^hev_[0-9a-f]+$/);
  const back = nextHealth('wire', { status: 'unhealthy', since: a.at, reason: 'failing' }, obs({})).event!;
  assert.notEqual(back.id, a.id);
  assert.notEqual(nextHealth('other', healthy, obs({ consecutiveFailures: 3 })).event!.id, a.id);
});

test('source health: a cause that changes while unhealthy is shown without an event', () => {
  const { next, event } = nextHealth('wire', silent, obs({ consecutiveFailures: 3 }));
  assert.equal(event, undefined);
  assert.equal(next.reason, 'failing');
  assert.equal(next.since, silent.since);
});

test('source health: a flapping source gives one event per change, never one per poll', () => {
  let record: HealthRecord | undefined;
  const events: string[] = [];
  const failures = [0, 1, 2, 3, 4, 5, 6, 0, 0, 1, 0, 1, 2, 3, 0];
  failures.forEach((n, i) => {
    const r = nextHealth('wire', record, obs({ consecutiveFailures: n, now: new Date(now.getTime() + i * 60_000) }));
    record = r.next;
    if (r.event) events.push(r.event.type);
  });
  assert.deepEqual(events, ['source.unhealthy', 'source.recovered', 'source.unhealthy', 'source.recovered']);
});

const learned: Array<[string, number[], number | undefined]> = [
  ['too little history teaches nothing', [0, HOUR, 2 * HOUR, 3 * HOUR], undefined],
  ['never under a day for a busy source', [0, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR], DAY],
  ['twice the longest gap seen (a weekend)', [0, HOUR, 2 * HOUR, 2 * HOUR + 60 * HOUR, 63 * HOUR], 120 * HOUR],
];
for (const [name, published, ms] of learned) {
  test(`expected period: ${name}`, () => assert.equal(learnedExpectedPeriodMs(published), ms));
}

test('expected period: a set period wins over the learned one', () => {
  assert.deepEqual(expectedPeriod(3600, [0, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR]), { ms: HOUR, learned: false });
  assert.deepEqual(expectedPeriod(undefined, [0, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR]), { ms: DAY, learned: true });
  assert.equal(expectedPeriod(undefined, []), undefined);
});
