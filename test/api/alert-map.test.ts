// GET /v1/alerts/map: the caller's alerts of the last days at their places (grouped when dense) with
// the per-day counts of the subscription's regions; owner scoping as /v1/alerts (another's
// subscription is 404, a subscriber never sees another's alerts), and input checked at the edge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApiHarness, article, type ApiHarness } from './api-harness.js';
import { FIXTURE_ENTITIES } from './fixture-entities.js';
import { alertId } from '../../src/core/deliver/delivery-ids.js';
import { entitySchema } from '../../src/core/entities/entity.js';
import type { MatchExplanation } from '../../src/core/model/alert.js';
import type { Subscription } from '../../src/core/model/subscription.js';

const COORDS: Record<string, [number, number]> = { 'sy': [35.03, 38.51], 'sy-deir-ez-zor': [35.33, 40.14], 'sy-boukamal': [34.45, 40.92], 'sy-aleppo': [36.2, 37.16] };
const ENTITIES = [
  ...FIXTURE_ENTITIES.map((e) => (COORDS[e.id] ? { ...e, coords: COORDS[e.id] } : e)),
  entitySchema.parse({ id: 'sy-hajin', kind: 'region', type: 'town', names: { en: 'Hajin', fr: 'Hajine', ar: 'هجين' }, parents: ['sy-deir-ez-zor'], coords: [34.69, 40.83] }),
];

interface MapBody {
  groups: Array<{ id: string; coords: [number, number]; count: number; places: Array<{ id: string; count: number }>; alertIds: string[] }>;
  alerts: Array<{ id: string; title: string | null; placeId: string | null }>;
  unplaced: number;
  timeline: { days: string[]; total: number[]; series: Array<{ id: string; counts: number[] }> };
}

let h: ApiHarness;
let aliceSub: Subscription;
let bobSub: Subscription;
const hit = (entityId: string, kind: MatchExplanation['kind'] = 'region'): MatchExplanation =>
  ({ entityId, kind, name: entityId, alias: entityId, surface: entityId, field: 'text', start: 0, end: 3, snippet: '' });
const hoursAgo = (n: number) => new Date(Date.now() - n * 3600_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);

async function seed(sub: Subscription, storyId: string, title: string, matches: MatchExplanation[], at: string): Promise<string> {
  const art = article(`art_${storyId}`, { title, text: title, fetchedAt: at });
  await h.services.articles.putIfAbsent(art);
  const id = alertId(sub.id, storyId);
  await h.services.alerts.createAlert({ id, subscriptionId: sub.id, storyId, articleId: art.id, relatedArticleIds: [], matches, createdAt: at });
  return id;
}

