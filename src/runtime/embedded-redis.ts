// The embedded default: with REDIS_URL unset, `vigie start` runs its own redis-server from PATH with
// data under ./data (AOF on, noeviction) through a watcher that stops it when vigie exits, however
// vigie exits. Without one on PATH, it says how to get one. Locking the folder is data-dir-lock's job.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VigieError } from '../core/errors/vigie-error.js';
import { runningHolder } from './data-dir-lock.js';

export interface EmbeddedRedis { url: string; port: number; /** redis-server's own pid */ pid: number; stop(): Promise<void> }

const WATCHER = fileURLToPath(new URL('./redis-watcher.js', import.meta.url));

export const HOW_TO_GET_REDIS = [
  'vigie needs Redis. Either set REDIS_URL to a running server, or put redis-server on PATH:',
  '  Debian/Ubuntu: sudo apt-get install redis-server',
  '  macOS:         brew install redis',
  '  Docker:        docker compose up -d redis   (then REDIS_URL=redis://127.0.0.1:6379)',
].join('\n');

function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

async function waitReady(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new VigieError('REDIS_UNAVAILABLE', 'embedded-redis', `redis-server exited with code ${child.exitCode ?? child.signalCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
      s.once('data', (d) => { s.destroy(); resolve(d.toString().startsWith('+PONG')); });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new VigieError('REDIS_UNAVAILABLE', 'embedded-redis', 'redis-server did not answer in time');
}

/** Resolves with redis-server's pid (the watcher's first line), or rejects if the watcher exits first. */
function redisPid(watcher: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = /^(\d+)\n/.exec(out);
      if (line) { watcher.stdout?.off('data', onData); resolve(Number(line[1])); }
    };
    watcher.stdout?.on('data', onData);
    watcher.once('exit', (code) => reject(new VigieError('REDIS_UNAVAILABLE', 'embedded-redis', `redis-server exited with code ${code}`)));
  });
}

export async function startEmbeddedRedis(dataDir: string): Promise<EmbeddedRedis> {
  if (!redisServerOnPath()) throw new VigieError('REDIS_UNAVAILABLE', 'embedded-redis', `no redis-server on PATH.\n${HOW_TO_GET_REDIS}`);
  const dir = path.resolve(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  // The watcher runs in its own process group (detached): a terminal's Ctrl-C reaches vigie, which
  // finishes its jobs in flight, and not Redis, which would otherwise stop under them.
  const watcher = spawn(process.execPath, [WATCHER,
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec',
    '--save', '', '--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--logfile', path.join(dir, 'redis.log'),
  ], { stdio: ['pipe', 'pipe', 'ignore'], detached: true });
  const exited = new Promise<void>((resolve) => watcher.once('exit', () => resolve()));
  // Ending the watcher's stdin is the same signal as vigie dying: it stops redis-server, then exits.
  const stop = async () => { watcher.stdin?.end(); await exited; };
  try {
    const pid = await redisPid(watcher);
    await waitReady(port, watcher, 15_000);
    return { url: `redis://127.0.0.1:${port}`, port, pid, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The URL of the embedded redis-server of the `vigie start` running on this folder, if one runs. */
export function findEmbeddedRedis(dataDir: string): string | undefined {
  const holder = runningHolder(dataDir);
  // Its Redis listens on the loopback of the host that runs it (the folder may be shared over a network).
  if (!holder?.redisUrl || holder.host !== os.hostname()) return undefined;
  return /^redis:\/\/127\.0\.0\.1:\d+$/.test(holder.redisUrl) ? holder.redisUrl : undefined;
}
