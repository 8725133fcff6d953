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
 * `onBaseCompiled`: told of the base matcher when this catalog had to compile it (to write its snapshot).
 */
export function createEntityCatalog(baseEntities: Entity[], store?: EntityStore, baseMatcher?: Matcher, onBaseCompiled?: (m: Matcher) => void) {
  let snapshot: EntitySnapshot | undefined;
  let base = baseMatcher;
  const compile = (version: string, entities: Entity[], matcher?: Matcher): EntitySnapshot =>
    ({ version, entities, matcher: matcher ?? compileMatcher(entities), graph: buildEntityGraph(entities) });

  return {
    /** Returns the current snapshot, recompiling when the overlay version in Redis moved. */
    async current(): Promise<EntitySnapshot> {
      const version = store ? await store.version() : '0';
      if (snapshot && snapshot.version === version) return snapshot;
      const overlay = store ? await store.overlay() : [];
      const entities = mergeEntities(baseEntities, overlay);
      if (overlay.length > 0) {
        snapshot = compile(version, entities);
        return snapshot;
      }
      const compiledHere = base === undefined;
      snapshot = compile(version, entities, base);
      // Kept: the edits being removed again later needs no second compile of the base.
      base = snapshot.matcher;
      if (compiledHere) onBaseCompiled?.(base);
      return snapshot;
    },
    /** The snapshot compiled so far, if any: no compile, no Redis (what warming may use, never cause). */
    peek(): EntitySnapshot | undefined {
      return snapshot;
    },
  };
}

export type EntityCatalog = ReturnType<typeof createEntityCatalog>;
