// Which matches explain an alert to one subscriber: those inside its regions/actors, title first,
// the same hit in the same sentence once (the feed summary often repeats the first paragraph).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainForSubscription } from '../../src/core/route/explain-for-subscription.js';
import type { MatchExplanation } from '../../src/core/model/alert.js';
import type { Subscription } from '../../src/core/model/subscription.js';

const m = (entityId: string, field: MatchExplanation['field'], start: number, snippet: string): MatchExplanation =>
  ({ entityId, kind: 'region', name: entityId, alias: entityId, surface: entityId, field, start, end: start + 3, snippet });
const sub = (regions: string[], actors: string[] = []): Subscription =>
  ({ id: 's', owner: 'o', name: 'n', regions, actors, languages: [], sources: [], active: true, channels: [], createdAt: '2026-01-01T00:00:00Z' });
const tree: Record<string, string[]> = { gov: ['gov', 'town'], syria: ['syria', 'gov', 'town', 'other'] };
const expand = (id: string) => new Set(tree[id] ?? [id]);

const cases: Array<[string, Subscription, MatchExplanation[], string[]]> = [
  ['keeps only hits inside the subscribed region, with descendants', sub(['gov']),
    [m('other', 'text', 1, 'a'), m('town', 'text', 5, 'b')], ['town@text:5']],
  ['puts title hits before text hits', sub(['syria']),
    [m('town', 'text', 0, 'x'), m('gov', 'title', 9, 'y')], ['gov@title:9', 'town@text:0']],
  ['tells the same hit in the same sentence once (summary repeats the text)', sub(['gov']),
    [m('town', 'summary', 3, 'same sentence'), m('town', 'text', 3, 'same sentence'), m('town', 'text', 40, 'another sentence')],
    ['town@summary:3', 'town@text:40']],
  ['falls back to all hits for a keyword-only subscription', sub([]),
    [m('other', 'text', 2, 'k')], ['other@text:2']],
];

for (const [name, s, matches, expected] of cases) {
  test(`explain: ${name}`, () => {
    assert.deepEqual(explainForSubscription(s, matches, expand).map((x) => `${x.entityId}@${x.field}:${x.start}`), expected);
  });
}
