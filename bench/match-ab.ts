// Compares two builds of the matcher in ONE process: this build and another checkout's `dist` (say, the
// commit before a change). On a shared machine whose speed drifts 2x from one minute to the next,
// figures from two runs cannot be compared; here both builds scan the same articles in alternation,
// and each round gives a ratio, so drift hits both alike. Same articles as match-throughput.ts. Garbage
// collection is left out of both builds' figures (a full collection runs before each pass, else one pass
// pays for another's garbage): judge allocation changes with match-throughput.ts.
// Usage: node dist/bench/match-ab.js --base <other checkout>/dist [--aliases 10000] [--rounds 21]
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Entity } from '../src/core/entities/entity.js';
import type { Matcher } from '../src/core/match/compile-matcher.js';
import * as thisCompile from '../src/core/match/compile-matcher.js';
import * as thisMatch from '../src/core/match/match-document.js';
import * as thisScan from '../src/core/match/scan-text.js';
import { loadEntities } from '../src/config/load-entities.js';
import { articles, corpusText, repoRoot, syntheticAliases, syntheticEntities } from './match-articles.js';

interface Build {
  compileMatcher: (entities: Entity[]) => Matcher;
  matchDocument: typeof thisMatch.matchDocument;
  scanText: typeof thisScan.scanText;
}

const HELP = `Usage: node dist/bench/match-ab.js --base <dist> [--aliases N] [--rounds N] [--entities <dir>]
Scans and matches the benchmark articles with this build (B) and the build in <dist> (A), alternately in
one process, and prints each contender's MB/s (median, best) and the median of the per-round B/A ratios.
  --base <dist>   the other build's compiled output folder (its dist/, with src/ and bench/ inside)
  --aliases N     synthetic aliases on top of the shipped entities (default 10000)
  --rounds N      timed rounds (default 21)
  --entities DIR  the entity catalog both builds compile (default: this checkout's config/entities); give
                  the base checkout's to compare at the catalog size it was measured with`;

async function loadBuild(dist: string): Promise<Build> {
  const at = (file: string): string => pathToFileURL(path.resolve(dist, file)).href;
  const [c, m, s] = await Promise.all([import(at('src/core/match/compile-matcher.js')), import(at('src/core/match/match-document.js')),
    import(at('src/core/match/scan-text.js'))]);
  return { compileMatcher: c.compileMatcher, matchDocument: m.matchDocument, scanText: s.scanText };
}

/** A full collection before each timed pass, so no pass pays for the garbage of the one before. */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' }, aliases: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '21' }, entities: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.base) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const rounds = Number(values.rounds);
  const base = await loadBuild(values.base);
  const here: Build = { compileMatcher: thisCompile.compileMatcher, matchDocument: thisMatch.matchDocument, scanText: thisScan.scanText };
  const aliases = syntheticAliases(Number(values.aliases));
  const entities = [...syntheticEntities(aliases), ...loadEntities(values.entities ? path.resolve(values.entities) : path.join(repoRoot, 'config', 'entities'))];
  const docs = articles(corpusText(), aliases, aliases.length);
  const mb = docs.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  const a = base.compileMatcher(entities);
  const b = here.compileMatcher(entities);
  const contenders: Record<string, (text: string) => number> = {
    'scan A': (t) => base.scanText(a, t).count,
    'scan B': (t) => here.scanText(b, t).count,
    'matchDocument A': (t) => base.matchDocument(a, { text: t }).matches.length,
    'matchDocument B': (t) => here.matchDocument(b, { text: t }).matches.length,
  };
  const rates: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const counts: Record<string, number> = {};
  // Odd rounds run the contenders in reverse order: a contender's place in a round changes its speed
  // (the one after another pass runs measurably slower, whatever its code), so each build gets each place.
  const order = Object.entries(contenders);
  for (let r = -1; r < rounds; r += 1) {
    for (const [name, work] of r % 2 === 0 ? order : [...order].reverse()) {
      gc();
      const t0 = performance.now();
      let n = 0;
      for (const text of docs) n += work(text);
      counts[name] = n;
      if (r >= 0) rates[name]!.push(mb / ((performance.now() - t0) / 1000));
    }
    if (process.stderr.isTTY) process.stderr.write(`\rround ${r + 1}/${rounds}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(`${docs.length} articles, ${mb.toFixed(2)} MB, ${b.aliasCount} aliases, ${rounds} rounds; A = ${values.base}, B = this build`);
  for (const [name, xs] of Object.entries(rates)) console.log(`${name}: ${median(xs).toFixed(1)} MB/s (best ${Math.max(...xs).toFixed(1)}), ${counts[name]} hits or matches per round`);
  for (const what of ['scan', 'matchDocument']) {
    const ratios = rates[`${what} B`]!.map((x, i) => x / rates[`${what} A`]![i]!);
    console.log(`${what} B/A: ${median(ratios).toFixed(2)}x (median of per-round ratios)`);
  }
}

await main();
