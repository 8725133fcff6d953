// Holds the compiled matcher and entity graph of one process, recompiled only when the entity set
// changes (files at start, or an API edit that bumps the version in Redis), never per article.
import type { Entity } from '../core/entities/entity.js';
import { compileMatcher, type Matcher } from '../core/match/compile-matcher.js';
import { buildEntityGraph, type EntityGraph } from '../core/match/entity-graph.js';
import type { EntityStore } from '../adapters/redis/entity-store.js';

export interface EntitySnapshot { version: string; entities: Entity[]; matcher: Matcher; graph: EntityGraph }

export function mergeEntities(base: Entity[], overlay: Entity[]): Entity[] {
  const byId = new Map(base.map((e) => [e.id, e] as const));
  for (const e of overlay) byId.set(e.id, e);
  return [...byId.values()];
}

/**
 * Entities edited through the API (see entity-store.ts) override the shipped files by id. `baseMatcher`:
 * the matcher of `baseEntities` when the caller already has it (read from a snapshot file), used as long as
 * no entity is edited, so it is not compiled a second time (the shipped catalog takes seconds of CPU).
 */
export function createEntityCatalog(baseEntities: Entity[], store?: EntityStore, baseMatcher?: Matcher) {
  let snapshot: EntitySnapshot | undefined;
  const compile = (version: string, entities: Entity[], matcher?: Matcher): EntitySnapshot =>
    ({ version, entities, matcher: matcher ?? compileMatcher(entities), graph: buildEntityGraph(entities) });

  return {
    /** Returns the current snapshot, recompiling when the overlay version in Redis moved. */
    async current(): Promise<EntitySnapshot> {
      const version = store ? await store.version() : '0';
      if (snapshot && snapshot.version === version) return snapshot;
      const overlay = store ? await store.overlay() : [];
      snapshot = compile(version, mergeEntities(baseEntities, overlay), overlay.length === 0 ? baseMatcher : undefined);
      return snapshot;
    },
    /** The snapshot compiled so far, if any: no compile, no Redis (what warming may use, never cause). */
    peek(): EntitySnapshot | undefined {
      return snapshot;
    },
  };
}

export type EntityCatalog = ReturnType<typeof createEntityCatalog>;
