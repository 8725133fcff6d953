// The alert map and timeline of the web page, from values: alerts (with their article's title) and the
// entity graph in, points grouped when dense, a list entry per story and per-day counts out. A story
// alerted to several of the caller's subscriptions is one event: it is drawn, listed and counted once,
// with the subscriptions it was sent for. Pure: the API route (src/api/routes/alert-map.ts) reads Redis
// and passes everything in.
import type { Alert } from '../model/alert.js';
import { dailyCounts, type Timeline } from './daily-counts.js';
import { groupPlaces, type PlaceGroup, type PlacePoint } from './group-places.js';
import { placeOfAlert, type PlaceLookup } from './place-of-alert.js';

export interface MapInput {
  /** Newest first or any order; each with its article's title and URL when known. */
  alerts: ReadonlyArray<{ alert: Alert; title?: string; url?: string }>;
  places: PlaceLookup;
  /** The timeline's series: a subscription's regions (none: the total only). */
  regionIds: readonly string[];
  groupKm: number;
  from: Date;
  to: Date;
}

export interface MapAlert {
  /** The story's first alert. */
  id: string;
  storyId: string;
  /** Every subscription the story was alerted for, first alerted first. */
  subscriptionIds: string[];
  createdAt: string;
  title: string | null;
  url: string | null;
  placeId: string | null;
  placeName: string | null;
}

export interface AlertMap {
  groups: PlaceGroup[];
  /** One entry per story of the window, newest first; `placeId` null for those with no place on the map. */
  alerts: MapAlert[];
  unplaced: number;
  timeline: Timeline;
}

type Entry = MapInput['alerts'][number];

/** One entry per story: its first alert, with the hits of all its alerts (each subscription's
 * explanation keeps only the hits inside its own regions) and the subscriptions in alert order. */
function byStory(entries: readonly Entry[]): Array<Entry & { subscriptionIds: string[] }> {
  const stories = new Map<string, Entry & { subscriptionIds: string[] }>();
  const ordered = [...entries].sort((a, b) => a.alert.createdAt.localeCompare(b.alert.createdAt) || a.alert.id.localeCompare(b.alert.id));
  for (const e of ordered) {
    const seen = stories.get(e.alert.storyId);
    if (!seen) stories.set(e.alert.storyId, { ...e, alert: { ...e.alert, matches: [...e.alert.matches] }, subscriptionIds: [e.alert.subscriptionId] });
    else {
      seen.alert.matches.push(...e.alert.matches);
      if (!seen.subscriptionIds.includes(e.alert.subscriptionId)) seen.subscriptionIds.push(e.alert.subscriptionId);
    }
  }
  return [...stories.values()].sort((a, b) => b.alert.createdAt.localeCompare(a.alert.createdAt) || a.alert.id.localeCompare(b.alert.id));
}

/** The lookup with each entity's ancestors read once: a month of alerts names the same places often. */
function memoised(lookup: PlaceLookup): PlaceLookup {
  const ancestors = new Map<string, string[]>();
  return {
    get: (id) => lookup.get(id),
    ancestors(id) {
      let list = ancestors.get(id);
      if (!list) ancestors.set(id, (list = lookup.ancestors(id)));
      return list;
    },
  };
}

export function buildAlertMap(input: MapInput): AlertMap {
  const places = memoised(input.places);
  const points = new Map<string, PlacePoint>();
  const alerts: MapAlert[] = [];
  const inWindow = byStory(input.alerts.filter(({ alert }) => {
    const t = Date.parse(alert.createdAt);
    return t >= input.from.getTime() && t <= input.to.getTime();
  }));
  for (const { alert, title, url, subscriptionIds } of inWindow) {
    const at = placeOfAlert(alert.matches, places);
    const name = at ? places.get(at.placeId)?.names.en ?? at.placeId : null;
    alerts.push({ id: alert.id, storyId: alert.storyId, subscriptionIds, createdAt: alert.createdAt, title: title ?? null, url: url ?? null,
      placeId: at?.placeId ?? null, placeName: name });
    if (!at) continue;
    const point = points.get(at.placeId) ?? { placeId: at.placeId, name: name!, coords: at.coords, alertIds: [] };
    point.alertIds.push(alert.id);
    points.set(at.placeId, point);
  }
  const regions = input.regionIds.filter((id) => places.get(id))
    .map((id) => ({ id, name: places.get(id)!.names.en, covers: (e: string) => e === id || places.ancestors(e).includes(id) }));
  const timeline = dailyCounts(inWindow.map(({ alert }) => ({ createdAt: alert.createdAt, entityIds: alert.matches.map((m) => m.entityId) })),
    regions, input.from, input.to);
  return { groups: groupPlaces([...points.values()], input.groupKm), alerts, unplaced: alerts.filter((a) => !a.placeId).length, timeline };
}
