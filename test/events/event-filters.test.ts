// Event filters in routing: a subscription's event types and fewest killed, and the query terms
// type:x, killed>=N, injured>=N. One event must pass both parts of a subscription's filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileRules, type Rule } from '../../src/core/match/rules/compile-rules.js';
import { evaluateRules } from '../../src/core/match/rules/evaluate-rules.js';
import { buildEntityGraph } from '../../src/core/match/entity-graph.js';
import { parseQuery } from '../../src/core/match/query/parse-query.js';
import { entitySchema } from '../../src/core/entities/entity.js';
import type { ArticleEvent, EventType } from '../../src/core/events/event.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

const graph = buildEntityGraph([
  entitySchema.parse({ id: 'sy', kind: 'region', type: 'country', names: { en: 'Syria', fr: 'Syrie', ar: 'سوريا' } }),
]);
const ev = (type: EventType, killed: number | null, injured: number | null = null): ArticleEvent =>
  ({ type, killed, injured, where: [], actors: [], evidence: [], summary: '' });

const fires = (rule: Omit<Rule, 'id' | 'regions' | 'actors'>, events: ArticleEvent[]): boolean =>
  evaluateRules(compileRules([{ id: 'r', regions: ['sy'], actors: [], ...rule }], graph), { entityIds: ['sy'], doc: { text: 'news from Syria' }, events }).length > 0;

const cases: Array<[string, Omit<Rule, 'id' | 'regions' | 'actors'>, ArticleEvent[], boolean]> = [
  ['no filter: any article', {}, [], true],
  ['a chosen type fires', { events: ['air_strike', 'shelling_missile'] }, [ev('shelling_missile', null)], true],
  ['another type does not', { events: ['air_strike'] }, [ev('armed_clash', 3)], false],
  ['no event read does not pass a type filter', { events: ['air_strike'] }, [], false],
  ['enough killed fires', { minKilled: 5 }, [ev('armed_clash', 5)], true],
  ['too few killed does not', { minKilled: 5 }, [ev('armed_clash', 4)], false],
  ['no number given is not enough killed', { minKilled: 1 }, [ev('air_strike', null)], false],
  ['type and toll must hold for one event', { events: ['air_strike'], minKilled: 5 }, [ev('air_strike', 1), ev('armed_clash', 9)], false],
  ['type and toll on the same event fires', { events: ['air_strike'], minKilled: 5 }, [ev('armed_clash', 9), ev('air_strike', 6)], true],
  ['query type: term', { query: 'type:air_strike' }, [ev('air_strike', null)], true],
  ['query type: term on another type', { query: 'type:air_strike' }, [ev('arrest', null)], false],
  ['query killed>= with AND', { query: 'type:air_strike AND killed>=5' }, [ev('air_strike', 6)], true],
  ['query killed>= too few', { query: 'type:air_strike AND killed>=5' }, [ev('air_strike', 4)], false],
  ['query injured> and words', { query: 'syria AND injured>2' }, [ev('explosion_ied', null, 3)], true],
  ['query NOT type:', { query: 'NOT type:arrest' }, [ev('arrest', null)], false],
  ['query killed< ignores events with no number', { query: 'killed<3' }, [ev('air_strike', null)], false],
];

for (const [name, rule, events, expected] of cases) {
  test(`event filter: ${name}`, () => assert.equal(fires(rule, events), expected));
}

for (const [q, position] of [['type:bombing', 5], ['killed>=many', 8], ['type:air_strike NEAR/3 drone', 0]] as const) {
  test(`query "${q}" is refused with its position`, () => {
    assert.throws(() => parseQuery(q), (err: unknown) => isVigieError(err) && err.code === 'QUERY_SYNTAX' && err.details?.position === position);
  });
}
