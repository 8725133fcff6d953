// `vigie sources add|list|rm|import|export`: manage sources in the shared Redis; `list` shows each source's
// health and last error code, so a failing source is visible rather than silently dropped.
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { decodeText } from '../../core/feed/decode-text.js';
import { OPML_LIMITS } from '../../core/sources/parse-opml.js';
import { renderOpml } from '../../core/sources/render-opml.js';
import { importSources, type ImportReport } from '../../pipeline/import-sources.js';
import { sourceInputSchema, toSourceConfig } from '../../core/sources/source-schema.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import { checkTargetUrl } from '../../config/check-target-url.js';
import { scheduleSource } from '../../pipeline/apply-config.js';
import { removeSource } from '../../pipeline/remove-source.js';
import { formatPushStatus, pushStatus } from '../../pipeline/push-status.js';
import { printJson, withServices } from '../with-services.js';
import { describe } from '../command-table.js';

export function register(program: Command): void {
  const sources = program.command('sources').description(describe('sources'));
  sources.command('add <url>')
    .description('add or update a source and schedule its polling')
    .option('--id <id>', 'stable id (default: from the URL)')
    .option('--name <name>', 'display name')
    .option('--kind <kind>', 'feed | html', 'feed')
    .option('--interval <seconds>', 'seconds between polls (>= 1)', '900')
    .option('--lang <lang>', 'language hint: en | fr | ar')
    .option('--no-fetch-articles', 'use the feed\'s own text instead of fetching each page')
    .option('--item <selector>', 'html listing: CSS selector of one item')
    .option('--link <selector>', 'html listing: CSS selector of the link inside an item')
    .option('--json', 'print the stored source as JSON')
    .action(async (url: string, o: Record<string, string | boolean | undefined>) => withServices(async ({ services }) => {
      const parsed = sourceInputSchema.safeParse({
        url, id: o.id, name: o.name, kind: o.kind, interval: Number(o.interval), lang: o.lang, fetchArticles: o.fetchArticles !== false,
        ...(o.item ? { listing: { item: o.item, link: o.link } } : {}),
      });
      if (!parsed.success) throw new VigieError('CONFIG_INVALID', 'sources', parsed.error.issues.map((i) => `${i.path.join('.') || 'source'}: ${i.message}`).join('; '));
      checkTargetUrl(parsed.data.url, 'source', services.urlPolicy, 'source URL'); // the API's rule, not a looser one
      const source = toSourceConfig(parsed.data);
      await services.sources.put(source);
      await scheduleSource(services, source);
      if (o.json) printJson(source);
      else console.log(`source ${source.id} added: ${source.url} every ${source.intervalSeconds}s`);
    }));
  sources.command('list')
    .description('list sources with health, last poll, last error code and WebSub push state')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => withServices(async ({ services }) => {
      const rows = await Promise.all((await services.sources.list()).map(async (src) => ({ ...src, state: await services.sources.getState(src.id), push: await pushStatus(services, src.id) })));
      if (o.json) return printJson(rows);
      if (rows.length === 0) return console.log('no sources');
      for (const r of rows) {
        const err = r.state.lastErrorCode ? ` last error ${r.state.lastErrorCode} (${r.state.consecutiveFailures} in a row)` : '';
        const tags = r.tags && r.tags.length > 0 ? `  [${r.tags.join(', ')}]` : '';
        console.log(`${r.id.padEnd(28)} ${r.state.health.padEnd(9)} ${r.kind.padEnd(4)} every ${r.intervalSeconds}s  ${r.url}${tags}${err}`);
        if (r.kind === 'feed') console.log(`${''.padEnd(28)} ${formatPushStatus(r.push)}`);
      }
    }));
  sources.command('import <file>')
    .description('add the feeds of an OPML file (as Miniflux, FreshRSS and most readers export it; - reads stdin); categories become tags, '
      + 'known URLs are skipped, each URL passes the checks of `sources add`. Exits 1 when the file itself is refused')
    .option('--interval <seconds>', 'seconds between polls for the imported feeds (>= 1)', '900')
    .option('--json', 'print the report (added, skipped, refused, with lines) as JSON')
    .action(async (file: string, o: { interval: string; json?: boolean }) => {
      const interval = Number(o.interval);
      if (!Number.isInteger(interval) || interval < 1) throw new VigieError('CONFIG_INVALID', 'sources', `--interval must be a whole number of seconds >= 1, not ${o.interval}`);
      const text = await readOpmlFile(file);
      await withServices(async ({ services }) => {
        const report = await importSources(services, text, { intervalSeconds: interval });
        if (o.json) printJson(report);
        else printImportReport(report);
      });
    });
  sources.command('export')
    .description('print the feed sources as OPML 2.0 on stdout (tags as categories); HTML listing sources are named on stderr')
    .action(async () => withServices(async ({ services }) => {
      const { xml, left } = renderOpml(await services.sources.list(), { now: services.clock() });
      process.stdout.write(xml);
      if (left.length > 0) console.error(`left out (HTML listing sources have no OPML form): ${left.join(', ')}`);
    }));
  sources.command('rm <id>')
    .description('remove a source, its polling schedule and its WebSub push (its stored articles stay until they expire)')
    .action(async (id: string) => withServices(async ({ services }) => {
      const removed = await removeSource(services, id);
      if (!removed) throw new VigieError('NOT_FOUND', 'sources', `no source ${id}`);
      console.log(`source ${id} removed`);
    }));
}

/** The file's bytes, decoded as a fetched feed would be (BOM, then the XML declaration). */
async function readOpmlFile(file: string): Promise<string> {
  const bytes = file === '-' ? await readStdin() : await fs.readFile(file);
  if (bytes.length > OPML_LIMITS.maxBytes) {
    throw new VigieError('OPML_TOO_LARGE', 'opml', `${file} is ${bytes.length} bytes; at most ${OPML_LIMITS.maxBytes} are read`);
  }
  return decodeText(bytes, { kind: 'xml' }).text;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > OPML_LIMITS.maxBytes) break; // enough to refuse it; the rest is never held
  }
  return Buffer.concat(chunks);
}

function printImportReport(r: ImportReport): void {
  const rows = [
    ...r.added.map((a) => ({ line: a.line, text: `added    ${a.id}  ${a.url}${a.tags.length > 0 ? `  [${a.tags.join(', ')}]` : ''}` })),
    ...r.skipped.map((d) => ({ line: d.line, text: `skipped  ${d.url}  (${d.earlierLine !== undefined ? `listed at line ${d.earlierLine}: its category is added to` : 'already'} source ${d.duplicateOf})` })),
    ...r.refused.map((x) => ({ line: x.line, text: `refused  ${x.url}  ${x.code}: ${x.message}` })),
  ].sort((a, b) => a.line - b.line);
  for (const row of rows) console.log(`line ${String(row.line).padEnd(5)} ${row.text}`);
  console.log(`${r.added.length} added, ${r.skipped.length} skipped as duplicates, ${r.refused.length} refused`);
}
