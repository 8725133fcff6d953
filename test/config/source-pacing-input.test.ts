// How a source's interval is written in config, the CLI and the API: `interval` fixes it; without it the
// interval is adaptive between `minInterval` and `maxInterval` (defaults 5 min and 6 h), starting at
// 15 min within those bounds; `expectedPeriod` sets how long a silence may last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceInputSchema, toSourceConfig, validateSources } from '../../src/core/sources/source-schema.js';

const url = 'https://example.org/feed.xml';
const pacing = (input: Record<string, unknown>) => {
  const s = toSourceConfig(sourceInputSchema.parse({ url, ...input }));
  return { interval: s.intervalSeconds, min: s.minIntervalSeconds, max: s.maxIntervalSeconds, expected: s.expectedPeriodSeconds };
};

const accepted: Array<[string, Record<string, unknown>, ReturnType<typeof pacing>]> = [
  ['nothing said: adaptive with the defaults, starting at 15 min', {}, { interval: 900, min: 300, max: 21600, expected: undefined }],
  ['a fixed interval', { interval: 60 }, { interval: 60, min: undefined, max: undefined, expected: undefined }],
  ['adaptive bounds', { minInterval: 120, maxInterval: 3600 }, { interval: 900, min: 120, max: 3600, expected: undefined }],
  ['a maximum under 15 min starts at the maximum', { minInterval: 1, maxInterval: 10 }, { interval: 10, min: 1, max: 10, expected: undefined }],
  ['a minimum over 15 min starts at the minimum', { minInterval: 3600 }, { interval: 3600, min: 3600, max: 21600, expected: undefined }],
  ['an expected period', { expectedPeriod: 86400 }, { interval: 900, min: 300, max: 21600, expected: 86400 }],
];
for (const [name, input, expected] of accepted) {
  test(`source pacing input: ${name}`, () => assert.deepEqual(pacing(input), expected));
}

const refused: Array<[string, Record<string, unknown>, RegExp]> = [
  ['interval with bounds', { interval: 60, minInterval: 30 }, /interval: interval fixes the interval; minInterval and maxInterval bound an adaptive one/],
  ['a minimum over the maximum', { minInterval: 7200, maxInterval: 3600 }, /minInterval: minInterval must not exceed maxInterval/],
  ['a minimum over the default maximum', { minInterval: 30000 }, /minInterval must not exceed maxInterval/],
  ['an expected period under a minute', { expectedPeriod: 30 }, /expectedPeriod/],
];
for (const [name, input, problem] of refused) {
  test(`source pacing input refused: ${name}`, () => {
    const { problems } = validateSources([{ id: 'x', url, ...input }]);
    assert.ok(problems.some((p) => problem.test(p)), problems.join('; '));
  });
}
