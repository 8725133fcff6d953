// `vigie extract`: runs article extraction on a file, a URL (through the outbound gate) or a JSON-lines
// batch on stdin. Owns argument handling and output format only; extraction itself is core/extract.
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { extractArticle, type ExtractedArticle } from '../../core/extract/extract-article.js';
import { decodeText } from '../../core/feed/decode-text.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import { CAPS, createSafeFetch } from '../../adapters/http/safe-fetch.js';
import { loadEnv } from '../../config/env.js';
import { runExtractJsonl } from '../extract-jsonl.js';
import { describe } from '../command-table.js';
import { cliIo, fail } from '../cli-io.js';

interface ExtractFlags {
  url?: string;
  json?: boolean;
  jsonl?: boolean;
}

async function readPage(source: string): Promise<{ html: string; url: string }> {
  if (!/^https?:\/\//i.test(source)) {
    const bytes = await fs.readFile(source);
    return { html: decodeText(bytes, { kind: 'html' }).text, url: pathToFileURL(path.resolve(source)).href };
  }
  const env = loadEnv(cliIo().env);
  const allowNetworks = env.VIGIE_ALLOW_NETWORKS.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const fetcher = createSafeFetch({ allowNetworks });
  try {
    const res = await fetcher.fetch(source, { maxBytes: CAPS.pageBytes });
    if (res.status < 200 || res.status > 299) {
      throw new VigieError('HTTP_STATUS', 'extract', `${source} answered ${res.status}`, { details: { status: res.status } });
    }
    return { html: decodeText(res.body, { contentType: res.headers['content-type'], kind: 'html' }).text, url: res.url };
  } finally {
    await fetcher.close();
  }
}

function printText(a: ExtractedArticle): void {
  const lines = [`title: ${a.title}`, `date: ${a.published ?? '-'}`, `lang: ${a.lang ?? '-'}`];
  if (a.canonicalUrl) lines.push(`canonical: ${a.canonicalUrl}`);
  cliIo().stdout.write(`${lines.join('\n')}\n\n${a.text}\n`);
}

async function run(source: string | undefined, flags: ExtractFlags): Promise<void> {
  if (flags.jsonl) {
    const summary = await runExtractJsonl(cliIo().stdin, cliIo().stdout);
    if (summary.failed > 0) cliIo().stderr.write(`vigie extract: ${summary.failed} of ${summary.lines} lines failed\n`);
    return;
  }
  if (source === undefined) throw new VigieError('BAD_INPUT', 'extract', 'give a file or an http(s) URL, or --jsonl');
  const page = await readPage(source);
  const article = extractArticle(page.html, { url: flags.url ?? page.url });
  if (flags.json) cliIo().stdout.write(`${JSON.stringify(article, null, 2)}\n`);
  else printText(article);
}

export function register(program: Command): void {
  program
    .command('extract')
    .description(describe('extract'))
    .argument('[source]', 'an HTML file, or an http(s) URL fetched through the outbound gate (VIGIE_ALLOW_NETWORKS)')
    .option('--url <url>', 'the original URL of the page (picks the site rule, resolves the canonical link)')
    .option('--json', 'print one JSON object instead of text')
    .option('--jsonl', 'read {"id","url","html"} lines on stdin, write {"id","title","text","published","lang"} lines')
    .addHelpText('after', '\nExamples:\n  vigie extract page.html --url https://www.syriahr.com/fr/12345/\n  vigie extract https://example.org/article --json\n  cat pages.jsonl | vigie extract --jsonl > articles.jsonl')
    .action(async (source: string | undefined, flags: ExtractFlags) => {
      try {
        await run(source, flags);
      } catch (err) {
        cliIo().stderr.write(`vigie extract: ${err instanceof Error ? err.message : String(err)}\n`);
        fail();
      }
    });
}
