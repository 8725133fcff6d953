// SSRF through the real fetcher on loopback: a canary on 127.0.0.1 must never accept a connection,
// while an allow-listed 127.0.0.2 origin plays the "public" server. DNS is always a stub.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createSafeFetch } from '../../src/adapters/http/safe-fetch.js';
import { listenAt, rejectsWith, startCanary, startHttpServer, stubDns, type TestHttpServer } from './gate-fixtures.js';

const PUBLIC = ['127.0.0.2/32']; // test-only allowlist: the guard itself is unchanged
let canary: TestHttpServer;
let origin: TestHttpServer; // 127.0.0.2, same port as the canary, so one URL port can hit either
let P: number;
let originPaths: string[] = [];

before(async () => {
  canary = await startCanary();
  P = canary.port;
  origin = await listenAt('127.0.0.2', P, (req, res) => {
    originPaths.push(req.url ?? '');
    const m = /^\/to\?(.*)$/.exec(req.url ?? '');
    if (m) {
      res.writeHead(Number(new URL(`http://x/?${m[1]}`).searchParams.get('s') ?? 302), {
        location: new URL(`http://x/?${m[1]}`).searchParams.get('l') ?? '/', connection: 'close',
      });
      res.end();
      return;
    }
    res.writeHead(200, { connection: 'close' });
    res.end(`origin ${req.url}`);
  });
});
after(async () => {
  await canary.close();
  await origin.close();
});

function assertCanaryUntouched(): void {
  assert.equal(canary.accepts(), 0, 'canary accepted a connection');
}

const redirectTo = (location: string, status = 302): string =>
  `http://127.0.0.2:${P}/to?s=${status}&l=${encodeURIComponent(location)}`;

test('control: the allow-listed origin is reachable by literal and by a stub name', async () => {
  const dns = stubDns({ 'pub.test': ['127.0.0.2'] });
  const fetcher = createSafeFetch({ allowNetworks: PUBLIC, lookup: dns });
  try {
    const a = await fetcher.fetch(`http://127.0.0.2:${P}/a`, { maxBytes: 1000 });
    const b = await fetcher.fetch(`http://pub.test:${P}/b`, { maxBytes: 1000 });
    assert.deepEqual([a.status, a.body.toString(), b.body.toString()], [200, 'origin /a', 'origin /b']);
  } finally {
    await fetcher.close();
  }
  assertCanaryUntouched();
});

