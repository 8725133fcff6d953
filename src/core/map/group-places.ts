// Groups map points that lie close together, so a dense area shows one point with a count instead of a
// pile of overlapping ones. Pure. Greedy and deterministic: the busiest place seeds a group and takes
// every place within the radius of it.

export interface PlacePoint {
  placeId: string;
  name: string;
  coords: [number, number];
  alertIds: string[];
}

export interface PlaceGroup {
  /** The seed place's id: stable while the busiest place stays the busiest. */
  id: string;
  /** The seed place's coordinates (a real place, not an average that may fall in the desert). */
  coords: [number, number];
  count: number;
  places: Array<{ id: string; name: string; count: number }>;
  alertIds: string[];
}

const EARTH_KM = 6371;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance (haversine) between two [lat, lon] points, in km. */
export function kmBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = rad(b[0] - a[0]);
  const dLon = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Groups of places within `radiusKm` of their group's seed; 0 keeps every place apart. Busiest first. */
export function groupPlaces(points: readonly PlacePoint[], radiusKm: number): PlaceGroup[] {
  const order = [...points].sort((a, b) => b.alertIds.length - a.alertIds.length || a.placeId.localeCompare(b.placeId));
  const groups: PlaceGroup[] = [];
  for (const p of order) {
    const home = radiusKm > 0 ? groups.find((g) => kmBetween(g.coords, p.coords) <= radiusKm) : undefined;
    const entry = { id: p.placeId, name: p.name, count: p.alertIds.length };
    if (home) {
      home.places.push(entry);
      home.alertIds.push(...p.alertIds);
      home.count += p.alertIds.length;
    } else {
      groups.push({ id: p.placeId, coords: p.coords, count: p.alertIds.length, places: [entry], alertIds: [...p.alertIds] });
    }
  }
  return groups.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}
