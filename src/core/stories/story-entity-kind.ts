// How an entity counts when deciding whether two articles tell the same story: a precise place, a
// broad area, an actor or a topic. Reads the entity's kind and type only; knows no entity by name.
import type { Entity } from '../entities/entity.js';

export type StoryEntityKind = 'place' | 'area' | 'actor' | 'topic';

/** Region types too broad to tie two reports to one event (every Deir ez-Zor story shares the governorate). */
const AREA_TYPES = new Set(['country', 'governorate', 'province', 'region', 'state']);

/** Class of a gazetteer entity for story matching: towns, districts, sub-districts, crossings, bases... are places. */
export function storyEntityKind(entity: Pick<Entity, 'kind' | 'type'>): StoryEntityKind {
  if (entity.kind === 'actor') return 'actor';
  if (entity.kind === 'topic') return 'topic';
  return AREA_TYPES.has((entity.type ?? '').toLowerCase()) ? 'area' : 'place';
}

/** Fallback when the caller gives no kind for an id: `actor-…` ids are actors, the rest are places. */
export function guessStoryEntityKind(id: string): StoryEntityKind {
  return id.startsWith('actor-') ? 'actor' : 'place';
}
