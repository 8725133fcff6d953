// Holds the compiled matcher and entity graph of one process, recompiled only when the entity set
// changes (files at start, or an API edit that bumps the version in Redis), never per article.
import type { Redis } from 'ioredis';
import type { Entity } from '../core/entities/entity.js';
import { entitySchema } from '../core/entities/entity.js';
import { compileMatcher, type Matcher } from '../core/match/compile-matcher.js';
import { buildEntityGraph, type EntityGraph } from '../core/match/entity-graph.js';
import type { Keys } from '../adapters/redis/keys.js';

export interface EntitySnapshot { version: string; entities: Entity[]; matcher: Matcher; graph: EntityGraph }

/** Entities edited through the API live in Redis and override (or add to) the shipped files by id. */
export async function readEntityOverlay(redis: Redis, keys: Keys): Promise<Entity[]> {
  const raw = await redis.hgetall(keys.entities);
  return Object.values(raw).map((json) => entitySchema.parse(JSON.parse(json)));
}

export function mergeEntities(base: Entity[], overlay: Entity[]): Entity[] {
  const byId = new Map(base.map((e) => [e.id, e] as const));
  for (const e of overlay) byId.set(e.id, e);
  return [...byId.values()];
}

export function createEntityCatalog(baseEntities: Entity[], redis?: Redis, keys?: Keys) {
  let snapshot: EntitySnapshot | undefined;
  const compile = (version: string, entities: Entity[]): EntitySnapshot =>
    ({ version, entities, matcher: compileMatcher(entities), graph: buildEntityGraph(entities) });

  return {
    /** Returns the current snapshot, recompiling when the overlay version in Redis moved. */
    async current(): Promise<EntitySnapshot> {
      const version = redis && keys ? ((await redis.get(keys.entitiesVersion)) ?? '0') : '0';
      if (snapshot && snapshot.version === version) return snapshot;
      const overlay = redis && keys ? await readEntityOverlay(redis, keys) : [];
      snapshot = compile(version, mergeEntities(baseEntities, overlay));
      return snapshot;
    },
  };
}

export type EntityCatalog = ReturnType<typeof createEntityCatalog>;
