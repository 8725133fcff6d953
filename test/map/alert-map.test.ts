// The alert map's pure core: each alert at its most precise matched place with coordinates (climbing to
// an ancestor when the place has none), nearby places grouped when dense, and per-day counts for a
// subscription's regions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitySchema, type Entity } from '../../src/core/entities/entity.js';
import { buildEntityGraph } from '../../src/core/match/entity-graph.js';
import type { Alert, MatchExplanation } from '../../src/core/model/alert.js';
import { placeOfAlert } from '../../src/core/map/place-of-alert.js';
import { groupPlaces, kmBetween } from '../../src/core/map/group-places.js';
import { dailyCounts, daysBetween } from '../../src/core/map/daily-counts.js';
import { buildAlertMap } from '../../src/core/map/alert-map.js';

const region = (id: string, en: string, parents: string[], coords?: [number, number]): Entity =>
  entitySchema.parse({ id, kind: 'region', names: { en, fr: en, ar: en }, parents, ...(coords ? { coords } : {}) });
const graph = buildEntityGraph([
  region('sy', 'Syria', [], [35.03, 38.51]),
  region('sy-dz', 'Deir ez-Zor Governorate', ['sy'], [35.33, 40.14]),
  region('sy-dz-ak', 'Abu Kamal District', ['sy-dz'], [34.45, 40.92]),
  region('sy-abu-kamal', 'Abu Kamal', ['sy-dz-ak'], [34.45, 40.92]),
  region('sy-hajin', 'Hajin', ['sy-dz-ak'], [34.69, 40.83]),
  region('sy-no-point', 'Village with no point', ['sy-dz-ak']),
  region('sy-aleppo', 'Aleppo', ['sy'], [36.2, 37.16]),
  region('xx-nowhere', 'Unplaced', []),
  entitySchema.parse({ id: 'actor-x', kind: 'actor', names: { en: 'X', fr: 'X', ar: 'X' } }),
]);

const hit = (entityId: string, field: MatchExplanation['field'] = 'text', start = 0): MatchExplanation => ({
  entityId, kind: entityId.startsWith('actor') ? 'actor' : 'region', name: entityId, alias: entityId, surface: entityId, field, start, end: start + 3, snippet: '',
});
const alert = (id: string, createdAt: string, ...matches: MatchExplanation[]): Alert =>
  ({ id, subscriptionId: 'sub_1', storyId: `sto_${id}`, articleId: `art_${id}`, relatedArticleIds: [], matches, createdAt });
const WINDOW = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-02T23:00:00Z') };

const placeCases: Array<{ name: string; matches: MatchExplanation[]; want: { placeId: string; coordsFrom: string } | undefined }> = [
  { name: 'a town beats its governorate and country', matches: [hit('sy'), hit('sy-dz'), hit('sy-abu-kamal')], want: { placeId: 'sy-abu-kamal', coordsFrom: 'sy-abu-kamal' } },
  { name: 'a place without coordinates is drawn at its nearest ancestor with some', matches: [hit('sy-dz'), hit('sy-no-point')], want: { placeId: 'sy-no-point', coordsFrom: 'sy-dz-ak' } },
  { name: 'between two towns, the one in the title wins', matches: [hit('sy-hajin', 'text', 5), hit('sy-abu-kamal', 'title', 40)], want: { placeId: 'sy-abu-kamal', coordsFrom: 'sy-abu-kamal' } },
  { name: 'between two towns in the same field, the earlier hit wins', matches: [hit('sy-abu-kamal', 'text', 90), hit('sy-hajin', 'text', 10)], want: { placeId: 'sy-hajin', coordsFrom: 'sy-hajin' } },
  { name: 'actors and keywords alone put nothing on the map', matches: [hit('actor-x')], want: undefined },
  { name: 'a region with no coordinates anywhere up its chain puts nothing on the map', matches: [hit('xx-nowhere')], want: undefined },
  { name: 'an entity the graph no longer has is skipped', matches: [hit('sy-gone'), hit('sy-aleppo')], want: { placeId: 'sy-aleppo', coordsFrom: 'sy-aleppo' } },
];
for (const c of placeCases) {
  test(`place of an alert: ${c.name}`, () => {
    const got = placeOfAlert(c.matches, graph);
    assert.deepEqual(got && { placeId: got.placeId, coordsFrom: got.coordsFrom }, c.want);
  });
}

test('kmBetween: Abu Kamal to Hajin is about 28 km, and a point is 0 km from itself', () => {
  assert.ok(Math.abs(kmBetween([34.45, 40.92], [34.69, 40.83]) - 27.9) < 1);
  assert.equal(kmBetween([34.45, 40.92], [34.45, 40.92]), 0);
});

test('group places: places within the radius join the busiest one; farther ones and radius 0 stay apart', () => {
  const points = [
    { placeId: 'sy-hajin', name: 'Hajin', coords: [34.69, 40.83] as [number, number], alertIds: ['a1'] },
    { placeId: 'sy-abu-kamal', name: 'Abu Kamal', coords: [34.45, 40.92] as [number, number], alertIds: ['a2', 'a3'] },
    { placeId: 'sy-aleppo', name: 'Aleppo', coords: [36.2, 37.16] as [number, number], alertIds: ['a4'] },
  ];
  const grouped = groupPlaces(points, 40);
  assert.deepEqual(grouped.map((g) => [g.id, g.count, g.places.map((p) => p.id), g.alertIds]),
    [['sy-abu-kamal', 3, ['sy-abu-kamal', 'sy-hajin'], ['a2', 'a3', 'a1']], ['sy-aleppo', 1, ['sy-aleppo'], ['a4']]]);
  assert.deepEqual(grouped[0]!.coords, [34.45, 40.92], 'a group sits on its busiest place');
  assert.equal(groupPlaces(points, 10).length, 3, '28 km apart is outside a 10 km radius');
  assert.equal(groupPlaces(points, 0).length, 3);
});

