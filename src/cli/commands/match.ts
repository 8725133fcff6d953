// `vigie match`: runs the matcher on a text, a JSON document, or JSON lines, and explains every hit
// (entity, alias, surface, field, offsets, snippet, path). Reads files/stdin; the matching itself is pure.
import fs from 'node:fs';
import os from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { defaultEntitiesDir } from '../../config/package-root.js';
import { cacheDir } from '../../config/cache-dir.js';
import { loadMatcher, prepareSnapshot, type MatcherSource } from '../../config/matcher-cache.js';
import { matchDocument, type MatchDoc, type MatchResult } from '../../core/match/match-document.js';
import { describe } from '../command-table.js';
import { jsonDoc, matchJsonl, matchJsonlInWorkers, type MatchJsonlOptions } from '../match-jsonl.js';
import { cliIo, readAllStdin, say } from '../cli-io.js';

interface MatchOptions { json?: boolean; jsonl?: boolean; snippets?: boolean; entities?: string; lang?: string; cache: boolean; workers?: number }

/**
 * Worker threads for --jsonl: one unless asked (on the shared 2-core machine two threads were slower
 * than one, BENCHMARKS.md); none without a snapshot to share (--no-cache).
 */
function workerCount(opts: MatchOptions, source: MatcherSource): number {
  return source.cacheDir === undefined ? 1 : opts.workers ?? 1;
}

async function runJsonl(source: MatcherSource, opts: MatchOptions): Promise<void> {
  const jsonl: MatchJsonlOptions = { lang: opts.lang, snippets: opts.snippets ?? false };
  const workers = workerCount(opts, source);
  if (workers <= 1) {
    await matchJsonl((await loadMatcher(source)).matcher, cliIo().stdin, cliIo().stdout, jsonl);
    return;
  }
  const snapshot = await prepareSnapshot(source);
  await matchJsonlInWorkers(source, cliIo().stdin, cliIo().stdout, jsonl, workers, snapshot);
}

function workersOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('a whole number from 1 to 64');
  return n;
}

const LANG_CHOICES = ['en', 'fr', 'ar'];

async function readInput(file: string | undefined): Promise<string> {
  return !file || file === '-' ? (await readAllStdin()).toString('utf8') : fs.readFileSync(file, 'utf8');
}

/**
 * JSON `{title, summary, text, lang}` when the input parses as such an object, else plain text in
 * `lang` (--lang; a JSON document's own "lang" wins over it).
 */
export function toDoc(input: string, lang?: string): MatchDoc {
  const trimmed = input.trim();
  if (trimmed.startsWith('{')) {
    try {
      return jsonDoc(JSON.parse(trimmed) as Record<string, unknown>, lang);
    } catch {
      // not JSON: treat as plain text
    }
  }
  return lang === undefined ? { text: input } : { text: input, lang };
}

function printHuman(result: MatchResult): void {
  if (result.matches.length === 0) { say('no match'); return; }
  for (const m of result.matches) {
    const hidden = m.suppressedBy ? ` (inside ${m.suppressedBy})` : '';
    say(`${m.name} [${m.entityId}, ${m.kind}]${hidden}`);
    say(`  alias "${m.alias}", written "${m.surface}" in ${m.field} ${m.start}-${m.end}`);
    say(`  path: ${m.path.join(' > ')}`);
    say(`  ${m.snippet}`);
    if (m.evidence) say(`  counts because: ${m.evidence}`);
  }
  say(`entities: ${result.entities.map((e) => e.id).join(', ')}`);
  for (const u of result.unconfirmed ?? []) say(`not counted: "${u.surface}" as ${u.name} [${u.entityId}]: ${u.unconfirmed}`);
}

export function register(program: Command): void {
  program.command('match')
    .description(describe('match'))
    .argument('[file]', 'plain text, or JSON {"title","summary","text","lang"}; "-" or nothing reads stdin')
    .option('--json', 'print the match result as JSON')
    .option('--jsonl', 'read JSON lines {"id","title","text","lang"} on stdin, write one result line each')
    .option('--snippets', 'with --jsonl: write every match in full (alias, surface, snippet, evidence), not only its entity and offsets')
    .option('--workers <n>', 'with --jsonl: match in N worker threads (default 1: in this thread); helps only where cores are idle', workersOption)
    .option('--no-cache', 'compile the matcher from the entity files, without reading or writing its snapshot in the cache folder')
    .option('--entities <dir>', 'entity folder (default: config/entities of the vigie package)')
    .addOption(new Option('--lang <lang>', 'language of a plain-text input, and of JSON inputs without "lang" (names are reported in it; default en)')
      .choices(LANG_CHOICES))
    .addHelpText('after', '\nExample:\n  echo "Frappe de drone près de Boukamal (Deir Ezzor)" | vigie match\n')
    .action(async (file: string | undefined, opts: MatchOptions) => {
      const source: MatcherSource = {
        entitiesDir: opts.entities ?? defaultEntitiesDir(),
        cacheDir: opts.cache ? cacheDir(cliIo().env, os.homedir()) : undefined,
      };
      if (opts.jsonl) { await runJsonl(source, opts); return; }
      const { matcher } = await loadMatcher(source);
      const result = matchDocument(matcher, toDoc(await readInput(file), opts.lang));
      if (opts.json) say(JSON.stringify(result, null, 2));
      else printHuman(result);
    });
}
