// Batch matching at scale (issue 12, item 4): `vigie match --jsonl` against a typed-keyword RegExp
// (bench/keyword-regex-batch.ts), both as whole processes reading the same ~20 MB of JSON lines of
// real-language text on stdin and writing one line per input line (vigie as it runs by default,
// matching in its main thread, and with two worker threads). Rounds alternate the order of the
// two; figures are MB/s of input (median, and the slowest and fastest round), and the ratio per round.
// Text: the corpus pages of ../shared/corpus (FR/EN/AR, as in match-throughput.ts), cut into ~4 KB
// documents, repeated with shifted cuts up to the size asked for. Keywords: the canonical names (en,
// fr, ar) of the shipped countries, governorates and hand-written actors: what an operator would type.
// Usage: node dist/bench/match-batch.js [--mb 20] [--rounds 5]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadEntities } from '../src/config/load-entities.js';
import { corpusText, repoRoot } from './match-articles.js';
import { percentile } from './percentiles.js';
import { numberArg } from './number-arg.js';

const targetBytes = numberArg('mb', 20) * 1e6;
const rounds = numberArg('rounds', 5);

/** ar when a third of the text is Arabic script, else fr or en by their commonest short words. */
function langOf(t: string): string {
  if ((t.match(/[\u0600-\u06ff]/g) ?? []).length > t.length / 3) return 'ar';
  const fr = (t.match(/ (?:le|la|les|des|et|du|une) /g) ?? []).length;
  const en = (t.match(/ (?:the|and|of|to|in|a) /g) ?? []).length;
  return fr > en ? 'fr' : 'en';
}

function batchInput(file: string): { bytes: number; lines: number } {
  const text = corpusText();
  const out = fs.openSync(file, 'w');
  let bytes = 0;
  let lines = 0;
  for (let round = 0; bytes < targetBytes; round += 1) {
    for (let i = (round * 997) % 4000; i < text.length && bytes < targetBytes; i += 4000) {
      const doc = text.slice(i, i + 4000);
      const line = `${JSON.stringify({ id: `d${lines}`, lang: langOf(doc), text: doc })}\n`;
      fs.writeSync(out, line);
      bytes += Buffer.byteLength(line);
      lines += 1;
    }
  }
  fs.closeSync(out);
  return { bytes, lines };
}

function typedKeywords(): string[] {
  const entities = loadEntities(path.join(repoRoot, 'config', 'entities'));
  const typed = entities.filter((e) => !e.generated && (e.kind === 'actor' || e.type === 'country' || e.type === 'governorate'));
  return [...new Set(typed.flatMap((e) => [e.names.en, e.names.fr, e.names.ar]))];
}

interface Run { seconds: number; lines: number; outBytes: number; first: string }

function run(args: string[], input: string, output: string, env: NodeJS.ProcessEnv): Run {
  const stdin = fs.openSync(input, 'r');
  const stdout = fs.openSync(output, 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: [stdin, stdout, 'pipe'], env, maxBuffer: 1 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  fs.closeSync(stdin);
  fs.closeSync(stdout);
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  const out = fs.readFileSync(output, 'utf8');
  return { seconds, lines: out.split('\n').length - 1, outBytes: Buffer.byteLength(out), first: out.slice(0, out.indexOf('\n')) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-batch-'));
const input = path.join(dir, 'in.jsonl');
const { bytes, lines } = batchInput(input);
const keywordsFile = path.join(dir, 'keywords.txt');
const keywords = typedKeywords();
fs.writeFileSync(keywordsFile, keywords.join('\n'));
const env = { ...process.env, VIGIE_CACHE_DIR: path.join(dir, 'cache') };
const dist = path.join(repoRoot, 'dist');
const contenders: Record<string, string[]> = {
  'typed-keyword RegExp': [path.join(dist, 'bench', 'keyword-regex-batch.js'), keywordsFile],
  'vigie match --jsonl': [path.join(repoRoot, 'bin', 'vigie.js'), 'match', '--jsonl'],
  'vigie match --jsonl --workers 2': [path.join(repoRoot, 'bin', 'vigie.js'), 'match', '--jsonl', '--workers', '2'],
};
// The matcher snapshot is written by a first run (untimed): the figures are of the runs that read it.
run([path.join(repoRoot, 'bin', 'vigie.js'), 'match'], input, path.join(dir, 'warm.txt'), env);
const names = Object.keys(contenders);
const rates = new Map<string, number[]>(names.map((n) => [n, []]));
const last = new Map<string, Run>();
const ratios: number[] = [];
const ratiosOne: number[] = [];
for (let r = 0; r < rounds; r += 1) {
  // Odd rounds run the contenders in reverse order, so each takes each place.
  const order = r % 2 === 0 ? names : [...names].reverse();
  const mbps: Record<string, number> = {};
  for (const name of order) {
    const res = run(contenders[name]!, input, path.join(dir, 'out.jsonl'), env);
    if (res.lines !== lines) throw new Error(`${name}: ${res.lines} lines out for ${lines} in`);
    mbps[name] = bytes / 1e6 / res.seconds;
    rates.get(name)!.push(mbps[name]!);
    last.set(name, res);
  }
  ratios.push(mbps[names[1]!]! / mbps[names[0]!]!);
  ratiosOne.push(mbps[names[2]!]! / mbps[names[0]!]!);
  process.stderr.write(`match-batch: round ${r + 1}/${rounds}: ${names.map((n) => `${n} ${mbps[n]!.toFixed(1)} MB/s`).join(', ')}\n`);
}
const snippets = run([...contenders['vigie match --jsonl']!, '--snippets'], input, path.join(dir, 'out.jsonl'), env);

console.log(`${(bytes / 1e6).toFixed(1)} MB of JSON lines (${lines} documents), ${keywords.length} typed keywords, ${rounds} rounds, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('');
console.log('| contender | median MB/s | slowest - fastest round | output per line |');
console.log('|---|---|---|---|');
for (const name of names) {
  const v = rates.get(name)!;
  console.log(`| ${name} | ${percentile(v, 50).toFixed(1)} | ${Math.min(...v).toFixed(1)} - ${Math.max(...v).toFixed(1)} | ${(last.get(name)!.outBytes / lines).toFixed(0)} B |`);
}
console.log(`| vigie match --jsonl --snippets (one run) | ${(bytes / 1e6 / snippets.seconds).toFixed(1)} | | ${(snippets.outBytes / lines).toFixed(0)} B |`);
console.log('');
console.log(`ratio vigie / RegExp: median ${percentile(ratios, 50).toFixed(2)}x (rounds ${Math.min(...ratios).toFixed(2)} - ${Math.max(...ratios).toFixed(2)}); two worker threads: ${percentile(ratiosOne, 50).toFixed(2)}x (${Math.min(...ratiosOne).toFixed(2)} - ${Math.max(...ratiosOne).toFixed(2)})`);
console.log(`first vigie line: ${last.get(names[1]!)!.first.slice(0, 300)}`);
fs.rmSync(dir, { recursive: true, force: true });
