// The `vigie match --jsonl` loop: one JSON line in ({id,title,summary,text,lang}), one line out
// ({id,matches,entities}), in order. Lean by default: each match names its entity and where it was
// found; --snippets writes every match in full. A bad line becomes an error line; the loop goes on.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import type { Matcher } from '../core/match/compile-matcher.js';
import { matchDocument, type Match, type MatchDoc } from '../core/match/match-document.js';
import { VigieError, isVigieError } from '../core/errors/vigie-error.js';

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

/** One result line (without its newline). Never throws on the line's content. */
export function matchLine(matcher: Matcher, line: string, opts: MatchJsonlOptions): string {
  let id: unknown = null;
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    id = v.id ?? null;
    const doc: MatchDoc = { title: str(v, 'title'), summary: str(v, 'summary'), text: str(v, 'text'), lang: str(v, 'lang') ?? opts.lang };
    const { matches, entities } = matchDocument(matcher, doc);
    return JSON.stringify({ id: v.id, matches: opts.snippets ? matches : matches.map(lean), entities });
  } catch (err) {
    const e = isVigieError(err) ? err : new VigieError('CONFIG_INVALID', 'match', `bad input line: ${(err as Error).message}`);
    return JSON.stringify({ id, error: { code: e.code, message: e.message } });
  }
}

/** Output is gathered into chunks of about this many characters: one write per chunk, not per line. */
const CHUNK = 1 << 16;

/** Reads JSON lines from `input` to its end; waits for `output` to drain whenever it is full. */
export async function matchJsonl(matcher: Matcher, input: Readable, output: Writable, opts: MatchJsonlOptions): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let pending = '';
  let count = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    pending += `${matchLine(matcher, line, opts)}\n`;
    count += 1;
    if (pending.length >= CHUNK) {
      const full = !output.write(pending);
      pending = '';
      if (full) await once(output, 'drain');
    }
  }
  if (pending !== '' && !output.write(pending)) await once(output, 'drain');
  return count;
}
