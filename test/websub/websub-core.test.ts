// WebSub pure core: hub discovery (Link header, Atom and RSS documents), the subscriber's form, the
// intent check, X-Hub-Signature with the four algorithms (RFC 2202/4231 vectors) and renewal timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHubLinks, parseLinkHeader } from '../../src/core/websub/find-hub-links.js';
import { websubCallback, websubForm } from '../../src/core/websub/websub-form.js';
import { checkIntent } from '../../src/core/websub/check-intent.js';
import { signHubBody, verifyHubSignature } from '../../src/core/websub/verify-hub-signature.js';
import { leaseEnd, renewalAt } from '../../src/core/websub/lease-renewal.js';

const BASE = 'https://news.example/feeds/world.xml';

const discovery: Array<{ name: string; body: string; link?: string; hubs: string[]; self?: string }> = [
  { name: 'Atom feed: <link rel="hub"> and rel="self", relative hub resolved against the document URL',
    body: '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><link rel="hub" href="/hub"/><link href="https://news.example/atom" rel="self"/><entry><link href="https://news.example/a"/></entry></feed>',
    hubs: ['https://news.example/hub'], self: 'https://news.example/atom' },
  { name: 'RSS feed: <atom:link rel="hub">, single quotes, entity in the URL',
    body: `<rss><channel><atom:link rel='hub' href='https://hub.example/?a=1&amp;b=2'/><atom:link rel="self" type="application/rss+xml" href="https://news.example/rss"/></channel></rss>`,
    hubs: ['https://hub.example/?a=1&b=2'], self: 'https://news.example/rss' },
  { name: 'two hubs kept in order, duplicates dropped',
    body: '<feed><link rel="hub" href="https://a.example/"/><link rel="hub" href="https://b.example/"/><link rel="hub" href="https://a.example/"/></feed>',
    hubs: ['https://a.example/', 'https://b.example/'] },
  { name: 'Link header wins over the document',
    body: '<feed><link rel="hub" href="https://doc-hub.example/"/></feed>', link: '<https://hdr-hub.example/>; rel="hub", <https://news.example/topic>; rel="self"',
    hubs: ['https://hdr-hub.example/'], self: 'https://news.example/topic' },
  { name: 'Link header with only self: document hubs, header self',
    body: '<feed><link rel="hub" href="https://doc-hub.example/"/><link rel="self" href="https://news.example/doc-self"/></feed>', link: '<https://news.example/hdr-self>; rel=self',
    hubs: ['https://doc-hub.example/'], self: 'https://news.example/hdr-self' },
  { name: 'a non-http hub is ignored', body: '<feed><link rel="hub" href="javascript:alert(1)"/><link rel="hub" href="ftp://x/"/></feed>', hubs: [] },
  { name: 'no hub at all', body: '<rss><channel><link>https://news.example/</link></channel></rss>', hubs: [] },
  { name: 'rel with several values', body: '<feed><link rel="alternate hub" href="https://hub.example/"/></feed>', hubs: ['https://hub.example/'] },
];

for (const c of discovery) {
  test(`discovery: ${c.name}`, () => {
    const got = findHubLinks({ body: c.body, linkHeader: c.link, baseUrl: BASE });
    assert.deepEqual(got.hubs, c.hubs);
    assert.equal(got.self, c.self);
  });
}

test('Link header parsing: commas inside quotes and URLs do not split, rel is case-insensitive', () => {
  const links = parseLinkHeader('<https://x.example/a,b>; title="a, b"; REL="Hub", <https://y.example/>; rel=self');
  assert.deepEqual(links, [{ href: 'https://x.example/a,b', rels: ['hub'] }, { href: 'https://y.example/', rels: ['self'] }]);
});

test('subscribe form carries mode, topic, callback, secret and lease; unsubscribe carries no secret', () => {
  const sub = new URLSearchParams(websubForm({ mode: 'subscribe', topic: 'https://t.example/f?x=1', callback: 'https://v.example/websub/s1', secret: 'k', leaseSeconds: 600 }));
  assert.deepEqual(Object.fromEntries(sub), { 'hub.mode': 'subscribe', 'hub.topic': 'https://t.example/f?x=1', 'hub.callback': 'https://v.example/websub/s1', 'hub.secret': 'k', 'hub.lease_seconds': '600' });
  const unsub = new URLSearchParams(websubForm({ mode: 'unsubscribe', topic: 'https://t.example/f', callback: 'https://v.example/websub/s1', secret: 'k', leaseSeconds: 600 }));
  assert.equal(unsub.get('hub.secret'), null);
  assert.equal(unsub.get('hub.mode'), 'unsubscribe');
  assert.equal(websubCallback('https://v.example/base/', 'a b'), 'https://v.example/base/websub/a%20b');
});

