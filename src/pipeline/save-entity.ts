// Run-time entity edits (API, CLI, web page): validate an entity against the current catalog, store it
// in Redis (entity-store.ts) and recompile, so the next article every worker matches sees it.
import { entitySchema, type Entity, type Lang } from '../core/entities/entity.js';
import { buildEntityGraph } from '../core/match/entity-graph.js';
import { VigieError } from '../core/errors/vigie-error.js';
import { mergeEntities, type createEntityCatalog } from './entity-catalog.js';
import type { EntityStore } from '../adapters/redis/entity-store.js';

export interface EntityEditServices { entities: ReturnType<typeof createEntityCatalog>; entityEdits: EntityStore }

/** Stores `entity` as an edit; ENTITY_INVALID (permanent) for an unknown parent or a cycle. */
export async function saveEntity(s: EntityEditServices, entity: Entity): Promise<{ entity: Entity; version: string }> {
  const snap = await s.entities.current();
  const problems = buildEntityGraph(mergeEntities(snap.entities, [entity])).validate().filter((p) => p.includes(entity.id));
  if (problems.length > 0) throw new VigieError('ENTITY_INVALID', 'entities', problems.join('; '), { details: { problems } });
  await s.entityEdits.put(entity);
  const next = await s.entities.current(); // recompiles now: the answer carries the new version
  return { entity, version: next.version };
}

/** The entity with more aliases in one language, recorded as added by hand (origin "hand"). */
export function withAliases(e: Entity, lang: Lang, aliases: readonly string[]): Entity {
  const merged = [...new Set([...(e.aliases[lang] ?? []), ...aliases])];
  const hand = [...new Set([...(e.hand ?? []), ...aliases])];
  return entitySchema.parse({ ...e, aliases: { ...e.aliases, [lang]: merged }, hand });
}
