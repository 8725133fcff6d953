// `vigie match`: runs the matcher on a text, a JSON document, or JSON lines, and explains every hit
// (entity, alias, surface, field, offsets, snippet, path). Reads files/stdin; the matching itself is pure.
import fs from 'node:fs';
import readline from 'node:readline';
import { Option, type Command } from 'commander';
import { loadEntities, defaultEntitiesDir } from '../../config/load-entities.js';
import { compileMatcher, type Matcher } from '../../core/match/compile-matcher.js';
import { matchDocument, type MatchDoc, type MatchResult } from '../../core/match/match-document.js';
import { readEvents } from '../../core/events/read-events.js';
import { VigieError, isVigieError } from '../../core/errors/vigie-error.js';
import { describe } from '../command-table.js';

interface MatchOptions { json?: boolean; jsonl?: boolean; entities?: string; lang?: string }

const LANG_CHOICES = ['en', 'fr', 'ar'];

function readInput(file: string | undefined): string {
  return fs.readFileSync(!file || file === '-' ? 0 : file, 'utf8');
}

/**
 * JSON `{title, summary, text, lang}` when the input parses as such an object, else plain text in
 * `lang` (--lang; a JSON document's own "lang" wins over it).
 */
export function toDoc(input: string, lang?: string): MatchDoc {
  const trimmed = input.trim();
  if (trimmed.startsWith('{')) {
    try {
      const v = JSON.parse(trimmed) as Record<string, unknown>;
      const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
      return { title: str('title'), summary: str('summary'), text: str('text'), lang: str('lang') ?? lang };
    } catch {
      // not JSON: treat as plain text
    }
  }
  return lang === undefined ? { text: input } : { text: input, lang };
}

function printHuman(result: MatchResult): void {
  if (result.matches.length === 0) { console.log('no match'); return; }
  for (const m of result.matches) {
    const hidden = m.suppressedBy ? ` (inside ${m.suppressedBy})` : '';
    console.log(`${m.name} [${m.entityId}, ${m.kind}]${hidden}`);
    console.log(`  alias "${m.alias}", written "${m.surface}" in ${m.field} ${m.start}-${m.end}`);
    console.log(`  path: ${m.path.join(' > ')}`);
    console.log(`  ${m.snippet}`);
    if (m.evidence) console.log(`  counts because: ${m.evidence}`);
  }
  console.log(`entities: ${result.entities.map((e) => e.id).join(', ')}`);
  for (const u of result.unconfirmed ?? []) console.log(`not counted: "${u.surface}" as ${u.name} [${u.entityId}]: ${u.unconfirmed}`);
}

function lineResult(matcher: Matcher, line: string, lang?: string): Record<string, unknown> {
  let id: unknown;
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    id = v.id;
    const doc = toDoc(line, lang);
    const result = matchDocument(matcher, doc);
    return { id, matches: result.matches, entities: result.entities, events: readEvents(doc, result) };
  } catch (err) {
    const e = isVigieError(err) ? err : new VigieError('CONFIG_INVALID', 'match', `bad input line: ${(err as Error).message}`);
    return { id: id ?? null, error: { code: e.code, message: e.message } };
  }
}

async function runJsonl(matcher: Matcher, lang?: string): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(lineResult(matcher, line, lang))}\n`);
  }
}

export function register(program: Command): void {
  program.command('match')
    .description(describe('match'))
    .argument('[file]', 'plain text, or JSON {"title","summary","text","lang"}; "-" or nothing reads stdin')
    .option('--json', 'print the match result as JSON')
    .option('--jsonl', 'read JSON lines {"id","title","text","lang"} on stdin, write one result line each')
    .option('--entities <dir>', 'entity folder (default: config/entities of the vigie package)')
    .addOption(new Option('--lang <lang>', 'language of a plain-text input, and of JSON inputs without "lang" (names are reported in it; default en)')
      .choices(LANG_CHOICES))
    .addHelpText('after', '\nExample:\n  echo "Frappe de drone près de Boukamal (Deir Ezzor)" | vigie match\n')
    .action(async (file: string | undefined, opts: MatchOptions) => {
      const matcher = compileMatcher(loadEntities(opts.entities ?? defaultEntitiesDir()));
      if (opts.jsonl) { await runJsonl(matcher, opts.lang); return; }
      const result = matchDocument(matcher, toDoc(readInput(file), opts.lang));
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else printHuman(result);
    });
}
