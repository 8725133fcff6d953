// The entity catalog a process boots with: entities and compiled matcher from the snapshot written for
// the same entity files and matcher code (matcher-cache.ts) when there is one, so a restart reads a file
// instead of parsing the entity files (~2 s of CPU) and compiling them at its first article (~6 s);
// else the files, and the snapshot written by whoever compiles them first. Never compiles itself.
import type { Entity } from '../core/entities/entity.js';
import type { Matcher } from '../core/match/compile-matcher.js';
import { loadEntities } from './load-entities.js';
import { readEntitiesOfSnapshot, readSnapshot, snapshotFile, snapshotKey, writeSnapshot } from './matcher-cache.js';

export interface CatalogCache {
  /** The entities of a folder: the snapshot's when its key matches, else loadEntities' (ENTITY_INVALID on bad files). */
  entities(entitiesDir: string): Entity[];
  /** The snapshot's matcher of the entities last read, undefined when they came from the files. */
  readonly matcher: Matcher | undefined;
  /**
   * Writes the snapshot of a matcher compiled from the entities last read from the files (once): the
   * matcher, or the snapshot bytes an analysis thread wrote of it; true if it did.
   */
  keep(compiled: Matcher | Uint8Array): boolean;
}

/**
 * Matchers read in this process, by snapshot file: a file's name is its key, so one read serves every
 * later boot (each command a test runs in process), and its descriptor stays open once, not per boot.
 */
const readBefore = new Map<string, { matcher: Matcher; entities: Entity[] }>();

function readOnce(file: string): { matcher: Matcher; entities: Entity[] } | undefined {
  const known = readBefore.get(file);
  if (known) return known;
  const matcher = readSnapshot(file);
  const entities = matcher && readEntitiesOfSnapshot(file);
  if (!matcher || !entities) return undefined;
  readBefore.set(file, { matcher, entities });
  return { matcher, entities };
}

/** `cacheDir`: the snapshot folder (cache-dir.ts); undefined reads and writes nothing. */
export function openCatalogCache(cacheDir: string | undefined): CatalogCache {
  let matcher: Matcher | undefined;
  let unsaved: { key: string } | undefined;
  return {
    entities(entitiesDir) {
      matcher = undefined;
      unsaved = undefined;
      if (cacheDir === undefined) return loadEntities(entitiesDir);
      // The key is taken before the files are read: a file edited in between puts the newer entities
      // under the older key, which only a run whose files went back to the older bytes would ask for
      // (the other order would give every later run of the edited files the entities before the edit).
      const key = snapshotKey(entitiesDir);
      const cached = readOnce(snapshotFile(cacheDir, key));
      // A snapshot is only ever written from files loadEntities accepted: its entities are valid.
      if (cached) {
        matcher = cached.matcher;
        return [...cached.entities];
      }
      const entities = loadEntities(entitiesDir);
      unsaved = { key };
      return entities;
    },
    get matcher() {
      return matcher;
    },
    keep(compiled) {
      if (cacheDir === undefined || unsaved === undefined) return false;
      const written = writeSnapshot(cacheDir, unsaved.key, compiled);
      unsaved = undefined;
      return written;
    },
  };
}
