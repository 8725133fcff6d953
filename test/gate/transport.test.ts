// Hostile transport through the real fetcher on loopback: oversize bodies (H4), compression bombs and
// stacked codings (H5), slow drips and silent servers (H6), redirect loops (H7), TLS, refusals, limits.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import zlib from 'node:zlib';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CAPS, createSafeFetch, DEFAULT_USER_AGENT } from '../../src/adapters/http/safe-fetch.js';
import { freePort } from '../harness/free-port.js';
import { repoRoot } from '../harness/paths.js';
import { listenAt, rejectsWith } from './gate-fixtures.js';

const ALLOW = ['127.0.0.2/32'];
const fetcher = createSafeFetch({ allowNetworks: ALLOW });
const servers: Array<{ close(): Promise<void> }> = [];
after(async () => {
  await fetcher.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(handler: http.RequestListener): Promise<{ url: (p?: string) => string; accepts(): number }> {
  const s = await listenAt('127.0.0.2', 0, handler);
  servers.push(s);
  return { url: (p = '/') => `${s.origin}${p}`, accepts: s.accepts };
}

const MiB = 1024 * 1024;
const ZEROS = Buffer.alloc(MiB);

/** Streams `mib` MiB of zeros until the client goes away, respecting backpressure. */
function pour(res: http.ServerResponse, mib: number): void {
  let sent = 0;
  const pump = (): void => {
    while (sent < mib && !res.destroyed) {
      sent += 1;
      if (!res.write(ZEROS)) { res.once('drain', pump); return; }
    }
    if (!res.destroyed) res.end();
  };
  res.on('error', () => undefined);
  pump();
}

/** Compresses `mib` MiB of zeros without ever holding the plain bytes: the bomb is built, not read. */
async function bomb(make: () => zlib.Gzip | zlib.BrotliCompress, mib: number): Promise<Buffer> {
  const z = make();
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  for (let i = 0; i < mib; i += 1) if (!z.write(ZEROS)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(out);
}

/** Runs `fn` while sampling RSS; returns the peak growth over the starting value. */
async function peakRssGrowth(fn: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - start;
}

test('H4: honest Content-Length over the cap fails before the body is sent', async () => {
  const srv = await serve((_req, res) => {
    res.writeHead(200, { 'content-length': String(100 * MiB) });
    res.write('x'); // then stall: only a fail-fast can end before the 20 s deadline
  });
  await rejectsWith(fetcher.fetch(srv.url(), { maxBytes: CAPS.feedBytes, totalTimeoutMs: 20_000 }), 'FETCH_TOO_LARGE');
});

test('H4: a chunked 100 MiB body is stopped at the 10 MiB feed cap with bounded memory', async () => {
  const srv = await serve((_req, res) => { res.writeHead(200); pour(res, 100); });
  const growth = await peakRssGrowth(() => rejectsWith(fetcher.fetch(srv.url(), { maxBytes: CAPS.feedBytes }), 'FETCH_TOO_LARGE'));
  assert.ok(growth < CAPS.feedBytes + 50 * MiB, `RSS grew ${(growth / MiB).toFixed(1)} MiB`);
});

test('H4: a lying Content-Length: 10 yields 10 bytes; the 100 MiB that follow are never read as body', async () => {
  const srv = await serve((_req, res) => {
    res.socket!.write('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n');
    const s = res.socket!;
    let n = 0;
    const pump = (): void => { while (n < 100 && !s.destroyed) { n += 1; if (!s.write(ZEROS)) { s.once('drain', pump); return; } } };
    s.on('error', () => undefined);
    pump();
  });
  const res = await fetcher.fetch(srv.url(), { maxBytes: CAPS.pageBytes });
  assert.deepEqual([res.status, res.body.length], [200, 10]);
});

test('H4: a body exactly at the cap is accepted; one byte more is refused', async () => {
  const srv = await serve((req, res) => { res.end(Buffer.alloc(req.url === '/at' ? 4096 : 4097, 65)); });
  assert.equal((await fetcher.fetch(srv.url('/at'), { maxBytes: 4096 })).body.length, 4096);
  await rejectsWith(fetcher.fetch(srv.url('/over'), { maxBytes: 4096 }), 'FETCH_TOO_LARGE');
});

test('H5: a gzip bomb (200 MiB of zeros) is cut at the decoded cap, memory bounded by the cap', async () => {
  const gz = await bomb(() => zlib.createGzip({ level: 9 }), 200);
  assert.ok(gz.length < 512 * 1024, `bomb is ${gz.length} bytes`);
  const srv = await serve((_req, res) => { res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(gz.length) }); res.end(gz); });
  const growth = await peakRssGrowth(() => rejectsWith(fetcher.fetch(srv.url(), { maxBytes: CAPS.feedBytes }), 'FETCH_TOO_LARGE'));
  assert.ok(growth < CAPS.feedBytes + 50 * MiB, `RSS grew ${(growth / MiB).toFixed(1)} MiB`);
});

test('H5: a brotli bomb is cut at the decoded cap', async () => {
  const br = await bomb(() => zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }), 200);
  const srv = await serve((_req, res) => { res.writeHead(200, { 'content-encoding': 'br' }); res.end(br); });
  const growth = await peakRssGrowth(() => rejectsWith(fetcher.fetch(srv.url(), { maxBytes: CAPS.pageBytes }), 'FETCH_TOO_LARGE'));
  assert.ok(growth < CAPS.pageBytes + 50 * MiB, `RSS grew ${(growth / MiB).toFixed(1)} MiB`);
});

