// Extraction speed against a bare parse of the same pages in the same run (issue 12, item 1):
// in-process, `extractArticle` vs htmlparser2 `parseDocument`; and as whole processes,
// `vigie extract --jsonl` vs a script that reads the same JSON lines and only parses each page.
// Interleaved rounds; medians, spread (fastest - slowest) and ratios (baseline time / vigie time).
// In process, the ratio is given on wall time and on this process's CPU time: on a shared machine
// the CPU figure is the steadier one (waiting for a core is not counted).
// Usage: node dist/bench/extract-speed.js [--rounds N] [--copies N] [--no-cli]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'htmlparser2';
import { extractArticle } from '../src/core/extract/extract-article.js';
import { corpusPages, repoRoot, type CorpusPage } from './corpus-pages.js';
import { percentile } from './percentiles.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const rounds = arg('--rounds', 7);
const copies = arg('--copies', 5);

interface Timing { wall: number; cpu: number }

function timed(work: () => void): Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  work();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

function timeParse(pages: CorpusPage[]): Timing {
  return timed(() => {
    let n = 0;
    for (const p of pages) n += parseDocument(p.html).children.length;
    if (n === 0) throw new Error('parsed nothing');
  });
}

function timeExtract(pages: CorpusPage[]): Timing {
  return timed(() => extractAll(pages));
}

function extractAll(pages: CorpusPage[]): void {
  let n = 0;
  for (const p of pages) {
    try {
      n += extractArticle(p.html, { url: p.url }).text.length;
    } catch {
      // a page without text still cost its extraction; EXTRACT_EMPTY is a result here
    }
  }
  if (n === 0) throw new Error('extracted nothing');
}

interface Row { name: string; baseline: number[]; vigie: number[] }

function printRows(title: string, unit: string, pages: number, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log(`| case | baseline median ${unit} | vigie median ${unit} | vigie pages/s | ratio (median of rounds) | ratio fastest - slowest round |`);
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const ratios = r.baseline.map((b, i) => b / r.vigie[i]!);
    const v = percentile(r.vigie, 50);
    console.log(`| ${r.name} | ${percentile(r.baseline, 50).toFixed(0)} | ${v.toFixed(0)} | ${(pages / (v / 1000)).toFixed(0)} | `
      + `**${percentile(ratios, 50).toFixed(2)}** | ${Math.min(...ratios).toFixed(2)} - ${Math.max(...ratios).toFixed(2)} |`);
  }
}

function inProcess(pages: CorpusPage[]): void {
  timeParse(pages);
  timeExtract(pages); // warm-up round for both, not reported
  const wall: Row = { name: `extractArticle vs parseDocument, ${pages.length} pages, wall time`, baseline: [], vigie: [] };
  const cpu: Row = { name: `extractArticle vs parseDocument, ${pages.length} pages, CPU time`, baseline: [], vigie: [] };
  for (let r = 0; r < rounds; r += 1) {
    const b = timeParse(pages);
    const v = timeExtract(pages);
    wall.baseline.push(b.wall);
    wall.vigie.push(v.wall);
    cpu.baseline.push(b.cpu);
    cpu.vigie.push(v.cpu);
  }
  printRows('In process (one round = every page once)', 'ms', pages.length, [wall, cpu]);
}

function runProcess(args: string[], input: string): number {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { stdio: ['pipe', 'ignore', 'pipe'], input, cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (res.status !== 0) throw new Error(`${args.join(' ')}: exit ${res.status}: ${res.stderr}`);
  return performance.now() - t0;
}

function cli(pages: CorpusPage[]): void {
  const lines: string[] = [];
  for (let c = 0; c < copies; c += 1) {
    pages.forEach((p, i) => lines.push(JSON.stringify({ id: `${c}-${i}`, url: p.url, html: p.html })));
  }
  const input = `${lines.join('\n')}\n`;
  const vigie = [path.join(repoRoot, 'bin', 'vigie.js'), 'extract', '--jsonl'];
  const baseline = [path.join(repoRoot, 'dist', 'bench', 'parse-jsonl-baseline.js')];
  const row: Row = { name: `vigie extract --jsonl vs parse-only script, ${lines.length} lines (${(input.length / 1e6).toFixed(0)} MB)`, baseline: [], vigie: [] };
  for (let r = 0; r < rounds; r += 1) {
    row.baseline.push(runProcess(baseline, input));
    row.vigie.push(runProcess(vigie, input));
    process.stderr.write(`extract-speed: cli round ${r + 1}/${rounds}\n`);
  }
  printRows('Whole processes (start-up included, stdout discarded)', 'ms', lines.length, [row]);
}

const pages = corpusPages();
console.log(`${rounds} interleaved rounds, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, `
  + `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
inProcess(pages);
if (!process.argv.includes('--no-cli')) cli(pages);
