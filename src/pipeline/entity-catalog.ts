// Holds the compiled matcher and entity graph of one process, recompiled only when the entity set
// changes (files at start, or an API edit that bumps the version in Redis), never per article. The
// compile itself is handed in (the analysis pool's, on a thread), so an edit never stalls the event loop.
import type { Entity } from '../core/entities/entity.js';
import { mergeEntities } from '../core/entities/merge-entities.js';
import { compileMatcher, type Matcher } from '../core/match/compile-matcher.js';
import { buildEntityGraph, type EntityGraph } from '../core/match/entity-graph.js';
import { bytesReader, readMatcherSnapshot } from '../core/match/matcher-snapshot.js';
import { isVigieError, VigieError } from '../core/errors/vigie-error.js';
import type { SharedCatalog } from './analysis-tasks.js';
import type { EntityStore } from '../adapters/redis/entity-store.js';

export { mergeEntities };

export interface EntitySnapshot {
  version: string;
  entities: Entity[];
  graph: EntityGraph;
  /**
   * The compiled matcher. When a thread compiled it, it is read from `shared` on first use (about half
   * a second of this thread): only code that matches on this thread asks (backtest, a pool of 0 threads).
   */
  readonly matcher: Matcher;
  /** The matcher as the pool's threads read it, when a thread compiled it (no second write). */
  shared?: SharedCatalog;
}

/** A compiled catalog: a matcher (compiled in this thread) or its snapshot bytes (compiled on a thread). */
export type CompiledCatalog = { matcher: Matcher } | { shared: SharedCatalog };
/** Compiles the shipped entities with the API edits laid over them (mergeEntities). */
export type CompileCatalog = (base: readonly Entity[], overlay: readonly Entity[]) => Promise<CompiledCatalog>;

export interface CatalogOptions {
  /** The matcher of `baseEntities` when the caller already has it (read from a snapshot file). */
  baseMatcher?: Matcher;
  /** Where an edited catalog is compiled (services: the analysis pool); default: here, on the event loop. */
  compile?: CompileCatalog;
  /** Told once per version that could not be compiled (the previous catalog stays in use). */
  onCompileFailed?: (err: VigieError, version: string) => void;
  /** Told when this catalog had to compile the base entities themselves (boot writes their snapshot file from it). */
  onBaseCompiled?: (compiled: CompiledCatalog) => void;
}

const compileHere: CompileCatalog = async (base, overlay) => ({ matcher: compileMatcher(mergeEntities(base, overlay)) });

function snapshotOf(version: string, entities: Entity[], compiled: CompiledCatalog): EntitySnapshot {
  const graph = buildEntityGraph(entities);
  if ('matcher' in compiled) return { version, entities, graph, matcher: compiled.matcher };
  const { shared } = compiled;
  let matcher: Matcher | undefined;
  return {
    version, entities, graph, shared,
    get matcher() {
      return (matcher ??= readMatcherSnapshot(bytesReader(new Uint8Array(shared.bytes))));
    },
  };
}

function compileFailed(err: unknown, version: string): VigieError {
  const why = (err as Error)?.message ?? String(err);
  // A thread that died may do better next time; a compile that threw will throw again on the same entities.
  return new VigieError('ENTITY_COMPILE_FAILED', 'entities', `catalog version ${version} could not be compiled: ${why}`, {
    cause: err, permanent: isVigieError(err) ? err.permanent : true, details: { version },
  });
}

/**
 * Entities edited through the API (see entity-store.ts) override the shipped files by id. `baseMatcher`
 * (or `opts.baseMatcher`) is used as long as no entity is edited, so the shipped catalog (seconds of
 * CPU) is not compiled a second time. Concurrent callers share one compile per version; a version that
 * fails to compile is not tried again (the next edit is) while the previous catalog stays in use.
 */
export function createEntityCatalog(baseEntities: Entity[], store?: EntityStore, baseMatcher?: Matcher, opts: CatalogOptions = {}) {
  const given = baseMatcher ?? opts.baseMatcher;
  const compile = opts.compile ?? compileHere;
  let snapshot: EntitySnapshot | undefined;
  let failed: { version: string; error: VigieError } | undefined;
  const inFlight = new Map<string, Promise<EntitySnapshot>>();
  // Compiles may overlap (a second edit while the first compiles): the one started last wins.
  let started = 0;
  let installed = 0;

  // The base compiled, when it is: kept, so edits removed again later need no second compile of it.
  let base: CompiledCatalog | undefined = given ? { matcher: given } : undefined;
  const build = async (version: string): Promise<EntitySnapshot> => {
    const overlay = store ? await store.overlay() : [];
    if (overlay.length > 0) return snapshotOf(version, mergeEntities(baseEntities, overlay), await compile(baseEntities, overlay));
    if (!base) {
      base = await compile(baseEntities, overlay);
      opts.onBaseCompiled?.(base);
    }
    return snapshotOf(version, mergeEntities(baseEntities, overlay), base);
  };

  const compileVersion = (version: string): Promise<EntitySnapshot> => {
    const running = inFlight.get(version);
    if (running) return running;
    const seq = (started += 1);
    const done = build(version).then((next) => {
      if (seq > installed) { snapshot = next; installed = seq; }
      return next;
    }, (err: unknown) => {
      const error = compileFailed(err, version);
      // Remembered only when a previous catalog can be served: without one, the next caller tries again.
      if (snapshot) failed = { version, error };
      opts.onCompileFailed?.(error, version);
      throw error;
    }).finally(() => inFlight.delete(version));
    inFlight.set(version, done);
    return done;
  };

  /** The snapshot of the store's version; `strict`: throw that version's compile error instead of serving the previous one. */
  const resolve = async (strict: boolean): Promise<EntitySnapshot> => {
    const version = store ? await store.version() : '0';
    if (snapshot?.version === version) return snapshot;
    if (failed?.version === version) {
      if (snapshot && !strict) return snapshot;
      throw failed.error;
    }
    try {
      return await compileVersion(version);
    } catch (err) {
      if (snapshot && !strict) return snapshot;
      throw err;
    }
  };

  return {
    /**
     * The current snapshot, compiled when the overlay version in Redis moved (callers meanwhile wait on
     * the same compile). A version that could not be compiled: the previous snapshot, if there is one.
     */
    current: (): Promise<EntitySnapshot> => resolve(false),
    /** As current(), but a version that could not be compiled throws ENTITY_COMPILE_FAILED (what an edit answers). */
    latest: (): Promise<EntitySnapshot> => resolve(true),
    /** The snapshot compiled so far, if any: no compile, no Redis (what warming may use, never cause). */
    peek(): EntitySnapshot | undefined {
      return snapshot;
    },
  };
}

export type EntityCatalog = ReturnType<typeof createEntityCatalog>;
