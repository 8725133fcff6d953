// Run-time entity edits (API, CLI, web page): validate an entity against the current catalog, store it
// in Redis (entity-store.ts) and recompile (on the analysis pool), so the next article every worker matches sees it.
import { entitySchema, type Entity, type Lang } from '../core/entities/entity.js';
import { linkProblems } from '../core/match/entity-graph.js';
import { VigieError } from '../core/errors/vigie-error.js';
import type { EntityCatalog } from './entity-catalog.js';
import type { EntityStore } from '../adapters/redis/entity-store.js';

export interface EntityEditServices { entities: EntityCatalog; entityEdits: EntityStore }

/**
 * Stores `entity` as an edit; ENTITY_INVALID (permanent) for an unknown parent or a cycle;
 * ENTITY_COMPILE_FAILED when the catalog with it cannot be compiled (the previous one stays in use).
 */
export async function saveEntity(s: EntityEditServices, entity: Entity): Promise<{ entity: Entity; version: string }> {
  const problems = problemsWith((await s.entities.current()).entities, entity);
  if (problems.length > 0) throw new VigieError('ENTITY_INVALID', 'entities', problems.join('; '), { details: { problems } });
  await s.entityEdits.put(entity);
  const next = await s.entities.latest(); // compiles now: the answer carries the new version once it is usable
  return { entity, version: next.version };
}

/**
 * What adding `entity` to `entities` breaks: a parent the catalog lacks, a cycle through it. Only these
 * two are checked, not a whole graph built (keying every name of the shipped catalog stalls the loop).
 */
function problemsWith(entities: readonly Entity[], entity: Entity): string[] {
  const byId = new Map(entities.map((e) => [e.id, e] as const)).set(entity.id, entity);
  return linkProblems([entity], byId).filter((p) => p.includes(entity.id));
}

/** The entity with more aliases in one language, recorded as added by hand (origin "hand"). */
export function withAliases(e: Entity, lang: Lang, aliases: readonly string[]): Entity {
  const merged = [...new Set([...(e.aliases[lang] ?? []), ...aliases])];
  const hand = [...new Set([...(e.hand ?? []), ...aliases])];
  return entitySchema.parse({ ...e, aliases: { ...e.aliases, [lang]: merged }, hand });
}
