// `vigie sources add|update|list|rm|import|export`: manage sources in the shared Redis; `list` shows each
// source's health (since when, and why when unhealthy), last error code, the interval it is polled at with
// why, and its WebSub push state, so a failing or silent source is visible rather than silently dropped.
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
import { formatPushStatus } from '../../pipeline/push-status.js';
import { sourceView } from '../../pipeline/source-view.js';
import { printJson, withServices } from '../with-services.js';
import { describe } from '../command-table.js';
import { formatDuration } from '../../core/render/format-duration.js';
import type { SourceConfig } from '../../core/model/source.js';
import type { Services } from '../../runtime/create-services.js';
import { cliIo, readAllStdin, say, warn } from '../cli-io.js';

type Options = Record<string, string | boolean | undefined>;

const num = (v: string | boolean | undefined) => (typeof v === 'string' ? Number(v) : undefined);

function pacingOptions(cmd: Command): Command {
  return cmd
    .option('--interval <seconds>', 'fixed seconds between polls (>= 1); without it the interval follows the publish rate')
    .option('--min-interval <seconds>', 'adaptive interval: shortest (default 300)')
    .option('--max-interval <seconds>', 'adaptive interval: longest (default 21600)')
    .option('--expected-period <seconds>', 'silence longer than this makes the source unhealthy (default: learned)');
}

/** The input a stored source was made from, so `update` changes only what its options name. */
function inputOf(src: SourceConfig): Record<string, unknown> {
  const adaptive = src.minIntervalSeconds !== undefined;
  return {
    id: src.id, name: src.name, url: src.url, kind: src.kind, lang: src.lang, fetchArticles: src.fetchArticles,
    fetchOnlyWhenMatched: src.fetchOnlyWhenMatched ?? false, listing: src.listing, extract: src.extract, enabled: src.enabled,
    tags: src.tags, siteUrl: src.siteUrl,
    ...(adaptive ? { minInterval: src.minIntervalSeconds, maxInterval: src.maxIntervalSeconds } : { interval: src.intervalSeconds }),
    expectedPeriod: src.expectedPeriodSeconds,
  };
}

/** --interval fixes the interval; --min-interval/--max-interval make it adaptive again. */
function withPacing(input: Record<string, unknown>, o: Options): Record<string, unknown> {
  const out = { ...input };
  if (o.interval !== undefined) Object.assign(out, { interval: num(o.interval), minInterval: undefined, maxInterval: undefined });
  if (o.minInterval !== undefined || o.maxInterval !== undefined) {
    Object.assign(out, { interval: undefined, minInterval: num(o.minInterval) ?? out.minInterval, maxInterval: num(o.maxInterval) ?? out.maxInterval });
  }
  if (o.expectedPeriod !== undefined) out.expectedPeriod = num(o.expectedPeriod);
  return out;
}

async function store(services: Services, raw: Record<string, unknown>): Promise<SourceConfig> {
  const parsed = sourceInputSchema.safeParse(raw);
  if (!parsed.success) throw new VigieError('CONFIG_INVALID', 'sources', parsed.error.issues.map((i) => `${i.path.join('.') || 'source'}: ${i.message}`).join('; '));
  checkTargetUrl(parsed.data.url, 'source', services.urlPolicy, 'source URL'); // the API's rule, not a looser one
  const source = toSourceConfig(parsed.data);
  await services.sources.put(source);
  await scheduleSource(services, source);
  return source;
}

const pacingText = (src: SourceConfig) => (src.minIntervalSeconds !== undefined
  ? `adaptive ${formatDuration(src.minIntervalSeconds * 1000)} to ${formatDuration((src.maxIntervalSeconds ?? 0) * 1000)}`
  : `every ${src.intervalSeconds}s`);

