// Starts a private redis-server on a free port for a test file (AOF on, noeviction, data in a temp
// dir), so tests can also stop, kill and restart it. Never touches the shared 127.0.0.1:6379.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { after, before } from 'node:test';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

export interface TestRedis {
  port: number;
  url: string;
  dir: string;
  /** Stops gracefully (SHUTDOWN semantics via SIGTERM). */
  stop(): Promise<void>;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
  /** SIGSTOP: the server keeps its sockets open but answers nothing (a hung Redis). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** Starts again on the same port and data dir (AOF replayed). */
  restart(): Promise<void>;
  /** Stops and removes the data dir. */
  close(): Promise<void>;
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.write('PING\r\n'); });
      s.once('data', (d) => { s.destroy(); resolve(d.toString().startsWith('+PONG')); });
      s.once('error', () => { s.destroy(); resolve(false); });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-redis-'));
  let child: ChildProcess | undefined;

  const launch = async () => {
    child = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
      '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '',
      '--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--loglevel', 'warning',
    ], { stdio: 'ignore' });
    await waitForPort(port);
  };
  const waitExit = (signal: NodeJS.Signals) => new Promise<void>((resolve) => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once('exit', () => resolve());
    c.kill(signal);
    if (signal !== 'SIGKILL') c.kill('SIGCONT'); // a paused server only acts on SIGTERM once continued
  });

  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    stop: () => waitExit('SIGTERM'),
    kill: () => waitExit('SIGKILL'),
    pause: () => { child?.kill('SIGSTOP'); },
    resume: () => { child?.kill('SIGCONT'); },
    restart: async () => { await waitExit('SIGTERM'); await launch(); },
    close: async () => { await waitExit('SIGKILL'); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/**
 * A test file's own Redis and one client on it, started before its tests and stopped after them;
 * `set` receives both once they are up.
 */
export function useTestRedisClient(set: (redis: TestRedis, client: Redis) => void): void {
  let redis: TestRedis | undefined;
  let client: Redis | undefined;
  before(async () => {
    redis = await startTestRedis();
    client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    set(redis, client);
  });
  after(async () => {
    client?.disconnect();
    await redis?.close();
  });
}