test('H5: stacked and unknown codings: 8 layers and zstd are BAD_ENCODING; gzip+br decodes', async () => {
  const text = Buffer.from('<rss>deir ez-zor</rss>');
  const gzipBr = zlib.brotliCompressSync(zlib.gzipSync(text));
  const srv = await serve((req, res) => {
    if (req.url === '/eight') { res.writeHead(200, { 'content-encoding': Array(8).fill('gzip').join(', ') }); res.end('SECRET-BODY'); return; }
    if (req.url === '/zstd') { res.writeHead(200, { 'content-encoding': 'zstd' }); res.end('SECRET-BODY'); return; }
    if (req.url === '/corrupt') { res.writeHead(200, { 'content-encoding': 'gzip' }); res.end('SECRET-BODY not gzip'); return; }
    if (req.url === '/deflate') { res.writeHead(200, { 'content-encoding': 'deflate' }); res.end(zlib.deflateSync(text)); return; }
    res.writeHead(200, { 'content-encoding': 'gzip, br' });
    res.end(gzipBr);
  });
  for (const p of ['/eight', '/zstd', '/corrupt']) {
    const err = await rejectsWith(fetcher.fetch(srv.url(p), { maxBytes: 1000 }), 'BAD_ENCODING', p);
    assert.doesNotMatch(`${err.message} ${JSON.stringify(err)}`, /SECRET/, 'errors never carry the body');
  }
  assert.equal((await fetcher.fetch(srv.url('/ok'), { maxBytes: 1000 })).body.toString(), text.toString());
  assert.equal((await fetcher.fetch(srv.url('/deflate'), { maxBytes: 1000 })).body.toString(), text.toString());
});

test('H6: a slow drip (1 byte / 500 ms) ends at the total deadline, the socket is closed and the slot freed', async () => {
  let closed!: Promise<void>;
  const srv = await serve((req, res) => {
    if (req.url === '/after') { res.end('next'); return; }
    closed = new Promise((resolve) => req.socket.once('close', () => resolve()));
    res.writeHead(200);
    const timer = setInterval(() => res.write('x'), 500);
    res.on('close', () => clearInterval(timer));
  });
  const single = createSafeFetch({ allowNetworks: ALLOW, perHostConcurrency: 1 });
  try {
    const err = await rejectsWith(single.fetch(srv.url('/drip'), { maxBytes: MiB, totalTimeoutMs: 1500 }), 'FETCH_TIMEOUT');
    assert.equal((err as unknown as { details: { phase: string } }).details.phase, 'total');
    await closed;
    assert.equal((await single.fetch(srv.url('/after'), { maxBytes: 100 })).body.toString(), 'next');
  } finally {
    await single.close();
  }
});

test('H6: a server that accepts but never sends headers ends at the total deadline', async () => {
  const srv = await serve(() => undefined);
  await rejectsWith(fetcher.fetch(srv.url(), { maxBytes: 100, totalTimeoutMs: 1000 }), 'FETCH_TIMEOUT');
  // undici may open a second socket while the first is being returned to the pool; never one per request.
  assert.ok(srv.accepts() <= 2, `${srv.accepts()} connections for 50 requests`);
});

