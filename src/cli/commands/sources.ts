// `vigie sources add|list|rm`: manage sources in the shared Redis; `list` shows each source's health
// and last error code, so a failing source is visible rather than silently dropped.
import type { Command } from 'commander';
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
        console.log(`${r.id.padEnd(28)} ${r.state.health.padEnd(9)} ${r.kind.padEnd(4)} every ${r.intervalSeconds}s  ${r.url}${err}`);
        if (r.kind === 'feed') console.log(`${''.padEnd(28)} ${formatPushStatus(r.push)}`);
      }
    }));
  sources.command('rm <id>')
    .description('remove a source, its polling schedule and its WebSub push (its stored articles stay until they expire)')
    .action(async (id: string) => withServices(async ({ services }) => {
      const removed = await removeSource(services, id);
      if (!removed) throw new VigieError('NOT_FOUND', 'sources', `no source ${id}`);
      console.log(`source ${id} removed`);
    }));
}
