// The embedded default: with REDIS_URL unset, `vigie start` runs its own redis-server from PATH with
// data under ./data (AOF on, noeviction) and stops it on exit. Without one, it says how to get one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { VigieError } from '../core/errors/vigie-error.js';

export interface EmbeddedRedis { url: string; port: number; stop(): Promise<void> }

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
    if (child.exitCode !== null) throw new VigieError('REDIS_UNAVAILABLE', 'embedded-redis', `redis-server exited with code ${child.exitCode}`);
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

export async function startEmbeddedRedis(dataDir: string): Promise<EmbeddedRedis> {
  if (!redisServerOnPath()) throw new VigieError('REDIS_UNAVAILABLE', 'embedded-redis', `no redis-server on PATH.\n${HOW_TO_GET_REDIS}`);
  const dir = path.resolve(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn('redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec',
    '--save', '', '--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--logfile', path.join(dir, 'redis.log'),
  ], { stdio: 'ignore' });
  await waitReady(port, child, 15_000);
  const url = `redis://127.0.0.1:${port}`;
  // Other vigie commands run from the same folder (sources add, subscriptions add...) find it here.
  const urlFile = embeddedUrlFile(dataDir);
  fs.writeFileSync(urlFile, `${url}\n`);
  return {
    url,
    port,
    stop: () => new Promise<void>((resolve) => {
      fs.rmSync(urlFile, { force: true });
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM'); // redis-server saves the AOF and exits on SIGTERM
    }),
  };
}

export function embeddedUrlFile(dataDir: string): string {
  return path.resolve(dataDir, 'redis.url');
}

/** The URL of the embedded redis-server a `vigie start` in this folder is running, if any. */
export function findEmbeddedRedis(dataDir: string): string | undefined {
  try {
    const url = fs.readFileSync(embeddedUrlFile(dataDir), 'utf8').trim();
    return /^redis:\/\/127\.0\.0\.1:\d+$/.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}