test('H6: the caller signal aborts a stalled request (shutdown)', async () => {
  const srv = await serve(() => undefined);
  const ac = new AbortController();
  const pending = fetcher.fetch(srv.url(), { maxBytes: 100, signal: ac.signal });
  setTimeout(() => ac.abort(), 100);
  const err = await rejectsWith(pending, 'FETCH_TIMEOUT');
  assert.equal((err as unknown as { details: { phase: string } }).details.phase, 'aborted');
});

function loopServer(): Promise<{ url: (p?: string) => string; accepts(): number; hits: string[] }> {
  const hits: string[] = [];
  return serve((req, res) => {
    hits.push(req.url ?? '');
    const u = req.url ?? '/';
    const hop = /^\/chain\/(\d+)$/.exec(u);
    const location = u === '/a' ? '/a' : u === '/b1' ? '/b2' : u === '/b2' ? '/b1' : u === '/rel' ? 'rel'
      : hop ? (Number(hop[1]) > 0 ? `/chain/${Number(hop[1]) - 1}` : undefined) : u === '/webhook' ? '/elsewhere' : undefined;
    if (location === undefined) { res.end(`final ${u}`); return; }
    res.writeHead(u === '/webhook' ? 308 : 302, { location });
    res.end('redirect body');
  }).then((s) => ({ ...s, hits }));
}

test('H7: redirect loops A->A, A->B->A and a relative loop end with TOO_MANY_REDIRECTS', async () => {
  const srv = await loopServer();
  for (const p of ['/a', '/b1', '/rel']) await rejectsWith(fetcher.fetch(srv.url(p), { maxBytes: 100 }), 'TOO_MANY_REDIRECTS', p);
  assert.equal(srv.hits.filter((h) => h === '/a').length, 6, 'first request + 5 followed hops');
});

test('H7: a 5-hop chain is followed; a 6-hop chain is refused', async () => {
  const srv = await loopServer();
  const five = await fetcher.fetch(srv.url('/chain/5'), { maxBytes: 100 });
  assert.equal(five.body.toString(), 'final /chain/0');
  assert.deepEqual(five.redirects, [4, 3, 2, 1, 0].map((n) => srv.url(`/chain/${n}`)));
  assert.equal(five.url, srv.url('/chain/0'));
  await rejectsWith(fetcher.fetch(srv.url('/chain/6'), { maxBytes: 100 }), 'TOO_MANY_REDIRECTS');
  assert.equal(srv.hits.includes('/chain/0') && srv.hits.filter((h) => h === '/chain/0').length, 1, 'hop 6 never requested');
});

test('S8: maxRedirects 0 returns the 3xx as a response and never requests the Location', async () => {
  const srv = await loopServer();
  const res = await fetcher.fetch(srv.url('/webhook'), { method: 'POST', body: '{}', maxBytes: 100, maxRedirects: 0 });
  assert.deepEqual([res.status, res.headers.location, res.body.toString(), res.redirects], [308, '/elsewhere', 'redirect body', []]);
  assert.equal(srv.hits.includes('/elsewhere'), false);
});

