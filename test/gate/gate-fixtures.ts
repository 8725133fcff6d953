// Shared pieces for the outbound-gate tests: a server on a chosen loopback host/port (so a canary and
// a "public" origin can share one port), and an assertion on the VigieError code of a rejection.
import http from 'node:http';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { startHttpServer, type TestHttpServer } from '../harness/http-server.js';
import type { LookupFn } from '../../src/adapters/http/safe-fetch.js';

export { startHttpServer, type TestHttpServer };

/** Like startHttpServer but on an exact host and port (127.0.0.2 as the allow-listed "public" origin). */
export async function listenAt(host: string, port: number, handler: http.RequestListener): Promise<TestHttpServer> {
  const server = http.createServer(handler);
  let accepted = 0;
  server.on('connection', (socket) => { accepted += 1; socket.on('error', () => undefined); });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, host, resolve); });
  const actual = (server.address() as AddressInfo).port;
  return {
    server, port: actual, origin: `http://${host}:${actual}`, accepts: () => accepted,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A canary on 127.0.0.1 that answers (so a bypass would succeed) and counts every accept. */
export function startCanary(): Promise<TestHttpServer> {
  return startHttpServer((_req, res) => res.end('canary reached'));
}

export async function rejectsWith(promise: Promise<unknown>, code: string, label = ''): Promise<Error & { code: string }> {
  try {
    await promise;
  } catch (err) {
    assert.equal((err as { code?: string }).code, code, `${label}: expected ${code}, got ${String(err)}`);
    assert.equal((err as { name?: string }).name, 'VigieError', label);
    return err as Error & { code: string };
  }
  assert.fail(`${label}: expected rejection with ${code}, but it resolved`);
}

/** A stub resolver from a table; counts calls per name; unknown names fail like ENOTFOUND. */
export function stubDns(table: Record<string, string[] | ((call: number) => string[])>): LookupFn & { calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const fn = async (hostname: string) => {
    const n = (calls.get(hostname) ?? 0) + 1;
    calls.set(hostname, n);
    const entry = table[hostname];
    if (entry === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const addrs = typeof entry === 'function' ? entry(n) : entry;
    return addrs.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  };
  return Object.assign(fn, { calls });
}
