// Measures article extraction against the shared corpus: word-level precision/recall/F1 per set
// (readability, newspaper4k, miniflux scraper) and trafilatura's snippet scoring for fr/ar pages.
// Usage: node dist/bench/extract-quality.js [--json] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { load } from 'cheerio';
import { extractArticle } from '../src/core/extract/extract-article.js';
import { blockText } from '../src/core/extract/collect-paragraphs.js';
import { wordOverlap } from '../src/core/extract/word-overlap.js';
import type { SiteRule } from '../src/core/extract/site-rules.js';

interface PageResult { name: string; precision: number; recall: number; f1: number }
interface SetResult { set: string; metric: string; pages: number; precision: number; recall: number; f1: number; pagesPerSecond: number; details: PageResult[] }

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}

const corpus = path.join(findRoot(), '..', 'shared', 'corpus', 'articles');

function extractText(html: string, url: string, rules?: SiteRule): string {
  try {
    return extractArticle(html, { url, rules }).text;
  } catch {
    return '';
  }
}

function htmlText(html: string): string {
  const $ = load(html);
  return blockText($.root()[0]!).join('\n\n');
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Macro average over pages of the word-level figures. */
function wordSet(set: string, cases: Array<{ name: string; run: () => string; reference: string }>): SetResult {
  const started = performance.now();
  const outputs = cases.map((c) => c.run());
  const seconds = (performance.now() - started) / 1000;
  const details = cases.map((c, i) => ({ name: c.name, ...wordOverlap(outputs[i]!, c.reference) }));
  return {
    set, metric: 'words', pages: cases.length, pagesPerSecond: cases.length / seconds,
    precision: mean(details.map((d) => d.precision)), recall: mean(details.map((d) => d.recall)), f1: mean(details.map((d) => d.f1)),
    details: details.map(({ name, precision, recall, f1 }) => ({ name, precision, recall, f1 })),
  };
}

function readabilitySet(): SetResult {
  const dir = path.join(corpus, 'readability');
  const names = fs.readdirSync(dir).sort();
  return wordSet('readability', names.map((name) => {
    const html = fs.readFileSync(path.join(dir, name, 'source.html'), 'utf8');
    const reference = htmlText(fs.readFileSync(path.join(dir, name, 'expected.html'), 'utf8'));
    return { name, reference, run: () => extractText(html, 'http://fakehost/test/page.html') };
  }));
}

function newspaperSet(): SetResult {
  const dir = path.join(corpus, 'newspaper4k');
  const names = fs.readdirSync(path.join(dir, 'txt')).map((f) => f.replace(/\.txt$/, '')).sort();
  return wordSet('newspaper4k', names.map((name) => {
    const html = fs.readFileSync(path.join(dir, 'html', `${name}.html`), 'utf8');
    const metaFile = path.join(dir, 'metadata', `${name}.json`);
    const url = fs.existsSync(metaFile) ? (JSON.parse(fs.readFileSync(metaFile, 'utf8')) as { url?: string }).url : undefined;
    const reference = fs.readFileSync(path.join(dir, 'txt', `${name}.txt`), 'utf8');
    return { name, reference, run: () => extractText(html, url || 'http://example.com/article.html') };
  }));
}

/** Upstream scoring: a "with" snippet found is a true positive, a "without" snippet found a false positive. */
function trafilaturaSet(): SetResult {
  const dir = path.join(corpus, 'trafilatura-eval-fr-ar');
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'evaldata-fr-ar.json'), 'utf8')) as
    Record<string, { file: string; with?: string[]; without?: string[] }>;
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const entries = Object.entries(data);
  const pages = entries.map(([url, e]) => ({ url, e, html: fs.readFileSync(path.join(dir, 'html', e.file), 'utf8') }));
  const started = performance.now();
  const texts = pages.map((p) => squash(extractText(p.html, p.url)));
  const seconds = (performance.now() - started) / 1000;
  let tp = 0; let fn = 0; let fp = 0;
  const details = pages.map((p, i) => {
    const found = (s: string): boolean => texts[i]!.includes(squash(s));
    const pTp = (p.e.with ?? []).filter(found).length;
    const pFp = (p.e.without ?? []).filter(found).length;
    const pFn = (p.e.with ?? []).length - pTp;
    tp += pTp; fp += pFp; fn += pFn;
    return { name: p.e.file, ...prf(pTp, pFp, pFn) };
  });
  return { set: 'trafilatura-eval-fr-ar', metric: 'snippets', pages: pages.length, pagesPerSecond: pages.length / seconds, ...prf(tp, fp, fn), details };
}

function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** miniflux's scraper cases are CSS-rule cases: run them through our site-rule path. Only p.html has text. */
function minifluxSet(): SetResult {
  const dir = path.join(corpus, 'miniflux', 'scraper', 'testdata');
  return wordSet('miniflux-scraper', [{
    name: 'p.html',
    reference: htmlText(fs.readFileSync(path.join(dir, 'p.html-result'), 'utf8')),
    run: () => extractText(fs.readFileSync(path.join(dir, 'p.html'), 'utf8'), 'http://example.org/', { content: 'article > p' }),
  }]);
}

function overall(sets: SetResult[]): Omit<SetResult, 'details' | 'metric' | 'pagesPerSecond'> {
  const pages = sets.reduce((n, s) => n + s.pages, 0);
  const weighted = (k: 'precision' | 'recall' | 'f1'): number => sets.reduce((n, s) => n + s[k] * s.pages, 0) / pages;
  return { set: 'overall (page-weighted)', pages, precision: weighted('precision'), recall: weighted('recall'), f1: weighted('f1') };
}

function main(argv: string[]): void {
  const sets = [readabilitySet(), newspaperSet(), trafilaturaSet(), minifluxSet()];
  const all = overall(sets);
  if (argv.includes('--json')) {
    const strip = argv.includes('--verbose') ? sets : sets.map(({ details: _d, ...rest }) => rest);
    console.log(JSON.stringify({ sets: strip, overall: all }, null, 2));
    return;
  }
  const f = (x: number): string => x.toFixed(3);
  console.log('set                       metric    pages  P      R      F1     pages/s');
  for (const s of sets) {
    console.log(`${s.set.padEnd(26)}${s.metric.padEnd(10)}${String(s.pages).padStart(5)}  ${f(s.precision)}  ${f(s.recall)}  ${f(s.f1)}  ${s.pagesPerSecond.toFixed(1)}`);
    if (argv.includes('--verbose')) {
      for (const d of [...s.details].sort((a, b) => a.f1 - b.f1)) console.log(`    ${d.name.padEnd(36)} P ${f(d.precision)} R ${f(d.recall)} F1 ${f(d.f1)}`);
    }
  }
  console.log(`${all.set.padEnd(36)}${String(all.pages).padStart(5)}  ${f(all.precision)}  ${f(all.recall)}  ${f(all.f1)}`);
}

main(process.argv.slice(2));