test('303 after POST becomes GET without body; 307 keeps POST and body', async () => {
  const seen: string[] = [];
  const srv = await serve((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${body}`);
      if (req.url === '/303') { res.writeHead(303, { location: '/done' }); res.end(); return; }
      if (req.url === '/307') { res.writeHead(307, { location: '/done' }); res.end(); return; }
      res.end('ok');
    });
  });
  await fetcher.fetch(srv.url('/303'), { method: 'POST', body: 'payload', maxBytes: 100 });
  await fetcher.fetch(srv.url('/307'), { method: 'POST', body: 'payload', maxBytes: 100 });
  assert.deepEqual(seen, ['POST /303 payload', 'GET /done ', 'POST /307 payload', 'POST /done payload']);
});

test('non-2xx statuses are returned, headers are lower-case, default User-Agent is sent', async () => {
  let ua = '';
  const srv = await serve((req, res) => {
    ua = req.headers['user-agent'] ?? '';
    res.writeHead(Number(req.url!.slice(1)), { 'Retry-After': '120', 'X-Thing': 'a' });
    res.end(req.url === '/500' ? 'internal error page' : '');
  });
  for (const status of [304, 410, 429, 500]) {
    const res = await fetcher.fetch(srv.url(`/${status}`), { maxBytes: 1000 });
    assert.equal(res.status, status);
    assert.equal(res.headers['retry-after'], '120');
    assert.equal(res.headers['x-thing'], 'a');
  }
  assert.equal(ua, DEFAULT_USER_AGENT);
});

test('HEAD returns headers and an empty body', async () => {
  const srv = await serve((_req, res) => { res.writeHead(200, { 'content-length': '5000' }); res.end(); });
  const res = await fetcher.fetch(srv.url(), { method: 'HEAD', maxBytes: 10 });
  assert.deepEqual([res.status, res.body.length, res.headers['content-length']], [200, 0, '5000']);
});

test('connection refused is FETCH_CONNECT; a reset mid-body is FETCH_CONNECT too', async () => {
  const port = await freePort('127.0.0.2');
  await rejectsWith(fetcher.fetch(`http://127.0.0.2:${port}/`, { maxBytes: 10 }), 'FETCH_CONNECT', 'refused');
  const srv = await serve((_req, res) => { res.writeHead(200, { 'content-length': '1000' }); res.write('partial'); setImmediate(() => res.socket?.destroy()); });
  await rejectsWith(fetcher.fetch(srv.url(), { maxBytes: 10_000 }), 'FETCH_CONNECT', 'reset');
});

test('a stub DNS failure is DNS_ERROR', async () => {
  const f = createSafeFetch({ allowNetworks: ALLOW, lookup: async () => { throw Object.assign(new Error('queryA ESERVFAIL'), { code: 'EAI_AGAIN' }); } });
  try {
    await rejectsWith(f.fetch('http://feeds.example.test/rss', { maxBytes: 10 }), 'DNS_ERROR');
  } finally {
    await f.close();
  }
});

test('H16: a self-signed certificate is TLS_ERROR, never an insecure fallback', async () => {
  const dir = path.join(repoRoot, 'test', 'fixtures', 'gate');
  const server = https.createServer({ key: fs.readFileSync(path.join(dir, 'self-signed.key')), cert: fs.readFileSync(path.join(dir, 'self-signed.crt')) },
    (_req, res) => res.end('should not be read'));
  let requests = 0;
  server.on('request', () => { requests += 1; });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  servers.push({ close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) });
  const { port } = server.address() as AddressInfo;
  await rejectsWith(fetcher.fetch(`https://127.0.0.2:${port}/`, { maxBytes: 100 }), 'TLS_ERROR');
  assert.equal(requests, 0);
});

test('per-host concurrency: at most 2 requests in flight at the server, others queue and all complete', async () => {
  let current = 0;
  let peak = 0;
  const srv = await serve((_req, res) => {
    current += 1;
    peak = Math.max(peak, current);
    setTimeout(() => { current -= 1; res.end('ok'); }, 50);
  });
  const results = await Promise.all(Array.from({ length: 8 }, (_v, i) => fetcher.fetch(srv.url(`/${i}`), { maxBytes: 10 })));
  assert.equal(results.every((r) => r.status === 200), true);
  assert.equal(peak, 2);
  const single = createSafeFetch({ allowNetworks: ALLOW, perHostConcurrency: 1 });
  peak = 0;
  try {
    await Promise.all(Array.from({ length: 4 }, () => single.fetch(srv.url('/'), { maxBytes: 10 })));
  } finally {
    await single.close();
  }
  assert.equal(peak, 1);
});

test('keep-alive: 50 sequential webhook-sized POSTs reuse connections (at most 2 opened, not 50)', async () => {
  const srv = await serve((req, res) => { req.resume(); req.on('end', () => res.end('{"ok":true}')); });
  const f = createSafeFetch({ allowNetworks: ALLOW });
  try {
    for (let i = 0; i < 50; i += 1) {
      const res = await f.fetch(srv.url('/hook'), { method: 'POST', body: JSON.stringify({ i }), headers: { 'Content-Type': 'application/json' },
        maxBytes: CAPS.webhookResponseBytes, maxRedirects: 0, totalTimeoutMs: 15_000 });
      assert.equal(res.status, 200);
    }
  } finally {
    await f.close();
  }
  // undici may open a second socket while the first is being returned to the pool; never one per request.
  assert.ok(srv.accepts() <= 2, `${srv.accepts()} connections for 50 requests`);
});
