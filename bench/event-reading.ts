// What reading events costs on top of matching: the same texts, in the same process, through
// matchDocument alone and through matchDocument + readEvents, rounds interleaved so both see the same
// machine. Texts: the real-news set (eval-data/realnews/texts, 345 FR/EN/AR pages) when present.
// Wall and CPU time both (CPU time is steadier on a shared machine).
// Usage: node dist/bench/event-reading.js [--rounds N]   (target: at most +20%)
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadEntities } from '../src/config/load-entities.js';
import { compileMatcher } from '../src/core/match/compile-matcher.js';
import { matchDocument, type MatchDoc } from '../src/core/match/match-document.js';
import { readEvents } from '../src/core/events/read-events.js';
import { repoRoot } from './match-articles.js';

function docs(): MatchDoc[] {
  const dir = path.join(repoRoot, 'eval-data', 'realnews', 'texts');
  if (!fs.existsSync(dir)) throw new Error(`no texts in ${dir}: gather them first (eval/realnews/README.md)`);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ text: fs.readFileSync(path.join(dir, f), 'utf8'), lang: f.slice(3, 5) }));
}

interface Timing { wall: number; cpu: number }

function timed(run: () => void, into: Timing): void {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  into.wall += performance.now() - t0;
  into.cpu += (c.user + c.system) / 1000;
}

function main(): void {
  const i = process.argv.indexOf('--rounds');
  const rounds = i >= 0 ? Number(process.argv[i + 1]) : 10;
  const matcher = compileMatcher(loadEntities(path.join(repoRoot, 'config', 'entities')));
  const all = docs();
  const matchOnly = (): void => { for (const d of all) matchDocument(matcher, d); };
  const withEvents = (): void => { for (const d of all) readEvents(d, matchDocument(matcher, d)); };
  for (let k = 0; k < 3; k += 1) { matchOnly(); withEvents(); }
  const a = { wall: 0, cpu: 0 };
  const b = { wall: 0, cpu: 0 };
  for (let k = 0; k < rounds; k += 1) {
    timed(matchOnly, a);
    timed(withEvents, b);
  }
  const chars = all.reduce((s, d) => s + (d.text?.length ?? 0), 0);
  console.log(`event reading: ${all.length} texts (${(chars / 1000).toFixed(0)} k chars), ${rounds} rounds`);
  const per = (t: Timing): string => `${(t.wall / rounds).toFixed(1)} ms per pass (${(t.wall / rounds / all.length).toFixed(3)} ms per text; CPU ${(t.cpu / rounds).toFixed(1)} ms)`;
  console.log(`  matchDocument alone          ${per(a)}`);
  console.log(`  matchDocument + readEvents   ${per(b)}`);
  console.log(`  event reading adds ${((b.wall / a.wall - 1) * 100).toFixed(1)}% wall, ${((b.cpu / a.cpu - 1) * 100).toFixed(1)}% CPU (target <= 20%)`);
}

main();
