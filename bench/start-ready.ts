// How long `vigie start` takes to answer /healthz, and the CPU it has used 3 s after that, for this
// build and another one (--other dist-NAME, the baseline) in the same run, interleaved. The config
// declares a subscription (so start compiles the catalog, and this build's threads read it after the
// first poll) and a loopback feed polled every second. Cold: new data and cache folders; warm: the
// same folders again.
// Usage: node dist/bench/start-ready.js --other dist-before [--rounds 3]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNewsSite } from '../test/harness/news-site.js';
import { makeConfigDir } from '../test/harness/config-dir.js';
import { repoRoot } from '../test/harness/paths.js';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const ROUNDS = Number(opt('rounds') ?? 3);
const thisDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builds = [['this build', thisDist], ['baseline', path.join(repoRoot, opt('other') ?? 'dist-before')]] as const;
const CLK_TCK = 100;

/** utime + stime of a process and all its threads, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

async function oneStart(dist: string, dirs: { data: string; cache: string }, config: string): Promise<{ readyMs: number; cpuMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(dist, 'src', 'cli', 'run.js'), 'start'], {
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), VIGIE_DATA_DIR: dirs.data, VIGIE_CACHE_DIR: dirs.cache, VIGIE_CONFIG_DIR: config,
      VIGIE_HTTP_PORT: '0', VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_BACKFILL: '0', VIGIE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let address: string | undefined;
  for (;;) {
    address ??= /vigie listening on (\S+)/.exec(out)?.[1];
    if (address && (await fetch(`${address}/healthz`).then((r) => r.ok, () => false))) break;
    if (child.exitCode !== null) throw new Error(`vigie start exited ${child.exitCode}: ${out}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 3000));
  const cpu = cpuMs(child.pid!);
  child.kill('SIGTERM');
  await exited;
  return { readyMs, cpuMs: cpu };
}

const site = await startNewsSite();
site.publish({ slug: 'one', title: 'Drone strike near Abu Kamal', summary: 'x', paragraphs: ['A drone strike hit a convoy near Abu Kamal.'] });
const config = makeConfigDir([{ id: 'loop', url: site.feedUrl, interval: 1, lang: 'en' }],
  [{ id: 'bench', name: 'bench', regions: ['sy-deir-ez-zor'], channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook' }] }]);
const results = new Map<string, Array<{ readyMs: number; cpuMs: number }>>();
for (let r = 0; r < ROUNDS; r += 1) {
  for (const [name, dist] of builds) {
    const dirs = { data: fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ready-data-')), cache: fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ready-cache-')) };
    for (const phase of ['cold', 'warm']) {
      const got = await oneStart(dist, dirs, config);
      const key = `${name}, ${phase}`;
      results.set(key, [...(results.get(key) ?? []), got]);
      process.stderr.write(`start-ready: round ${r + 1} ${key}: ready ${got.readyMs.toFixed(0)} ms, CPU ${got.cpuMs.toFixed(0)} ms\n`);
    }
    fs.rmSync(dirs.data, { recursive: true, force: true });
    fs.rmSync(dirs.cache, { recursive: true, force: true });
  }
}
await site.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n\n| run (median of ${ROUNDS}) | to /healthz ok | CPU 3 s after | ratio to baseline (ready) |\n|---|---|---|---|`);
for (const phase of ['cold', 'warm']) {
  const base = median(results.get(`baseline, ${phase}`)!.map((x) => x.readyMs));
  for (const [name] of builds) {
    const xs = results.get(`${name}, ${phase}`)!;
    const ready = median(xs.map((x) => x.readyMs));
    console.log(`| ${name}, ${phase} | ${ready.toFixed(0)} ms | ${median(xs.map((x) => x.cpuMs)).toFixed(0)} ms | ${(ready / base).toFixed(2)}x |`);
  }
}
process.exit(0);
