// The worker-thread pool (Piscina) that runs feed parsing, page extraction and matching
// (pipeline/analysis-tasks.ts) off the event loop, so a 10 MiB feed or a pathological page stalls no
// poll, delivery or API request, and one process uses every core. With 0 threads the same tasks run
// in-process (tests that want one thread of control). It owns the thread boundary and nothing else.
import os from 'node:os';
import { serialize } from 'node:v8';
import { Piscina } from 'piscina';
import { fromWireError } from '../../core/errors/wire-error.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import { compileMatcher, type Matcher } from '../../core/match/compile-matcher.js';
import type { MatchDoc, MatchField } from '../../core/match/match-document.js';
import type { Entity } from '../../core/entities/entity.js';
import { mergeEntities } from '../../core/entities/merge-entities.js';
import { writeMatcherSnapshot } from '../../core/match/matcher-snapshot.js';
import { knownCandidateKeys } from '../../core/candidates/known-candidate-keys.js';
import type { ExtractedArticle } from '../../core/extract/extract-article.js';
import * as tasks from '../../pipeline/analysis-tasks.js';
import { toShared } from '../../pipeline/analysis-tasks.js';
import type { Analysis, AnalyseInput, CatalogRef, CompileInput, PageInput, QueriesInput, SharedCatalog, SourceDocInput, SourceDocItems, TaskResult } from '../../pipeline/analysis-tasks.js';
import type { CompiledCatalog } from '../../pipeline/entity-catalog.js';
import { openWarmChannel, type ThreadWarmth, type WarmChannel } from './warm-channel.js';

export type { ThreadWarmth } from './warm-channel.js';
export { toShared };

export interface AnalysisPool {
  /** Threads in the pool; 0: tasks run on the event loop. */
  readonly threads: number;
  readSourceDoc(input: SourceDocInput): Promise<SourceDocItems>;
  extractPage(input: PageInput): Promise<ExtractedArticle>;
  contentText(input: { html: string; url: string; lang?: string }): Promise<string>;
  /** Matches a document with the catalog of `version`; reads its events and finds candidate actors when asked. */
  analyse(doc: MatchDoc, catalog: Catalog, opts: { fields?: MatchField[]; events: boolean; candidates?: boolean }): Promise<Analysis>;
  /** Whether each keyword query holds over the document (routing's text part). */
  evaluateQueries(input: QueriesInput): Promise<boolean[]>;
  /**
   * Compiles the catalog of the shipped entities `base` with the API edits `overlay`: on a thread, as the
   * snapshot bytes its threads read (the event loop only serializes `base`, once, in short turns);
   * in-process, as a matcher.
   */
  compileCatalog(base: readonly Entity[], overlay: readonly Entity[]): Promise<CompiledCatalog>;
  /**
   * The threads started so far (none before the first task, none in-process) and the catalog version
   * each has read ahead of its tasks (warm-up): what shows the first article will not wait for them.
   */
  threadsWarmth(): ThreadWarmth[];
  close(): Promise<void>;
}

/**
 * Below this many characters of text, keyword queries are evaluated on the event loop: indexing a
 * usual article takes well under a millisecond, less than sending every query to a thread and back.
 */
const QUERIES_IN_PLACE_CHARS = 100_000;
const docChars = (d: QueriesInput['doc']): number => (d.title?.length ?? 0) + (d.summary?.length ?? 0) + (d.text?.length ?? 0);

/** One thread per core: the event loop's own work (I/O, Redis, JSON) is light next to parsing and matching. */
export function defaultPoolThreads(): number {
  return os.availableParallelism();
}

/**
 * What the pool needs of an entity snapshot (entity-catalog.ts): `shared` when a thread compiled it,
 * used as is; otherwise the matcher, written as snapshot bytes once for the threads.
 */
export interface Catalog { version: string; matcher: Matcher; entities: readonly Entity[]; shared?: SharedCatalog }

type TaskName = 'readSourceDocTask' | 'extractPageTask' | 'contentTextTask' | 'analyseTask' | 'evaluateQueriesTask' | 'compileCatalogTask';

/** Entities per serialized chunk of the base: each chunk is one short turn of the event loop (a few ms). */
const BASE_CHUNK = 500;

