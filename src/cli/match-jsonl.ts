// The `vigie match --jsonl` loop: one JSON line in ({id,title,summary,text,lang}), one line out
// ({id,matches,entities,events}), in order. Lean by default: each match names its entity and where it was
// found; --snippets writes every match in full. A bad line becomes an error line; the loop goes on.
// With workers, batches of lines go to worker threads (match-worker.ts) and come back in order; at
// most two batches per worker are out, and the input is read no faster than the output drains.
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { MatcherSource } from '../config/matcher-cache.js';
import { readLines } from './read-lines.js';
import type { Matcher } from '../core/match/compile-matcher.js';
import { matchDocument, type Match, type MatchDoc } from '../core/match/match-document.js';
import { VigieError, isVigieError } from '../core/errors/vigie-error.js';
import { readEvents } from '../core/events/read-events.js';

export interface MatchJsonlOptions {
  /** Language of lines without "lang" (names are reported in the line's language). */
  lang?: string;
  /** Write each match whole (alias, surface, snippet, evidence...), not only its lean fields. */
  snippets: boolean;
}

/** What a lean line keeps of a match: the entity, its path, and the field and offsets of the hit. */
export interface LeanMatch {
  entityId: string; kind: string; name: string; path: string[]; field: string; start: number; end: number;
}

const lean = (m: Match): LeanMatch => ({
  entityId: m.entityId, kind: m.kind, name: m.name, path: m.path, field: m.field, start: m.start, end: m.end,
});

const str = (v: Record<string, unknown>, k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);

/** The document a parsed JSON object stands for; its own "lang" wins over `lang`. */
export function jsonDoc(v: Record<string, unknown>, lang?: string): MatchDoc {
  return { title: str(v, 'title'), summary: str(v, 'summary'), text: str(v, 'text'), lang: str(v, 'lang') ?? lang };
}

/** One result line (without its newline). Never throws on the line's content. */
export function matchLine(matcher: Matcher, line: string, opts: MatchJsonlOptions): string {
  let id: unknown = null;
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    id = v.id ?? null;
    const doc = jsonDoc(v, opts.lang);
    const result = matchDocument(matcher, doc);
    const { matches, entities } = result;
    return JSON.stringify({ id: v.id, matches: opts.snippets ? matches : matches.map(lean), entities, events: readEvents(doc, result) });
  } catch (err) {
    const e = isVigieError(err) ? err : new VigieError('CONFIG_INVALID', 'match', `bad input line: ${(err as Error).message}`);
    return JSON.stringify({ id, error: { code: e.code, message: e.message } });
  }
}

/** Input lines are handed on in batches of about this many characters (output: one write each). */
const BATCH = 1 << 17;

/** The input in batches of whole lines of about BATCH characters. */
async function* batches(input: Readable): AsyncGenerator<string[]> {
  let batch: string[] = [];
  let size = 0;
  for await (const lines of readLines(input)) {
    for (const line of lines) {
      batch.push(line);
      size += line.length;
      if (size >= BATCH) { yield batch; batch = []; size = 0; }
    }
  }
  if (batch.length > 0) yield batch;
}

async function write(output: Writable, text: string): Promise<void> {
  if (text !== '' && !output.write(text)) await once(output, 'drain');
}

/** Reads JSON lines from `input` to its end and matches them here; returns how many were read. */
export async function matchJsonl(matcher: Matcher, input: Readable, output: Writable, opts: MatchJsonlOptions): Promise<number> {
  let count = 0;
  for await (const lines of batches(input)) {
    let out = '';
    for (const line of lines) out += `${matchLine(matcher, line, opts)}\n`;
    count += lines.length;
    await write(output, out);
  }
  return count;
}

/** One worker thread and the answers it owes, oldest first (a worker answers in order). */
interface PoolWorker { worker: Worker; owed: Array<{ resolve(out: string): void; reject(err: Error): void }> }

function startWorker(source: MatcherSource, snapshot: string | undefined, opts: MatchJsonlOptions): PoolWorker {
  const w: PoolWorker = { worker: new Worker(new URL('./match-worker.js', import.meta.url), { workerData: { source, snapshot, opts } }), owed: [] };
  w.worker.on('message', (out: string) => w.owed.shift()?.resolve(out));
  const fail = (err: Error): void => { for (const o of w.owed.splice(0)) o.reject(err); };
  w.worker.on('error', fail);
  w.worker.on('exit', (code) => fail(new Error(`match worker exited (code ${code})`)));
  return w;
}

/**
 * As matchJsonl, the matching spread over `workers` threads (each loads the matcher's snapshot: the
 * file `snapshot` when given, as prepareSnapshot names it).
 */
export async function matchJsonlInWorkers(source: MatcherSource, input: Readable, output: Writable, opts: MatchJsonlOptions, workers: number, snapshot?: string): Promise<number> {
  const pool = Array.from({ length: workers }, () => startWorker(source, snapshot, opts));
  const results: Array<Promise<string>> = [];
  let count = 0;
  let next = 0;
  try {
    for await (const lines of batches(input)) {
      const w = pool[next]!;
      next = (next + 1) % pool.length;
      const result = new Promise<string>((resolve, reject) => w.owed.push({ resolve, reject }));
      result.catch(() => undefined); // awaited in order below; a failure surfaces there
      results.push(result);
      w.worker.postMessage(lines);
      count += lines.length;
      if (results.length >= 2 * workers) await write(output, await results.shift()!);
    }
    for (const r of results.splice(0)) await write(output, await r);
  } finally {
    for (const w of pool) w.worker.removeAllListeners('exit');
    await Promise.all(pool.map((w) => w.worker.terminate()));
  }
  return count;
}
