// Runs every benchmark in turn, each in its own process so one's heap and JIT state do not colour the
// next, and prints their tables (the figures that go in BENCHMARKS.md). `npm run bench`.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs: Array<[string, string, string[]]> = [
  ['extraction quality (word P/R/F1 per corpus set)', 'bench/extract-quality.js', []],
  ['extraction speed vs a bare htmlparser2 parse (in process, and vigie extract --jsonl as a process)', 'bench/extract-speed.js', []],
  ['article stage with the analysis pool vs in-process, and a hostile page (event-loop delay, a delivery meanwhile)', 'bench/article-pool.js', []],
  ['matching quality (FR/EN/AR evaluation set)', 'scripts/eval-matching.js', []],
  ['story grouping precision/recall', 'bench/story-quality.js', []],
  ['normalise+match throughput vs one-RegExp baseline', 'bench/match-throughput.js', []],
  ['poll-to-webhook latency and deliveries/s', 'bench/delivery-latency.js', ['--samples', '40', '--deliveries', '3000']],
  ['Redis commands per poll, article and delivery', 'bench/redis-ops.js', ['--redis-benchmark']],
  ['CLI start-up vs node -e 0', 'bench/cli-startup.js', []],
  ['alert map endpoint (a month of alerts)', 'bench/alert-map.js', []],
  ['batch matching (vigie match --jsonl) vs a typed-keyword RegExp, 20 MB', 'bench/match-batch.js', []],
];

console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}`);
let failed = 0;
for (const [title, script, args] of runs) {
  console.log(`\n## ${title}\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(dist, script), ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
  console.log(`(${script}: exit ${r.status}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(failed === 0 ? 0 : 1);