before(async () => {
  h = await startApiHarness({ entities: ENTITIES });
  const mk = async (key: string, name: string, regions: string[]) => (await h.call(key, { method: 'POST', url: '/v1/subscriptions', payload: { name, regions, channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/h' }] } })).json().subscription as Subscription;
  aliceSub = await mk(h.alice.key, 'alice east', ['sy-deir-ez-zor', 'sy-aleppo']);
  bobSub = await mk(h.bob.key, 'bob aleppo', ['sy-aleppo']);
  await seed(aliceSub, 'sto_1', 'Drone strike near Abu Kamal', [hit('sy-deir-ez-zor'), hit('sy-boukamal')], hoursAgo(1));
  await seed(aliceSub, 'sto_2', 'Clashes in Hajin', [hit('sy-hajin')], hoursAgo(2));
  await seed(aliceSub, 'sto_3', 'Shelling in Aleppo', [hit('sy-aleppo')], hoursAgo(3));
  await seed(aliceSub, 'sto_4', 'Militia statement', [hit('actor-hezbollah', 'actor')], hoursAgo(4));
  await seed(aliceSub, 'sto_old', 'Old news from Aleppo', [hit('sy-aleppo')], new Date(Date.now() - 40 * 86_400_000).toISOString());
  await seed(bobSub, 'sto_b', "Bob's Aleppo alert", [hit('sy-aleppo')], hoursAgo(1));
});
after(async () => { await h.close(); });

test('alert map: own alerts of the window at their most precise place; Abu Kamal and Hajin grouped at 40 km', async () => {
  const res = await h.call(h.alice.key, { method: 'GET', url: '/v1/alerts/map?days=30&groupKm=40' });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json() as MapBody;
  assert.deepEqual(body.alerts.map((a) => [a.title, a.placeId]), [
    ['Drone strike near Abu Kamal', 'sy-boukamal'], ['Clashes in Hajin', 'sy-hajin'], ['Shelling in Aleppo', 'sy-aleppo'], ['Militia statement', null]]);
  assert.equal(body.unplaced, 1);
  assert.deepEqual(body.groups.map((g) => [g.places.map((p) => p.id).sort(), g.count]), [[['sy-boukamal', 'sy-hajin'], 2], [['sy-aleppo'], 1]]);
  assert.deepEqual(body.groups[1]!.coords, [36.2, 37.16]);
});

test('alert map: with groupKm=0 every place is its own point', async () => {
  const body = (await h.call(h.alice.key, { method: 'GET', url: '/v1/alerts/map?groupKm=0' })).json() as MapBody;
  assert.deepEqual(body.groups.map((g) => g.id).sort(), ['sy-aleppo', 'sy-boukamal', 'sy-hajin']);
});

test("alert map: the timeline has a day per day of the window and a series per subscription region", async () => {
  const body = (await h.call(h.alice.key, { method: 'GET', url: `/v1/alerts/map?subscription=${aliceSub.id}&days=7` })).json() as MapBody;
  assert.equal(body.timeline.days.length, 7);
  assert.equal(body.timeline.days.at(-1), today());
  // Alerts made in the last hours may fall on yesterday just after midnight: count over the window.
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  assert.equal(sum(body.timeline.total), 4);
  assert.deepEqual(body.timeline.series.map((s) => [s.id, sum(s.counts)]), [['sy-deir-ez-zor', 2], ['sy-aleppo', 1]]);
});

test("alert map: a subscriber sees only its own alerts; another's subscription is 404; an admin sees all", async () => {
  const bob = (await h.call(h.bob.key, { method: 'GET', url: '/v1/alerts/map' })).json() as MapBody;
  assert.deepEqual(bob.alerts.map((a) => a.title), ["Bob's Aleppo alert"]);
  assert.equal((await h.call(h.bob.key, { method: 'GET', url: `/v1/alerts/map?subscription=${aliceSub.id}` })).statusCode, 404);
  const admin = (await h.call(h.admin.key, { method: 'GET', url: '/v1/alerts/map' })).json() as MapBody;
  assert.equal(admin.alerts.length, 5);
  assert.equal((await h.call(undefined, { method: 'GET', url: '/v1/alerts/map' })).statusCode, 401);
});

test('alert map: bad input is refused with the field named', async () => {
  for (const q of ['days=0', 'days=91', 'groupKm=-1', 'limit=0', 'color=red']) {
    const res = await h.call(h.alice.key, { method: 'GET', url: `/v1/alerts/map?${q}` });
    assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
  }
});

test('the map assets are served from this origin without a key: outlines, their attribution, the drawing libraries', async () => {
  const outlines = await h.call(undefined, { method: 'GET', url: '/map/boundaries.json' });
  assert.equal(outlines.statusCode, 200);
  const topo = outlines.json() as { type: string; objects: Record<string, { geometries: Array<{ id: string; properties: { name: string; country?: string } }> }> };
  assert.equal(topo.type, 'Topology');
  assert.deepEqual(topo.objects.countries!.geometries.map((g) => g.id).sort(), ['CY', 'EG', 'IL', 'IQ', 'IR', 'JO', 'KW', 'LB', 'PS', 'SA', 'SY', 'TR']);
  const perCountry = (cc: string) => topo.objects.governorates!.geometries.filter((g) => g.properties.country === cc).length;
  // Natural Earth: 14 Syrian governorates and the UNDOF zone, 18 Iraqi, 6 Lebanese (before Akkar and Baalbek-Hermel split off).
  assert.deepEqual([perCountry('SY'), perCountry('IQ'), perCountry('LB')], [15, 18, 6]);
  assert.ok(topo.objects.governorates!.geometries.every((g) => g.properties.name), 'every governorate is named');
  const attribution = await h.call(undefined, { method: 'GET', url: '/map/ATTRIBUTION.txt' });
  assert.equal(attribution.statusCode, 200);
  assert.match(attribution.body, /Natural Earth/);
  for (const lib of ['d3-array', 'd3-geo', 'topojson-client']) {
    const res = await h.call(undefined, { method: 'GET', url: `/vendor/${lib}.min.js` });
    assert.equal(res.statusCode, 200, lib);
    assert.match(String(res.headers['content-type']), /javascript/);
  }
});
