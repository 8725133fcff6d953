// How the real-news scorer reads the labels (scripts/eval/realnews-set.ts): the split is fixed by the
// URL, and a place found through a more precise one counts for the place the labels give its words
// (EVAL.md's scoring rule), only on those words and only for places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { creditPreciseFinds, readLabels, splitOf, type FoundMatch } from '../../scripts/eval/realnews-set.js';
import { repoRoot } from '../harness/paths.js';

const same = (ref: string): string => ref;
const town: FoundMatch = { entityId: 'iq-town-tikrit', kind: 'region', surface: 'Tikrit', pathIds: ['iq-town-tikrit', 'iq-tikrit-district', 'iq-salahaddin', 'iq'] };

test('a town found on words the labels give to its district counts as that district', () => {
  const found = creditPreciseFinds(new Set(['iq-town-tikrit']), new Set(['iq-tikrit-district']), [town],
    [{ s: 'Tikrit', ref: 'iq-tikrit-district' }], same);
  assert.deepEqual([...found], ['iq-tikrit-district']);
});

test('not on other words, not for an unrelated label, not for actors', () => {
  const labels = [{ s: 'Tikrit', ref: 'iq-tikrit-district' }];
  assert.deepEqual([...creditPreciseFinds(new Set(['iq-town-tikrit']), new Set(['iq-tikrit-district']), [{ ...town, surface: 'تكريت' }], labels, same)],
    ['iq-town-tikrit'], 'the labels give other words to the district');
  assert.deepEqual([...creditPreciseFinds(new Set(['iq-town-tikrit']), new Set(['iq-kirkuk']), [town], [{ s: 'Tikrit', ref: 'iq-kirkuk' }], same)],
    ['iq-town-tikrit'], 'Kirkuk is not an ancestor of the town');
  const unit: FoundMatch = { entityId: 'actor-unit', kind: 'actor', surface: 'the army', pathIds: ['actor-unit', 'actor-state'] };
  assert.deepEqual([...creditPreciseFinds(new Set(['actor-unit']), new Set(['actor-state']), [unit], [{ s: 'the army', ref: 'actor-state' }], same)],
    ['actor-unit']);
});

test('the split depends on the URL alone: every committed label is in the part its URL gives', () => {
  const labels = readLabels(path.join(repoRoot, 'eval', 'realnews'));
  assert.ok(labels.length >= 300, `${labels.length} labels`);
  assert.deepEqual(labels.filter((a) => a.split !== splitOf(a.url)).map((a) => a.id), []);
  const splits = new Set(Array.from({ length: 40 }, (_, i) => splitOf(`https://example.org/${i}`)));
  assert.deepEqual([...splits].sort(), ['dev', 'test']);
});
