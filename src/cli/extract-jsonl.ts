// The `vigie extract --jsonl` loop: one JSON line in ({id,url,html}), one JSON line out, in order.
// A bad line becomes an error line and processing goes on; this loop never throws on input content.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { extractArticle } from '../core/extract/extract-article.js';
import { VigieError, isVigieError } from '../core/errors/vigie-error.js';

export interface JsonlResult {
  id: unknown;
  title: string;
  text: string;
  published: string | null;
  lang: string | null;
  error?: { code: string; message: string };
}

export interface JsonlSummary {
  lines: number;
  failed: number;
}

function parseRecord(line: string): { id: unknown; url: string; html: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new VigieError('BAD_INPUT', 'extract', `line is not JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new VigieError('BAD_INPUT', 'extract', 'line is not a JSON object');
  }
  const rec = value as Record<string, unknown>;
  if (typeof rec['html'] !== 'string') {
    throw new VigieError('BAD_INPUT', 'extract', 'field "html" must be a string', { details: { id: rec['id'] } });
  }
  return { id: rec['id'] ?? null, url: typeof rec['url'] === 'string' ? rec['url'] : '', html: rec['html'] };
}

/** Never throws: every failure (bad JSON, no text, a bug) becomes an error record carrying the id. */
export function extractLine(line: string): JsonlResult {
  let id: unknown = null;
  try {
    const rec = parseRecord(line);
    id = rec.id;
    const a = extractArticle(rec.html, { url: rec.url });
    return { id, title: a.title, text: a.text, published: a.published ?? null, lang: a.lang ?? null };
  } catch (err) {
    const code = isVigieError(err) ? err.code : 'INTERNAL';
    const message = err instanceof Error ? err.message : String(err);
    if (id === null) id = peekId(line);
    return { id, title: '', text: '', published: null, lang: null, error: { code, message } };
  }
}

/** The id of a record that failed validation, when the line is at least a JSON object. */
function peekId(line: string): unknown {
  try {
    const v = JSON.parse(line) as Record<string, unknown> | null;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v['id'] ?? null) : null;
  } catch {
    return null;
  }
}

/** Reads JSON lines from `input` until it ends and writes one result line per non-blank input line. */
export async function runExtractJsonl(input: Readable, output: Writable): Promise<JsonlSummary> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const summary: JsonlSummary = { lines: 0, failed: 0 };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const result = extractLine(line);
    summary.lines += 1;
    if (result.error) summary.failed += 1;
    // Respect back-pressure so a large batch does not pile up in memory.
    if (!output.write(`${JSON.stringify(result)}\n`)) await once(output, 'drain');
  }
  return summary;
}
