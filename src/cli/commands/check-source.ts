// `vigie check-source <url>`: fetches one source through the outbound gate and shows what vigie reads.
// Owns only presentation and exit status; fetching is safeFetch's, decoding and parsing are the core's.
import type { Command } from 'commander';
import { createSafeFetch, CAPS } from '../../adapters/http/safe-fetch.js';
import { parseAllowNetworks } from '../../adapters/http/ip-policy.js';
import { VigieError, isVigieError } from '../../core/errors/vigie-error.js';
import { decodeText } from '../../core/feed/decode-text.js';
import { parseFeed } from '../../core/feed/parse-feed.js';
import { parseListing } from '../../core/feed/parse-listing.js';
import type { FeedItem } from '../../core/model/feed-item.js';
import { describe } from '../command-table.js';
import { cliIo, fail, say, warn } from '../cli-io.js';

interface CheckOptions {
  json?: boolean;
  kind?: 'feed' | 'html';
  item?: string;
  link?: string;
  title?: string;
  summary?: string;
  date?: string;
}

export interface CheckResult {
  url: string;
  encoding: string;
  status: number;
  title: string;
  items: FeedItem[];
}

export function register(program: Command): void {
  program
    .command('check-source')
    .description(describe('check-source'))
    .argument('<url>', 'http(s) URL of the feed or listing page')
    .option('--json', 'print one JSON object {url, encoding, status, title, items} (or {error})')
    .option('--kind <kind>', 'feed (RSS/RDF/Atom) or html (listing page read with selectors); default: html when --item is given')
    .option('--item <selector>', 'CSS selector of one item block on an HTML listing page')
    .option('--link <selector>', 'CSS selector of the item link inside the block (default: first a[href])')
    .option('--title <selector>', 'CSS selector of the item title inside the block (default: the link text)')
    .option('--summary <selector>', 'CSS selector of the item summary inside the block')
    .option('--date <selector>', 'CSS selector of the item date inside the block (time[datetime] works best)')
    .addHelpText('after', '\nPrivate networks are refused unless listed in VIGIE_ALLOW_NETWORKS (comma-separated CIDRs).')
    .action(async (url: string, opts: CheckOptions) => {
      try {
        const result = await checkSource(url, opts, cliIo().env.VIGIE_ALLOW_NETWORKS ?? '');
        say(opts.json ? JSON.stringify(result, null, 2) : formatResult(result));
      } catch (err) {
        // Anything that is not a VigieError is a bug in vigie; it is still reported in the same shape.
        const error = isVigieError(err)
          ? { code: err.code, message: err.message }
          : { code: 'UNEXPECTED', message: err instanceof Error ? err.message : String(err) };
        if (opts.json) say(JSON.stringify({ error }));
        else warn(`error ${error.code}: ${error.message}`);
        fail();
      }
    });
}

export async function checkSource(url: string, opts: CheckOptions, allowNetworksCsv: string): Promise<CheckResult> {
  const kind = opts.kind ?? (opts.item !== undefined ? 'html' : 'feed');
  if (kind !== 'feed' && kind !== 'html') throw new VigieError('CONFIG_INVALID', 'cli', `--kind must be feed or html, not ${String(kind)}`);
  if (kind === 'html' && opts.item === undefined) throw new VigieError('CONFIG_INVALID', 'cli', '--kind html needs --item <selector>');
  parseAllowNetworks(allowNetworksCsv); // reports a malformed CIDR before any network access
  const allowNetworks = allowNetworksCsv.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const gate = createSafeFetch({ allowNetworks });
  try {
    const accept = kind === 'feed' ? 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' : 'text/html, */*;q=0.5';
    const res = await gate.fetch(url, { headers: { accept }, maxBytes: kind === 'feed' ? CAPS.feedBytes : CAPS.pageBytes });
    if (res.status < 200 || res.status > 299) {
      throw new VigieError('HTTP_STATUS', 'cli', `${url} answered HTTP ${res.status}`, { details: { status: res.status } });
    }
    const decoded = decodeText(res.body, { contentType: res.headers['content-type'], kind: kind === 'feed' ? 'xml' : 'html' });
    const base = { url: res.url, encoding: decoded.encoding, status: res.status };
    if (kind === 'html') {
      const items = parseListing(decoded.text, { baseUrl: res.url, item: opts.item as string, link: opts.link, title: opts.title, summary: opts.summary, date: opts.date });
      return { ...base, title: '', items };
    }
    const feed = await parseFeed(decoded.text, { baseUrl: res.url });
    return { ...base, title: feed.title, items: feed.items };
  } finally {
    await gate.close();
  }
}

function formatResult(result: CheckResult): string {
  const lines = [`${result.url}  (HTTP ${result.status}, ${result.encoding}, ${result.items.length} items)`];
  if (result.title !== '') lines.push(result.title);
  for (const item of result.items) {
    lines.push(`- ${item.title || '(no title)'}`);
    lines.push(`  ${item.published ?? 'no date'}  ${item.url ?? '(no link)'}`);
  }
  return lines.join('\n');
}
