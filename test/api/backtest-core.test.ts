// The pure backtest: a draft over articles gives the alerts the rule engine would fire, and near misses
// (some condition held, another failed) with the failed conditions named. Table-driven.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backtest, type BacktestDraft, type MissReason } from '../../src/core/backtest/backtest.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { buildEntityGraph } from '../../src/core/match/entity-graph.js';
import { FIXTURE_ENTITIES, OSDH_FR } from './fixture-entities.js';
import { article } from './api-harness.js';

const matcher = compileMatcher(FIXTURE_ENTITIES);
const graph = buildEntityGraph(FIXTURE_ENTITIES);
const at = '2026-11-20T10:00:00Z';
const ARTICLES = [
  article('a-fr', { ...OSDH_FR, sourceId: 'osdh', fetchedAt: at }),
  article('a-en', { title: 'Drone strike in Albukamal', text: 'A drone hit a truck in Albukamal on Monday.', lang: 'en', sourceId: 'sohr', fetchedAt: at }),
  article('a-alep', { title: 'Savon', text: "Le savon d'Alep est célèbre.", lang: 'fr', sourceId: 'osdh', fetchedAt: at }),
  article('a-aleppo', { title: 'Aleppo', text: 'Clashes in Aleppo city.', lang: 'en', sourceId: 'sohr', fetchedAt: at }),
];
const draft = (d: Partial<BacktestDraft>): BacktestDraft => ({ regions: [], actors: [], languages: [], sources: [], ...d });

const cases: Array<{ name: string; draft: BacktestDraft; alerts: string[]; misses: Array<[string, MissReason[]]> }> = [
  { name: 'governorate covers its town in every language', draft: draft({ regions: ['sy-deir-ez-zor'] }), alerts: ['a-fr', 'a-en'], misses: [] },
  { name: 'language filter turns the English article into a near miss', draft: draft({ regions: ['sy-deir-ez-zor'], languages: ['fr'] }), alerts: ['a-fr'], misses: [['a-en', ['language']]] },
  { name: 'source filter', draft: draft({ regions: ['sy-deir-ez-zor'], sources: ['sohr'] }), alerts: ['a-en'], misses: [['a-fr', ['source']]] },
  { name: 'query fails on one article', draft: draft({ regions: ['sy-deir-ez-zor'], query: 'véhicule' }), alerts: ['a-fr'], misses: [['a-en', ['query']]] },
  { name: 'actor missing', draft: draft({ regions: ['sy-deir-ez-zor'], actors: ['actor-iran-militias'] }), alerts: ['a-fr'], misses: [['a-en', ['actor']]] },
  { name: 'exclusion: soap of Aleppo is not Aleppo', draft: draft({ regions: ['sy-aleppo'] }), alerts: ['a-aleppo'], misses: [] },
  { name: 'query-only draft', draft: draft({ query: 'drone' }), alerts: ['a-fr', 'a-en'], misses: [] },
  { name: 'query held, region failed', draft: draft({ regions: ['sy-aleppo'], query: 'drone' }), alerts: [], misses: [['a-fr', ['region']], ['a-en', ['region']], ['a-aleppo', ['query']]] },
];
for (const c of cases) {
  test(`backtest: ${c.name}`, () => {
    const r = backtest({ draft: c.draft, matcher, graph, articles: ARTICLES });
    assert.equal(r.scanned, ARTICLES.length);
    assert.deepEqual(r.alerts.map((a) => a.articleId), c.alerts);
    assert.deepEqual(r.nearMisses.map((m) => [m.articleId, m.failed]), c.misses);
    for (const m of r.nearMisses) assert.ok(m.reason.length > 0);
  });
}

test('backtest alerts carry the hits with offsets into the original text', () => {
  const r = backtest({ draft: draft({ regions: ['sy-deir-ez-zor'] }), matcher, graph, articles: ARTICLES.slice(0, 1) });
  const m = r.alerts[0]!.matches.find((x) => x.entityId === 'sy-boukamal' && x.field === 'text')!;
  assert.equal(OSDH_FR.text.slice(m.start, m.end), 'Boukamal');
  assert.deepEqual(m.path, ['Abu Kamal', 'Deir ez-Zor', 'Syria']);
});

// "Try it" counts as live routing does: one alert per subscription per story, later copies attached.
const COPY = article('a-copy', { ...OSDH_FR, sourceId: 'repost', fetchedAt: '2026-11-20T10:30:00Z' });
const LATER_EN = article('a-en-later', { title: 'Drone strike in Albukamal', text: 'A drone hit a truck in Albukamal on Monday.', lang: 'en', sourceId: 'sohr', fetchedAt: '2026-11-20T11:00:00Z' });

test('backtest: a copy of an article (same story) is one alert, the copy listed on it', () => {
  const r = backtest({ draft: draft({ regions: ['sy-deir-ez-zor'] }), matcher, graph, articles: [COPY, ARTICLES[0]!] });
  assert.deepEqual(r.alerts.map((a) => [a.articleId, a.related.map((x) => x.articleId)]), [['a-fr', ['a-copy']]]);
  assert.match(r.alerts[0]!.storyId, /^sto_/);
});

test('backtest: the story the workers assigned wins over grouping again', () => {
  const storyOf = new Map([['a-fr', 'sto_live'], ['a-en-later', 'sto_live']]);
  const r = backtest({ draft: draft({ regions: ['sy-deir-ez-zor'] }), matcher, graph, articles: [ARTICLES[0]!, LATER_EN], storyOf });
  assert.deepEqual(r.alerts.map((a) => [a.articleId, a.storyId, a.related.map((x) => x.articleId)]), [['a-fr', 'sto_live', ['a-en-later']]]);
  const apart = backtest({ draft: draft({ regions: ['sy-deir-ez-zor'] }), matcher, graph, articles: [ARTICLES[0]!, LATER_EN] });
  assert.equal(apart.alerts.length, 2, 'without the stored stories the two reports are two stories (no shared actor or count)');
});