export function register(program: Command): void {
  const sources = program.command('sources').description(describe('sources'));
  pacingOptions(sources.command('add <url>')
    .description('add or update a source and schedule its polling')
    .option('--id <id>', 'stable id (default: from the URL)')
    .option('--name <name>', 'display name')
    .option('--kind <kind>', 'feed | html', 'feed'))
    .option('--lang <lang>', 'language hint: en | fr | ar')
    .option('--no-fetch-articles', 'use the feed\'s own text instead of fetching each page')
    .option('--item <selector>', 'html listing: CSS selector of one item')
    .option('--link <selector>', 'html listing: CSS selector of the link inside an item')
    .option('--json', 'print the stored source as JSON')
    .action(async (url: string, o: Options) => withServices(async ({ services }) => {
      const source = await store(services, withPacing({
        url, id: o.id, name: o.name, kind: o.kind, lang: o.lang, fetchArticles: o.fetchArticles !== false,
        ...(o.item ? { listing: { item: o.item, link: o.link } } : {}),
      }, o));
      if (o.json) printJson(source);
      else say(`source ${source.id} added: ${source.url} ${pacingText(source)}`);
    }));
  pacingOptions(sources.command('update <id>')
    .description('change how a stored source is polled and watched (other settings are kept)'))
    .option('--name <name>', 'display name')
    .option('--json', 'print the stored source as JSON')
    .action(async (id: string, o: Options) => withServices(async ({ services }) => {
      const previous = await services.sources.get(id);
      if (!previous) throw new VigieError('NOT_FOUND', 'sources', `no source ${id}`);
      const source = await store(services, withPacing({ ...inputOf(previous), ...(o.name ? { name: o.name } : {}) }, o));
      if (o.json) printJson(source);
      else say(`source ${source.id} updated: ${pacingText(source)}`);
    }));
  sources.command('list')
    .description('list sources with health (since when, why), interval (and why), last poll, last error code and WebSub push state')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => withServices(async ({ services }) => {
      const rows = await Promise.all((await services.sources.list()).map((src) => sourceView(services, src)));
      if (o.json) return printJson(rows);
      if (rows.length === 0) return say('no sources');
      for (const r of rows) {
        const err = r.state.lastErrorCode ? ` last error ${r.state.lastErrorCode} (${r.state.consecutiveFailures} in a row)` : '';
        const tags = r.tags && r.tags.length > 0 ? `  [${r.tags.join(', ')}]` : '';
        const every = r.pacing?.scheduledSeconds ?? r.pacing?.seconds ?? r.intervalSeconds;
        say(`${r.id.padEnd(28)} ${r.state.health.padEnd(9)} ${r.kind.padEnd(4)} every ${formatDuration(every * 1000)}  ${r.url}${tags}${err}`);
        const why = r.pacing ? `${r.pacing.rule}: ${r.pacing.reason}` : r.minIntervalSeconds !== undefined ? `${pacingText(r)}, no poll yet` : 'set in config';
        const health = r.health ? `${r.health.status} since ${r.health.since}${r.health.status === 'unhealthy' ? ` (${r.health.reason}: ${r.health.detail})` : ''}` : 'not judged yet';
        say(`${''.padEnd(28)} interval ${why}; ${health}`);
        if (r.kind === 'feed') say(`${''.padEnd(28)} ${formatPushStatus(r.push)}`);
      }
    }));
  sources.command('import <file>')
    .description('add the feeds of an OPML file (as Miniflux, FreshRSS and most readers export it; - reads stdin); categories become tags, '
      + 'known URLs are skipped or, listed under other categories, take them as tags; each URL passes the checks of `sources add`. Exits 1 when the file itself is refused')
    .option('--interval <seconds>', 'fixed seconds between polls for the imported feeds (>= 1); without it each follows its publish rate')
    .option('--json', 'print the report (added, updated, skipped, refused, with lines) as JSON')
    .action(async (file: string, o: { interval?: string; json?: boolean }) => {
      const interval = o.interval === undefined ? undefined : Number(o.interval);
      if (interval !== undefined && (!Number.isInteger(interval) || interval < 1)) throw new VigieError('CONFIG_INVALID', 'sources', `--interval must be a whole number of seconds >= 1, not ${o.interval}`);
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
      cliIo().stdout.write(xml);
      if (left.length > 0) warn(`left out (HTML listing sources have no OPML form): ${left.join(', ')}`);
    }));
  sources.command('rm <id>')
    .description('remove a source, its polling schedule and its WebSub push (its stored articles stay until they expire)')
    .action(async (id: string) => withServices(async ({ services }) => {
      const removed = await removeSource(services, id);
      if (!removed) throw new VigieError('NOT_FOUND', 'sources', `no source ${id}`);
      say(`source ${id} removed`);
    }));
}

/** The file's bytes, decoded as a fetched feed would be (BOM, then the XML declaration). */
async function readOpmlFile(file: string): Promise<string> {
  const bytes = file === '-' ? await readAllStdin(OPML_LIMITS.maxBytes) : await fs.readFile(file);
  if (bytes.length > OPML_LIMITS.maxBytes) {
    throw new VigieError('OPML_TOO_LARGE', 'opml', `${file} is ${bytes.length} bytes; at most ${OPML_LIMITS.maxBytes} are read`);
  }
  return decodeText(bytes, { kind: 'xml' }).text;
}

function printImportReport(r: ImportReport): void {
  const rows = [
    ...r.added.map((a) => ({ line: a.line, text: `added    ${a.id}  ${a.url}${a.tags.length > 0 ? `  [${a.tags.join(', ')}]` : ''}` })),
    ...r.updated.map((u) => ({ line: u.line, text: `updated  ${u.id}  ${u.url}  [${u.tags.join(', ')}] (was [${u.previousTags.join(', ')}])` })),
    ...r.skipped.map((d) => ({ line: d.line, text: `skipped  ${d.url}  (${d.earlierLine !== undefined ? `listed at line ${d.earlierLine}: its category is added to` : 'already'} source ${d.duplicateOf})` })),
    ...r.refused.map((x) => ({ line: x.line, text: `refused  ${x.url}  ${x.code}: ${x.message}` })),
  ].sort((a, b) => a.line - b.line);
  for (const row of rows) say(`line ${String(row.line).padEnd(5)} ${row.text}`);
  say(`${r.added.length} added, ${r.updated.length} updated, ${r.skipped.length} skipped as duplicates, ${r.refused.length} refused`);
}