/** `list` serialized (node:v8) into shared memory, a chunk per turn of the event loop, so no poll or request waits long. */
async function serializeInTurns(list: readonly Entity[]): Promise<SharedArrayBuffer[]> {
  const chunks: SharedArrayBuffer[] = [];
  for (let i = 0; i < list.length; i += BASE_CHUNK) {
    chunks.push(toShared(serialize(list.slice(i, i + BASE_CHUNK))));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return chunks;
}

function unwrap<T>(r: TaskResult<T>): T {
  if (r.ok) return r.value;
  throw fromWireError(r.error);
}

function inProcess(): AnalysisPool {
  return {
    threads: 0,
    readSourceDoc: async (input) => unwrap(await tasks.readSourceDocTask(input)),
    extractPage: async (input) => unwrap(await tasks.extractPageTask(input)),
    contentText: async (input) => unwrap(await tasks.contentTextTask(input)),
    analyse: async (doc, catalog, opts) => unwrap(await tasks.analyseTask({ doc, catalog, ...opts })),
    evaluateQueries: async (input) => unwrap(await tasks.evaluateQueriesTask(input)),
    compileCatalog: async (base, overlay) => ({ matcher: compileMatcher(mergeEntities(base, overlay)) }),
    threadsWarmth: () => [],
    close: async () => undefined,
  };
}

export interface PoolOptions {
  threads: number;
  /**
   * The catalog this process already has compiled, if any (never compile for this): offered to each
   * thread as it starts, so the thread reads it between tasks instead of during the first article's.
   */
  catalogInHand?: () => Catalog | undefined;
  /** Told when a thread has read a catalog ahead of its tasks (for a log line). */
  onThreadWarm?: (t: ThreadWarmth) => void;
}

export function createAnalysisPool(opts: PoolOptions): AnalysisPool {
  if (opts.threads <= 0) return inProcess();
  /** The snapshot bytes and known actor keys of each matcher compiled in this thread, written once and shared by every thread. */
  const written = new WeakMap<Matcher, SharedCatalog>();
  /** The catalogs offered to idle threads already. */
  const offered = new WeakSet<SharedCatalog>();
  let channel: WarmChannel | undefined;
  const catalogRef = (catalog: Catalog): Extract<CatalogRef, SharedCatalog> => {
    let made = catalog.shared ?? written.get(catalog.matcher);
    if (!made) {
      made = { bytes: toShared(writeMatcherSnapshot(catalog.matcher)), known: toShared(tasks.encodeKnownKeys(knownCandidateKeys(catalog.entities))) };
      written.set(catalog.matcher, made);
    }
    if (!offered.has(made)) {
      offered.add(made);
      // A new version (the first, or an entity edit): the threads not running this task read it while idle.
      channel?.offer({ version: catalog.version, ...made });
    }
    return { version: catalog.version, ...made };
  };
  /** The base entities serialized for the threads, once per list (the shipped entities: once per process). */
  const bases = new WeakMap<readonly Entity[], Promise<SharedArrayBuffer[]>>();
  const sharedBase = (base: readonly Entity[]): Promise<SharedArrayBuffer[]> => {
    let made = bases.get(base);
    if (!made) {
      made = serializeInTurns(base);
      bases.set(base, made);
    }
    return made;
  };
  const offerInHand = (): void => {
    const catalog = opts.catalogInHand?.();
    if (catalog) channel?.offer(catalogRef(catalog));
  };
  // Started on the first task: a one-shot command (`vigie sources list`) creates services but never parses.
  let pool: Piscina | undefined;
  const started = (): Piscina => {
    if (pool) return pool;
    channel = openWarmChannel({ hello: offerInHand, ready: opts.onThreadWarm });
    pool = new Piscina({
      filename: new URL('./analysis-thread.js', import.meta.url).href,
      minThreads: opts.threads,
      maxThreads: opts.threads,
      // A thread keeps its matcher (read from the snapshot, ~0.2 s): never let it go idle-terminate.
      idleTimeout: Number.POSITIVE_INFINITY,
      // An idle thread waits on its event loop, not in Atomics.wait, so it handles the warm-up channel
      // between tasks; a message per task costs microseconds against tasks of milliseconds.
      atomics: 'disabled',
      workerData: { warmChannel: channel.name },
    });
    return pool;
  };
  const run = async <T>(name: TaskName, input: unknown): Promise<T> => {
    let result: TaskResult<T>;
    try {
      result = await started().run(input, { name });
    } catch (err) {
      // The task's own errors come back as values; a rejection is the thread itself (died, out of memory).
      throw new VigieError('ANALYSIS_THREAD_FAILED', 'pool', `${name}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
    }
    return unwrap(result);
  };
  return {
    threads: opts.threads,
    readSourceDoc: (input) => run('readSourceDocTask', input),
    extractPage: (input) => run('extractPageTask', input),
    contentText: (input) => run('contentTextTask', input),
    analyse: (doc, catalog, o) => run('analyseTask', { doc, catalog: catalogRef(catalog), ...o } satisfies AnalyseInput),
    evaluateQueries: async (input) => (input.queries.length === 0 || docChars(input.doc) < QUERIES_IN_PLACE_CHARS
      ? tasks.evaluateQueries(input)
      : run<boolean[]>('evaluateQueriesTask', input)),
    compileCatalog: async (base, overlay) => {
      const input: CompileInput = { base: await sharedBase(base), overlay: [...overlay] };
      return { shared: await run<SharedCatalog>('compileCatalogTask', input) };
    },
    threadsWarmth: () => channel?.threads() ?? [],
    close: async () => {
      await pool?.close();
      channel?.close();
    },
  };
}