const wanted = { mode: 'subscribe' as const, topic: 'https://t.example/f' };
const intent: Array<{ name: string; query: Record<string, unknown>; expected?: typeof wanted | { mode: 'unsubscribe'; topic: string }; kind: string; lease?: number }> = [
  { name: 'subscribe asked for: confirmed with the hub lease', query: { 'hub.mode': 'subscribe', 'hub.topic': wanted.topic, 'hub.challenge': 'abc', 'hub.lease_seconds': '3600' }, expected: wanted, kind: 'confirm', lease: 3600 },
  { name: 'subscribe without lease: confirmed, lease left to the caller', query: { 'hub.mode': 'subscribe', 'hub.topic': wanted.topic, 'hub.challenge': 'abc' }, expected: wanted, kind: 'confirm' },
  { name: 'other topic refused', query: { 'hub.mode': 'subscribe', 'hub.topic': 'https://evil.example/', 'hub.challenge': 'abc' }, expected: wanted, kind: 'refuse' },
  { name: 'unsubscribe not asked for refused', query: { 'hub.mode': 'unsubscribe', 'hub.topic': wanted.topic, 'hub.challenge': 'abc' }, expected: wanted, kind: 'refuse' },
  { name: 'unsubscribe asked for confirmed', query: { 'hub.mode': 'unsubscribe', 'hub.topic': wanted.topic, 'hub.challenge': 'abc' }, expected: { mode: 'unsubscribe', topic: wanted.topic }, kind: 'confirm' },
  { name: 'nothing wanted for the callback refused', query: { 'hub.mode': 'subscribe', 'hub.topic': wanted.topic, 'hub.challenge': 'abc' }, kind: 'refuse' },
  { name: 'missing challenge refused', query: { 'hub.mode': 'subscribe', 'hub.topic': wanted.topic }, expected: wanted, kind: 'refuse' },
  { name: 'unknown mode refused', query: { 'hub.mode': 'publish', 'hub.topic': wanted.topic, 'hub.challenge': 'abc' }, expected: wanted, kind: 'refuse' },
  { name: 'denial of our topic recognised', query: { 'hub.mode': 'denied', 'hub.topic': wanted.topic, 'hub.reason': 'not allowed' }, expected: wanted, kind: 'denied' },
];

for (const c of intent) {
  test(`intent: ${c.name}`, () => {
    const v = checkIntent(c.query, c.expected);
    assert.equal(v.kind, c.kind);
    if (v.kind === 'confirm') {
      assert.equal(v.challenge, 'abc');
      assert.equal(v.leaseSeconds, c.lease);
    }
  });
}

// RFC 2202 test case 2 (sha1) and RFC 4231 test case 2 (sha256/384/512): key "Jefe".
const VECTORS = {
  sha1: 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
  sha256: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  sha384: 'af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649',
  sha512: '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
} as const;
const DATA = Buffer.from('what do ya want for nothing?');

for (const [method, hex] of Object.entries(VECTORS)) {
  test(`signature: ${method} RFC vector verifies, upper-case hex too; one changed byte does not`, () => {
    assert.equal(signHubBody(method as keyof typeof VECTORS, DATA, 'Jefe'), `${method}=${hex}`);
    assert.equal(verifyHubSignature(`${method}=${hex}`, DATA, 'Jefe'), 'valid');
    assert.equal(verifyHubSignature(`${method.toUpperCase()}=${hex.toUpperCase()}`, DATA, 'Jefe'), 'valid');
    assert.equal(verifyHubSignature(`${method}=${hex}`, Buffer.from('what do ya want for nothing!'), 'Jefe'), 'mismatch');
    assert.equal(verifyHubSignature(`${method}=${hex}`, DATA, 'jefe'), 'mismatch');
  });
}

const refusals: Array<[string, string | undefined, string]> = [
  ['no header', undefined, 'missing'],
  ['empty header', '  ', 'missing'],
  ['no method', VECTORS.sha256, 'malformed'],
  ['not hex', 'sha256=zz', 'malformed'],
  ['md5 is not one of the four', 'md5=0123456789abcdef0123456789abcdef', 'unsupported'],
  ['truncated digest', `sha256=${VECTORS.sha256.slice(0, 40)}`, 'mismatch'],
  ['digest of another algorithm', `sha256=${VECTORS.sha1}`, 'mismatch'],
];
for (const [name, header, verdict] of refusals) {
  test(`signature refused: ${name}`, () => assert.equal(verifyHubSignature(header, DATA, 'Jefe'), verdict));
}

test('renewal: at 80 % of a short lease, an hour before the end of a long one; lease end is verification + lease', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  assert.equal(renewalAt(at, 10).toISOString(), '2026-01-01T00:00:08.000Z');
  assert.equal(renewalAt(at, 864_000).toISOString(), '2026-01-10T23:00:00.000Z');
  assert.equal(leaseEnd(at, 3600).toISOString(), '2026-01-01T01:00:00.000Z');
  assert.ok(renewalAt(at, 1).getTime() > at.getTime());
});
