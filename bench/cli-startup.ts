// CLI start-up against a bare Node start in the same run (issue 12, item 3): `node -e 0`, `vigie
// --help`, and `vigie match` on one short line (which also loads and compiles the shipped catalog).
// Interleaved runs, medians and ratios. Usage: node dist/bench/cli-startup.js [--runs N]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { percentile } from './percentiles.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vigie = path.join(root, 'bin', 'vigie.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 7;

const cases: Array<[string, string[], string | undefined]> = [
  ['node -e 0 (baseline)', ['-e', '0'], undefined],
  ['vigie --help', [vigie, '--help'], undefined],
  ['vigie match, one line', [vigie, 'match', '--lang', 'fr'], 'Frappe de drone près de Boukamal, province de Deir Ezzor.'],
];

const times = cases.map(() => [] as number[]);
for (let r = 0; r < runs; r += 1) {
  cases.forEach(([name, args, input], i) => {
    const t0 = performance.now();
    const res = spawnSync(process.execPath, args, { input, encoding: 'utf8', cwd: root });
    if (res.status !== 0) throw new Error(`${name}: exit ${res.status}: ${res.stderr}`);
    times[i]!.push(performance.now() - t0);
  });
  process.stderr.write(`cli-startup: round ${r + 1}/${runs}\n`);
}
const base = percentile(times[0]!, 50);
console.log(`| command | median ms | p90 ms | x node -e 0 |`);
console.log(`|---|---|---|---|`);
cases.forEach(([name], i) => {
  const median = percentile(times[i]!, 50);
  console.log(`| ${name} | ${median.toFixed(0)} | ${percentile(times[i]!, 90).toFixed(0)} | ${(median / base).toFixed(2)} |`);
});
