// Where an alert goes on the map: its most precise matched place that has coordinates. Pure; the
// entity graph is passed in. Owns no drawing and no grouping (group-places.ts).
import type { Entity } from '../entities/entity.js';
import type { MatchExplanation } from '../model/alert.js';

/** What the map needs of the entity graph (EntityGraph satisfies it). */
export interface PlaceLookup {
  get(id: string): Entity | undefined;
  /** Ancestors, nearest first. */
  ancestors(id: string): string[];
}

export interface AlertPlace {
  /** The matched region the alert is about. */
  placeId: string;
  /** Where it is drawn: the place's own coordinates, else its nearest ancestor's (a village the data
   * has no point for is drawn at its district). */
  coords: [number, number];
  /** The entity whose coordinates are used (placeId itself, or an ancestor). */
  coordsFrom: string;
}

const FIELD_RANK = { title: 0, summary: 1, text: 2 } as const;

/** The first of the entity and its ancestors that has coordinates. */
function locate(id: string, places: PlaceLookup): { coords: [number, number]; from: string } | undefined {
  for (const candidate of [id, ...places.ancestors(id)]) {
    const coords = places.get(candidate)?.coords;
    if (coords) return { coords, from: candidate };
  }
  return undefined;
}

/**
 * The deepest matched region (a town beats its governorate beats its country); on a tie, the one hit in
 * the title, then the earliest hit. Undefined when no matched region, nor any of its ancestors, has
 * coordinates (an alert on actors or keywords only).
 */
export function placeOfAlert(matches: readonly MatchExplanation[], places: PlaceLookup): AlertPlace | undefined {
  let best: { m: MatchExplanation; depth: number; at: { coords: [number, number]; from: string } } | undefined;
  for (const m of matches) {
    if (m.kind !== 'region' || !places.get(m.entityId)) continue;
    const at = locate(m.entityId, places);
    if (!at) continue;
    const depth = places.ancestors(m.entityId).length;
    const better = !best || depth > best.depth || (depth === best.depth
      && (FIELD_RANK[m.field] - FIELD_RANK[best.m.field] || m.start - best.m.start) < 0);
    if (better) best = { m, depth, at };
  }
  return best && { placeId: best.m.entityId, coords: best.at.coords, coordsFrom: best.at.from };
}
