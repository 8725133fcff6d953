// The alert map and timeline of the web page, from values: alerts (with their article's title) and the
// entity graph in, points grouped when dense, a list entry per alert and per-day counts out. Pure:
// the API route (src/api/routes/alert-map.ts) reads Redis and passes everything in.
import type { Alert } from '../model/alert.js';
import { dailyCounts, type Timeline } from './daily-counts.js';
import { groupPlaces, type PlaceGroup, type PlacePoint } from './group-places.js';
import { placeOfAlert, type PlaceLookup } from './place-of-alert.js';

export interface MapInput {
  /** Newest first or any order; each with its article's title and URL when known. */
  alerts: ReadonlyArray<{ alert: Alert; title?: string; url?: string }>;
  places: PlaceLookup & { expand(id: string): Set<string> };
  /** The timeline's series: a subscription's regions (none: the total only). */
  regionIds: readonly string[];
  groupKm: number;
  from: Date;
  to: Date;
}

export interface MapAlert {
  id: string;
  subscriptionId: string;
  createdAt: string;
  title: string | null;
  url: string | null;
  placeId: string | null;
  placeName: string | null;
}

export interface AlertMap {
  groups: PlaceGroup[];
  /** Every alert of the window, newest first; `placeId` null for those with no place on the map. */
  alerts: MapAlert[];
  unplaced: number;
  timeline: Timeline;
}

export function buildAlertMap(input: MapInput): AlertMap {
  const { places } = input;
  const points = new Map<string, PlacePoint>();
  const alerts: MapAlert[] = [];
  const inWindow = input.alerts.filter(({ alert }) => {
    const t = Date.parse(alert.createdAt);
    return t >= input.from.getTime() && t <= input.to.getTime();
  }).sort((a, b) => b.alert.createdAt.localeCompare(a.alert.createdAt) || a.alert.id.localeCompare(b.alert.id));
  for (const { alert, title, url } of inWindow) {
    const at = placeOfAlert(alert.matches, places);
    const name = at ? places.get(at.placeId)?.names.en ?? at.placeId : null;
    alerts.push({ id: alert.id, subscriptionId: alert.subscriptionId, createdAt: alert.createdAt, title: title ?? null, url: url ?? null,
      placeId: at?.placeId ?? null, placeName: name });
    if (!at) continue;
    const point = points.get(at.placeId) ?? { placeId: at.placeId, name: name!, coords: at.coords, alertIds: [] };
    point.alertIds.push(alert.id);
    points.set(at.placeId, point);
  }
  const regions = input.regionIds.filter((id) => places.get(id))
    .map((id) => ({ id, name: places.get(id)!.names.en, within: places.expand(id) }));
  const timeline = dailyCounts(inWindow.map(({ alert }) => ({ createdAt: alert.createdAt, entityIds: alert.matches.map((m) => m.entityId) })),
    regions, input.from, input.to);
  return { groups: groupPlaces([...points.values()], input.groupKm), alerts, unplaced: alerts.filter((a) => !a.placeId).length, timeline };
}
