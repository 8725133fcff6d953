// The worker-thread pool (Piscina) that runs feed parsing, page extraction and matching
// (pipeline/analysis-tasks.ts) off the event loop, so a 10 MiB feed or a pathological page stalls no
// poll, delivery or API request, and one process uses every core. With 0 threads the same tasks run
// in-process (tests that want one thread of control). It owns the thread boundary and nothing else.
import os from 'node:os';
import { Piscina } from 'piscina';
import { fromWireError } from '../../core/errors/wire-error.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import type { Matcher } from '../../core/match/compile-matcher.js';
import type { MatchDoc, MatchField } from '../../core/match/match-document.js';
import type { Entity } from '../../core/entities/entity.js';
import { writeMatcherSnapshot } from '../../core/match/matcher-snapshot.js';
import type { ExtractedArticle } from '../../core/extract/extract-article.js';
import * as tasks from '../../pipeline/analysis-tasks.js';
import type { Analysis, AnalyseInput, CatalogRef, PageInput, QueriesInput, SourceDocInput, SourceDocItems, TaskResult } from '../../pipeline/analysis-tasks.js';

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

/** What the pool needs of an entity snapshot (entity-catalog.ts). */
export interface Catalog { version: string; matcher: Matcher; entities: readonly Entity[] }

type TaskName = 'readSourceDocTask' | 'extractPageTask' | 'contentTextTask' | 'analyseTask' | 'evaluateQueriesTask';

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
    close: async () => undefined,
  };
}

export function createAnalysisPool(opts: { threads: number }): AnalysisPool {
  if (opts.threads <= 0) return inProcess();
  // Started on the first task: a one-shot command (`vigie sources list`) creates services but never parses.
  let pool: Piscina | undefined;
  const started = (): Piscina => (pool ??= new Piscina({
    filename: new URL('../../pipeline/analysis-tasks.js', import.meta.url).href,
    minThreads: opts.threads,
    maxThreads: opts.threads,
    // A thread keeps its matcher (read from the snapshot, ~0.2 s): never let it go idle-terminate.
    idleTimeout: Number.POSITIVE_INFINITY,
  }));
  /** The snapshot bytes of each compiled matcher, made once per catalog version and shared by every thread. */
  const shared = new WeakMap<Matcher, SharedArrayBuffer>();
  const catalogRef = (catalog: Catalog): CatalogRef => {
    let bytes = shared.get(catalog.matcher);
    if (!bytes) {
      const written = writeMatcherSnapshot(catalog.matcher);
      bytes = new SharedArrayBuffer(written.byteLength);
      new Uint8Array(bytes).set(written);
      shared.set(catalog.matcher, bytes);
    }
    return { version: catalog.version, bytes };
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
    close: async () => { await pool?.close(); },
  };
}
