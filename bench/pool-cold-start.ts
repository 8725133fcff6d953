// Where the first article's wait on a cold analysis pool goes: each step a worker's first article
// takes (compile the catalog, write its snapshot bytes, start a thread and import the task module,
// read the snapshot on the thread, first page extraction, first event reading, first candidate
// search with the known actor keys sent from the main thread), timed cold and then again warm in the same process (the warm run is the baseline).
// Each phase runs on one thread (a one-thread Piscina) so that the cold costs land where measured.
// Usage: node dist/bench/pool-cold-start.js [--rounds 5]   (each round is a fresh child process)
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { loadEntities } from '../src/config/load-entities.js';
import { createEntityCatalog } from '../src/pipeline/entity-catalog.js';
import { writeMatcherSnapshot } from '../src/core/match/matcher-snapshot.js';
import { knownCandidateKeys } from '../src/core/candidates/known-candidate-keys.js';
import { repoRoot } from '../test/harness/paths.js';
import { toShared } from '../src/adapters/pool/create-analysis-pool.js';
import { encodeKnownKeys } from '../src/pipeline/analysis-tasks.js';

const here = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 5;

const PAGE = (n: number) => Buffer.from(`<!doctype html><html lang="en"><head><title>Report ${n}</title></head><body><nav><a href="/">Home</a></nav>
<main><article><h1>Report ${n} from Abu Kamal</h1><p>A drone strike hit a convoy near Abu Kamal in Deir ez-Zor province on Monday, killing ${n + 2} people and wounding four, the Syrian Observatory said.</p>
<p>A new militia called the Guardians of Zaynab ${n} was seen near the border crossing, residents said. Kataib Hezbollah denied any role.</p></article></main><footer>© News</footer></body></html>`);
const FEED = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://n.example/</link><description>d</description><item><title>A</title><link>/a</link><guid>a</guid></item></channel></rss>');
const docOf = (n: number) => ({ title: `Report ${n} from Abu Kamal`, lang: 'en',
  text: `A drone strike hit a convoy near Abu Kamal in Deir ez-Zor province on Monday, killing ${n + 2} people and wounding four. A new militia called the Guardians of Zaynab ${n} was seen near the border crossing.` });

type Phase = [name: string, ms: number];

async function timed<T>(phases: Phase[], name: string, run: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const v = await run();
  phases.push([name, performance.now() - t0]);
  return v;
}

/** One cold process: every phase once cold, then once warm. */
async function oneRound(): Promise<Phase[]> {
  const phases: Phase[] = [];
  const entities = loadEntities(path.join(repoRoot, 'config', 'entities'));
  const snap = await timed(phases, 'main: compile the catalog', () => createEntityCatalog(entities).current());
  const written = await timed(phases, 'main: write the snapshot bytes', () => writeMatcherSnapshot(snap.matcher));
  const keys = await timed(phases, 'main: known actor keys', () => encodeKnownKeys(knownCandidateKeys(snap.entities)));
  const catalog = { version: snap.version, bytes: toShared(written), known: toShared(keys) };
  const pool = new Piscina({ filename: new URL('../src/pipeline/analysis-tasks.js', import.meta.url).href, minThreads: 1, maxThreads: 1, idleTimeout: Number.POSITIVE_INFINITY, atomics: 'disabled' });
  const run = (name: string, input: unknown) => pool.run(input, { name });
  const empty = { doc: {}, queries: [] };
  await timed(phases, 'thread: start and import the task module', () => run('evaluateQueriesTask', empty));
  await timed(phases, 'thread: first feed parse', () => run('readSourceDocTask', { body: FEED, url: 'https://n.example/f', kind: 'feed' }));
  await timed(phases, 'thread: first page extraction', () => run('extractPageTask', { body: PAGE(1), url: 'https://n.example/a/1' }));
  await timed(phases, 'thread: first match (reads the snapshot)', () => run('analyseTask', { doc: docOf(1), catalog, events: false }));
  await timed(phases, 'thread: first event reading', () => run('analyseTask', { doc: docOf(2), catalog, events: true }));
  await timed(phases, 'thread: first candidate search', () => run('analyseTask', { doc: docOf(3), catalog, events: false, candidates: true }));
  // Warm: the same steps again (a new page, new documents), the baseline of each cold figure.
  await timed(phases, 'warm: feed parse', () => run('readSourceDocTask', { body: FEED, url: 'https://n.example/f', kind: 'feed' }));
  await timed(phases, 'warm: page extraction', () => run('extractPageTask', { body: PAGE(4), url: 'https://n.example/a/4' }));
  await timed(phases, 'warm: match, events and candidates', () => run('analyseTask', { doc: docOf(5), catalog, events: true, candidates: true }));
  await timed(phases, 'warm: write the snapshot bytes again', () => writeMatcherSnapshot(snap.matcher));
  await pool.close();
  return phases;
}

if (process.argv.includes('--child')) {
  process.send!(await oneRound());
  process.exit(0);
}

const rounds: Phase[][] = [];
for (let r = 0; r < ROUNDS; r += 1) {
  const child = fork(here, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  rounds.push(await new Promise<Phase[]>((resolve) => child.once('message', (m) => resolve(m as Phase[]))));
}
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`\n| phase (median of ${ROUNDS} fresh processes) | ms | min | max |\n|---|---|---|---|`);
for (let i = 0; i < rounds[0]!.length; i += 1) {
  const ms = rounds.map((r) => r[i]![1]);
  console.log(`| ${rounds[0]![i]![0]} | ${median(ms).toFixed(1)} | ${Math.min(...ms).toFixed(1)} | ${Math.max(...ms).toFixed(1)} |`);
}
