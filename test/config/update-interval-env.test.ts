// VIGIE_UPDATE_MIN_INTERVAL (seconds between an alert's updates) is checked with the rest of the
// environment: a whole number of seconds from 1 to a week, 600 (10 minutes) when unset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEnv } from '../../src/config/env.js';
import { envProblems } from '../harness/env-problems.js';

const problems = envProblems;

test('unset, an alert is updated at most every 10 minutes', () => assert.equal(loadEnv({}).VIGIE_UPDATE_MIN_INTERVAL, 600));
test('a number of seconds is taken', () => assert.equal(loadEnv({ VIGIE_UPDATE_MIN_INTERVAL: '30' }).VIGIE_UPDATE_MIN_INTERVAL, 30));

const BAD: Array<[string, string]> = [['not a number', '10m'], ['zero (no coalescing at all)', '0'], ['a fraction', '1.5'], ['beyond a week', '604801']];
for (const [name, value] of BAD) {
  test(`VIGIE_UPDATE_MIN_INTERVAL refused: ${name}`, () => {
    const found = problems({ VIGIE_UPDATE_MIN_INTERVAL: value });
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^VIGIE_UPDATE_MIN_INTERVAL: /);
  });
}