test('S1/S2: loopback literals in every notation are blocked before any socket', async () => {
  const fetcher = createSafeFetch({ allowNetworks: PUBLIC });
  const hosts = ['127.0.0.1', '2130706433', '0x7f.1', '0x7f000001', '0177.0.0.1', '127.1', '0', '0.0.0.0',
    '①②⑦.0.0.1', '%31%32%37.0.0.1', '127.000.000.001', '[::1]', '[::]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '127.0.0.3'];
  try {
    for (const host of hosts) await rejectsWith(fetcher.fetch(`http://${host}:${P}/`, { maxBytes: 1000 }), 'SSRF_BLOCKED', host);
  } finally {
    await fetcher.close();
  }
  assertCanaryUntouched();
});

test('S4: stub names resolving to loopback, mixed records and localhost variants are blocked', async () => {
  const dns = stubDns({ 'internal.test': ['127.0.0.1'], 'mixed.test': ['127.0.0.2', '127.0.0.1'],
    'mapped.test': ['::ffff:127.0.0.1'], 'v6.test': ['::1'] });
  const fetcher = createSafeFetch({ allowNetworks: PUBLIC, lookup: dns });
  const before = origin.accepts();
  try {
    for (const name of ['internal.test', 'mixed.test', 'mapped.test', 'v6.test', 'localhost', 'localhost.', 'LOCALHOST', 'x.localhost']) {
      await rejectsWith(fetcher.fetch(`http://${name}:${P}/`, { maxBytes: 1000 }), 'SSRF_BLOCKED', name);
    }
    await rejectsWith(fetcher.fetch(`http://nxdomain.test:${P}/`, { maxBytes: 1000 }), 'DNS_ERROR', 'nxdomain');
  } finally {
    await fetcher.close();
  }
  assertCanaryUntouched();
  assert.equal(origin.accepts(), before, 'a mixed answer is refused whole, even its allowed record');
  assert.equal(dns.calls.get('localhost'), undefined, 'localhost is never sent to DNS');
});

test('S5: DNS rebinding cannot slip through: the address checked is the address dialled', async () => {
  // Public first, loopback afterwards. A pre-flight check would pass on the first answer and then
  // connect to the second one (the canary). The check must live in the lookup the socket uses.
  const dns = stubDns({ 'rebind.test': (n) => (n === 1 ? ['127.0.0.2'] : ['127.0.0.1']) });
  const fetcher = createSafeFetch({ allowNetworks: PUBLIC, lookup: dns });
  try {
    const first = await fetcher.fetch(`http://rebind.test:${P}/first`, { maxBytes: 1000 });
    assert.equal(first.body.toString(), 'origin /first');
    assert.equal(dns.calls.get('rebind.test'), 1, 'one resolution per connection, no separate pre-flight');
    // The origin closes each connection, so the next request dials again and gets the loopback answer.
    await rejectsWith(fetcher.fetch(`http://rebind.test:${P}/second`, { maxBytes: 1000 }), 'SSRF_BLOCKED', 'rebound');
  } finally {
    await fetcher.close();
  }
  assertCanaryUntouched();
});

test('S6: redirects to loopback, mapped, localhost, stub names and relative internal paths are blocked per hop', async () => {
  const dns = stubDns({ 'internal.test': ['127.0.0.1'], 'pub.test': ['127.0.0.2'] });
  const fetcher = createSafeFetch({ allowNetworks: PUBLIC, lookup: dns });
  const targets = [`http://127.0.0.1:${P}/`, `http://[::ffff:127.0.0.1]:${P}/`, `http://localhost:${P}/`,
    `http://internal.test:${P}/`, `http://2130706433:${P}/`, `//127.0.0.1:${P}/relative-scheme`];
  try {
    for (const status of [301, 302, 303, 307, 308]) {
      for (const target of targets) {
        await rejectsWith(fetcher.fetch(redirectTo(target, status), { maxBytes: 1000 }), 'SSRF_BLOCKED', `${status} -> ${target}`);
      }
    }
    // A relative Location resolves against the current (allowed) origin: followed, not blocked.
    const rel = await fetcher.fetch(redirectTo('/landed'), { maxBytes: 1000 });
    assert.deepEqual([rel.status, rel.url, rel.redirects], [200, `http://127.0.0.2:${P}/landed`, [`http://127.0.0.2:${P}/landed`]]);
    // A chain through an allowed name still blocks the internal hop at its end.
    const chain = redirectTo(`http://pub.test:${P}${new URL(redirectTo(`http://internal.test:${P}/`)).pathname}${new URL(redirectTo(`http://internal.test:${P}/`)).search}`);
    await rejectsWith(fetcher.fetch(chain, { maxBytes: 1000 }), 'SSRF_BLOCKED', 'two-hop chain');
  } finally {
    await fetcher.close();
  }
  assertCanaryUntouched();
});

test('S7/S9: a redirect may not switch to https on an internal host, nor to another scheme', async () => {
  const dns = stubDns({ 'internal.test': ['127.0.0.1'] });
  const fetcher = createSafeFetch({ allowNetworks: PUBLIC, lookup: dns });
  try {
    for (const target of [`https://127.0.0.1:${P}/`, `https://internal.test:${P}/`, `https://localhost:${P}/`]) {
      await rejectsWith(fetcher.fetch(redirectTo(target, 307), { maxBytes: 1000 }), 'SSRF_BLOCKED', target);
    }
    for (const target of ['file:///etc/passwd', `ftp://127.0.0.1:${P}/`, 'gopher://127.0.0.1/']) {
      await rejectsWith(fetcher.fetch(redirectTo(target), { maxBytes: 1000 }), 'UNSUPPORTED_SCHEME', target);
    }
    await rejectsWith(fetcher.fetch(redirectTo(`http://evil.test\\@127.0.0.1:${P}/`), { maxBytes: 1000 }), 'BAD_URL', 'backslash');
  } finally {
    await fetcher.close();
  }
  assertCanaryUntouched();
});

test('S12: an operator allowlist of exactly one address opens that address only', async () => {
  const other = await listenAt('127.0.0.3', P, (_req, res) => res.end('other'));
  const fetcher = createSafeFetch({ allowNetworks: ['127.0.0.2/32'] });
  try {
    assert.equal((await fetcher.fetch(`http://127.0.0.2:${P}/x`, { maxBytes: 1000 })).status, 200);
    await rejectsWith(fetcher.fetch(`http://127.0.0.3:${P}/`, { maxBytes: 1000 }), 'SSRF_BLOCKED', '127.0.0.3');
    await rejectsWith(fetcher.fetch(`http://127.0.0.1:${P}/`, { maxBytes: 1000 }), 'SSRF_BLOCKED', '127.0.0.1');
    assert.equal(other.accepts(), 0);
  } finally {
    await fetcher.close();
    await other.close();
  }
  assertCanaryUntouched();
});

test('localhost is reachable only when every loopback address it stands for is allowed', async () => {
  const local = await startHttpServer((_req, res) => res.end('local service'));
  const fetcher = createSafeFetch({ allowNetworks: ['127.0.0.1/32', '::1/128'] });
  const half = createSafeFetch({ allowNetworks: ['127.0.0.1/32'] });
  try {
    await rejectsWith(half.fetch(`http://localhost:${local.port}/`, { maxBytes: 1000 }), 'SSRF_BLOCKED', 'only v4 allowed');
    assert.equal(local.accepts(), 0);
    const res = await fetcher.fetch(`http://localhost:${local.port}/`, { maxBytes: 1000 });
    assert.equal(res.body.toString(), 'local service');
  } finally {
    await fetcher.close();
    await half.close();
    await local.close();
  }
  assertCanaryUntouched();
});

test('S13: SSRF errors carry a stable code and name the host, not the query string', async () => {
  const fetcher = createSafeFetch({ allowNetworks: [] });
  try {
    const err = await rejectsWith(fetcher.fetch('http://169.254.169.254/latest/meta-data/?token=SECRET', { maxBytes: 10 }), 'SSRF_BLOCKED');
    assert.match(err.message, /^fetch: 169\.254\.169\.254 is metadata/);
    assert.doesNotMatch(JSON.stringify(err), /SECRET/);
  } finally {
    await fetcher.close();
  }
});
