// CLI start-up against a bare Node start in the same run (issue 12, item 3): `node -e 0`, `vigie
// --help`, and `vigie match` on one short line, which reads the compiled matcher from its snapshot in a
// cache folder of this run (written by one untimed run first; that cold run is reported too).
// Interleaved runs; medians, spread (fastest - slowest) and ratios.
// Usage: node dist/bench/cli-startup.js [--runs N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { percentile } from './percentiles.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vigie = path.join(root, 'bin', 'vigie.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 7;
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-startup-'));
const env = { ...process.env, VIGIE_CACHE_DIR: cache };
const line = 'Frappe de drone près de Boukamal, province de Deir Ezzor.';

function timed(name: string, args: string[], input: string | undefined): number {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { input, encoding: 'utf8', cwd: root, env });
  if (res.status !== 0) throw new Error(`${name}: exit ${res.status}: ${res.stderr}`);
  return performance.now() - t0;
}

const cases: Array<[string, string[], string | undefined]> = [
  ['node -e 0 (baseline)', ['-e', '0'], undefined],
  ['vigie --help', [vigie, '--help'], undefined],
  ['vigie match, one line (matcher snapshot)', [vigie, 'match', '--lang', 'fr'], line],
];

const cold = timed('cold match', [vigie, 'match', '--lang', 'fr'], line);
const times = cases.map(() => [] as number[]);
for (let r = 0; r < runs; r += 1) {
  cases.forEach(([name, args, input], i) => times[i]!.push(timed(name, args, input)));
  process.stderr.write(`cli-startup: round ${r + 1}/${runs}\n`);
}
const base = percentile(times[0]!, 50);
console.log(`${runs} interleaved rounds, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('');
console.log('| command | median ms | fastest - slowest ms | x node -e 0 (median) |');
console.log('|---|---|---|---|');
cases.forEach(([name], i) => {
  const t = times[i]!;
  console.log(`| ${name} | ${percentile(t, 50).toFixed(0)} | ${Math.min(...t).toFixed(0)} - ${Math.max(...t).toFixed(0)} | ${(percentile(t, 50) / base).toFixed(2)} |`);
});
console.log(`| vigie match, one line, first run (compiles and writes the snapshot) | ${cold.toFixed(0)} | | ${(cold / base).toFixed(1)} |`);
fs.rmSync(cache, { recursive: true, force: true });
