// Starts a real Redis Cluster on loopback for a test file: three masters (no replicas), each a
// redis-server in its own temp dir on free ports, joined with `redis-cli --cluster create`. Never
// touches the shared 127.0.0.1:6379. close() kills every node and removes the dirs.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

const run = promisify(execFile);

export interface TestRedisCluster {
  /** Client ports of the masters. */
  ports: number[];
  /** vigie's REDIS_URL for this cluster: `redis-cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3`. */
  url: string;
  /** Sums INFO commandstats-like counters or reads keys per node (one plain client per node). */
  nodeClients(): Redis[];
  close(): Promise<void>;
}

interface Node { port: number; dir: string; child: ChildProcess }

async function startNode(): Promise<Node> {
  const port = await freePort();
  // The cluster bus needs a second port; Redis 7 takes it explicitly (default port + 10000 may be busy or > 65535).
  const busPort = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cluster-'));
  const child = spawn('redis-server', [
    '--port', String(port), '--cluster-port', String(busPort), '--bind', '127.0.0.1', '--dir', dir,
    '--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, 'nodes.conf'), '--cluster-node-timeout', '2000',
    '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '',
    '--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--loglevel', 'warning',
  ], { stdio: 'ignore' });
  return { port, dir, child };
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`redis cluster: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startTestRedisCluster(masters = 3): Promise<TestRedisCluster> {
  const nodes: Node[] = [];
  const clients: Redis[] = [];
  const close = async () => {
    for (const c of clients) c.disconnect();
    await Promise.all(nodes.map((n) => new Promise<void>((resolve) => {
      if (n.child.exitCode !== null || n.child.signalCode !== null) return resolve();
      n.child.once('exit', () => resolve());
      n.child.kill('SIGKILL');
    })));
    for (const n of nodes) fs.rmSync(n.dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i += 1) nodes.push(await startNode());
    for (const n of nodes) {
      const c = new Redis(n.port, '127.0.0.1', { maxRetriesPerRequest: 1, retryStrategy: () => 100, lazyConnect: false });
      c.on('error', () => undefined);
      clients.push(c);
    }
    await waitUntil('nodes up', async () => (await Promise.all(clients.map((c) => c.ping()))).every((r) => r === 'PONG'));
    await run('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes']);
    // Every node must agree the cluster is whole and know all masters before vigie connects.
    await waitUntil('cluster_state:ok', async () => {
      const infos = await Promise.all(clients.map((c) => c.cluster('INFO') as Promise<string>));
      return infos.every((i) => /cluster_state:ok/.test(i) && new RegExp(`cluster_known_nodes:${masters}\\b`).test(i));
    });
  } catch (err) {
    await close();
    throw err;
  }
  return {
    ports: nodes.map((n) => n.port),
    url: `redis-cluster://${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}`,
    nodeClients: () => clients,
    close,
  };
}