test('days between: every UTC day from the first to the last, inclusive', () => {
  assert.deepEqual(daysBetween(new Date('2026-11-29T23:00:00Z'), new Date('2026-12-02T01:00:00Z')), ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
});

test('daily counts: each region counts its sub-regions; the total counts every alert once; outside the window is ignored', () => {
  const alerts = [
    { createdAt: '2026-12-01T08:00:00.000Z', entityIds: ['sy-abu-kamal'] },
    { createdAt: '2026-12-01T09:00:00.000Z', entityIds: ['sy-aleppo', 'sy-hajin'] },
    { createdAt: '2026-12-02T10:00:00.000Z', entityIds: ['sy-aleppo'] },
    { createdAt: '2026-12-03T10:00:00.000Z', entityIds: ['actor-x'] },
    { createdAt: '2026-11-20T10:00:00.000Z', entityIds: ['sy-aleppo'] },
  ];
  const t = dailyCounts(alerts, [
    { id: 'sy-dz', name: 'Deir ez-Zor', covers: (e: string) => graph.expand('sy-dz').has(e) },
    { id: 'sy-aleppo', name: 'Aleppo', covers: (e: string) => graph.expand('sy-aleppo').has(e) },
  ], new Date('2026-12-01T00:00:00Z'), new Date('2026-12-03T12:00:00Z'));
  assert.deepEqual(t.days, ['2026-12-01', '2026-12-02', '2026-12-03']);
  assert.deepEqual(t.total, [2, 1, 1]);
  assert.deepEqual(t.series.map((s) => [s.id, s.counts]), [['sy-dz', [2, 0, 0]], ['sy-aleppo', [1, 1, 0]]]);
});

test('alert map: points at places, a list entry per alert newest first, unplaced alerts counted, the timeline per region', () => {
  const map = buildAlertMap({
    alerts: [
      { alert: alert('a1', '2026-12-01T08:00:00.000Z', hit('sy-dz'), hit('sy-abu-kamal')), title: 'Strike near Abu Kamal', url: 'https://example.org/1' },
      { alert: alert('a2', '2026-12-02T08:00:00.000Z', hit('sy-hajin')), title: 'Clashes in Hajin' },
      { alert: alert('a3', '2026-12-02T09:00:00.000Z', hit('actor-x')) },
      { alert: alert('old', '2026-10-01T09:00:00.000Z', hit('sy-aleppo')) },
    ],
    places: graph, regionIds: ['sy-dz', 'sy-missing'], groupKm: 40,
    from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-02T23:00:00Z'),
  });
  assert.deepEqual(map.alerts.map((a) => [a.id, a.placeId, a.placeName, a.title]),
    [['a3', null, null, null], ['a2', 'sy-hajin', 'Hajin', 'Clashes in Hajin'], ['a1', 'sy-abu-kamal', 'Abu Kamal', 'Strike near Abu Kamal']]);
  assert.equal(map.unplaced, 1);
  assert.equal(map.groups.length, 1, 'Abu Kamal and Hajin, 28 km apart, are one group at 40 km');
  assert.deepEqual(map.groups[0]!.places.map((p) => p.name).sort(), ['Abu Kamal', 'Hajin']);
  assert.deepEqual(map.timeline.days, ['2026-11-30', '2026-12-01', '2026-12-02']);
  assert.deepEqual(map.timeline.total, [0, 1, 2]);
  assert.deepEqual(map.timeline.series, [{ id: 'sy-dz', name: 'Deir ez-Zor Governorate', counts: [0, 1, 1] }], 'an unknown region makes no series');
});

test('alert map: a story alerted to two subscriptions is one point, one list entry and one count, placed from both explanations', async () => {
  // Each subscription's explanation keeps only the hits inside its own regions: the Aleppo one has the
  // governorate-level hit, the Syria one the town.
  const forAleppo = { ...alert('x1', '2026-12-01T08:00:00.000Z', hit('sy-aleppo')), subscriptionId: 'sub_aleppo', storyId: 'sto_same' };
  const forSyria = { ...alert('x2', '2026-12-01T08:00:02.000Z', hit('sy-hajin', 'text', 50)), subscriptionId: 'sub_syria', storyId: 'sto_same' };
  const map = buildAlertMap({ alerts: [{ alert: forSyria, title: 'Same story' }, { alert: forAleppo, title: 'Same story' }], places: graph, regionIds: ['sy-aleppo'], groupKm: 0, ...WINDOW });
  assert.deepEqual(map.alerts.map((a) => [a.id, a.storyId, a.subscriptionIds, a.placeId]), [['x1', 'sto_same', ['sub_aleppo', 'sub_syria'], 'sy-hajin']]);
  assert.deepEqual(map.groups.map((g) => [g.id, g.count, g.alertIds]), [['sy-hajin', 1, ['x1']]]);
  assert.deepEqual(map.timeline.total, [0, 1, 0]);
  assert.deepEqual(map.timeline.series[0]!.counts, [0, 1, 0]);
});
