// The catalog an admin's edits make: the shipped entities with the API edits laid over them by id.
// Pure; shared by the process's catalog and the analysis thread that compiles it.
import type { Entity } from './entity.js';

/** `base` with each entity of `overlay` replacing the one of its id (or added after them). */
export function mergeEntities(base: readonly Entity[], overlay: readonly Entity[]): Entity[] {
  const byId = new Map(base.map((e) => [e.id, e] as const));
  for (const e of overlay) byId.set(e.id, e);
  return [...byId.values()];
}
