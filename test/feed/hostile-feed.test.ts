// Hostile and broken documents (RELIABILITY H1-H3, H9, H10, H12, H13): each fails with a VigieError
// code or parses safely; nothing is expanded, fetched or polluted, and the process stays alive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHttpServer } from '../harness/http-server.js';
import { parseFeed } from '../../src/core/feed/parse-feed.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';
import type { ErrorCode } from '../../src/core/errors/error-codes.js';

const BASE = 'http://hostile.example/feed';
const isCode = (...codes: ErrorCode[]) => (err: unknown): boolean => isVigieError(err) && codes.includes(err.code) && err.module === 'feed';
const rss = (items: string, channelExtra = ''): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${channelExtra}${items}</channel></rss>`;

test('H1 billion laughs fails with FEED_PARSE_ERROR, nothing expanded', async () => {
  const lols = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
  const doc = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${lols}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
  await assert.rejects(parseFeed(doc, { baseUrl: BASE }), isCode('FEED_PARSE_ERROR'));
});

test('H2 XXE: file:// sentinel and http://127.0.0.1 canary are never read', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-xxe-'));
  const sentinel = `SENTINEL-${process.pid}-xxe`;
  const file = path.join(dir, 'secret.txt');
  fs.writeFileSync(file, sentinel);
  const canary = await startHttpServer((_req, res) => res.end(sentinel));
  try {
    for (const system of [`file://${file}`, `${canary.origin}/x`]) {
      const doc = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "${system}">]>${rss('<item><title>a &xxe; b</title><description>&xxe;</description></item>').replace('<?xml version="1.0"?>', '')}`;
      const outcome = await parseFeed(doc, { baseUrl: BASE }).then((f) => JSON.stringify(f), (err: unknown) => {
        assert.ok(isCode('FEED_PARSE_ERROR', 'NOT_A_FEED')(err), String(err));
        return `${(err as Error).message} ${JSON.stringify(err)}`;
      });
      assert.ok(!outcome.includes(sentinel), `sentinel leaked via ${system}`);
      // An entity declared but never referenced must not be fetched either.
      const unused = doc.replace('a &xxe; b', 'a b').replace('<description>&xxe;</description>', '');
      assert.ok(!JSON.stringify(await parseFeed(unused, { baseUrl: BASE })).includes(sentinel));
    }
    assert.equal(canary.accepts(), 0, 'the canary server was never contacted');
  } finally {
    await canary.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('H3 __proto__ / constructor.prototype elements and attributes do not pollute Object.prototype', async () => {
  const doc = rss('<item __proto__="x" constructor="y"><title>p</title><__proto__><polluted>yes</polluted></__proto__>'
    + '<constructor><prototype><polluted>yes</polluted></prototype></constructor></item>', '<__proto__><polluted>yes</polluted></__proto__>');
  const feed = await parseFeed(doc, { baseUrl: BASE });
  assert.equal(feed.items[0].title, 'p');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
});

const BROKEN: [string, string, ErrorCode][] = [
  ['truncated XML', rss('<item><title>a</title></item>').slice(0, 80), 'FEED_PARSE_ERROR'],
  ['unclosed tag', rss('<item><title>a</item>'), 'FEED_PARSE_ERROR'],
  ['HTML login page', '<!DOCTYPE html><html><head><title>Sign in</title><meta charset="utf-8"></head><body><form><input name=user><input type=password></form></body></html>', 'NOT_A_FEED'],
  ['HTML without doctype', '<html><body><p>Login<br></body></html>', 'NOT_A_FEED'],
  ['JSON', '{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'NOT_A_FEED'],
  ['empty string', '', 'NOT_A_FEED'],
  ['whitespace only', ' \n\t ', 'NOT_A_FEED'],
  ['plain text', 'Service Unavailable', 'NOT_A_FEED'],
  ['unknown XML root', '<?xml version="1.0"?><note><to>x</to></note>', 'NOT_A_FEED'],
  ['comment only', '<?xml version="1.0"?><!-- nothing -->', 'NOT_A_FEED'],
];

for (const [name, doc, code] of BROKEN) {
  test(`H9 ${name} -> ${code}`, async () => {
    await assert.rejects(parseFeed(doc, { baseUrl: BASE }), isCode(code));
  });
}

test('H10 20 000-level nesting: error or bounded success, process alive', async () => {
  const depth = 20_000;
  const doc = rss(`<item><title>deep</title><description>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</description></item>`);
  const outcome = await parseFeed(doc, { baseUrl: BASE }).then((f) => f.items.length, (err: unknown) => {
    assert.ok(isCode('FEED_PARSE_ERROR')(err), String(err));
    return -1;
  });
  assert.ok(outcome === -1 || outcome === 1);
});

test('H12 control characters, bidi overrides and non-http links are cleaned', async () => {
  const doc = rss('<item><title>Hello\r\nBcc: evil@example.com\u0001 \u2028x\u202Eabc</title><link>javascript:alert(1)</link>'
    + '<description>&lt;p&gt;Un&lt;/p&gt;&lt;p&gt;deux &amp;amp; &lt;script&gt;alert(1)&lt;/script&gt;trois&lt;/p&gt;</description></item>'
    + '<item><title>d</title><link>data:text/html,x</link></item><item><title>ok</title><link>/rel/1?utm_source=rss#frag</link></item>');
  const feed = await parseFeed(doc, { baseUrl: BASE });
  assert.equal(feed.items[0].title, 'Hello Bcc: evil@example.com xabc');
  assert.equal(feed.items[0].url, undefined);
  assert.equal(feed.items[0].summary, 'Un deux & trois');
  assert.equal(feed.items[1].url, undefined);
  assert.equal(feed.items[2].url, 'http://hostile.example/rel/1');
});

test('H13 identity: duplicate guids collapse, no guid uses the link, then a hash; bad dates are dropped', async () => {
  const doc = rss('<item><guid>g1</guid><title>a</title><pubDate>Tue, 17 Oct 2017 12:17:00 +0000</pubDate></item>'
    + '<item><guid>g1</guid><title>a again</title></item>'
    + '<item><title>b</title><link>http://e.example/b?utm_medium=x</link><pubDate>not a date</pubDate></item>'
    + '<item><title>c</title></item>');
  const feed = await parseFeed(doc, { baseUrl: BASE });
  assert.deepEqual(feed.items.map((i) => i.key.replace(/^h:[0-9a-f]{64}$/, 'h:')), ['g1', 'http://e.example/b', 'h:']);
  assert.equal(feed.items[0].published, '2017-10-17T12:17:00.000Z');
  assert.equal(feed.items[1].published, undefined);
  for (let i = 0; i < 10; i += 1) {
    assert.deepEqual((await parseFeed(doc, { baseUrl: BASE })).items.map((x) => x.key), feed.items.map((x) => x.key));
  }
});

test('Atom with an invalid published date and an Atom 0.3 text link still parses', async () => {
  const doc = '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://atom.example/blog/"><title type="html">A &amp;amp; B</title>'
    + '<entry><id>urn:1</id><title>one</title><published>garbage</published><updated>2024-01-02T03:04:05Z</updated><link href="posts/1"/>'
    + '<content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>'
    + '<entry><id>urn:2</id><title>two</title><link>http://atom.example/2</link><summary>S</summary></entry></feed>';
  const feed = await parseFeed(doc, { baseUrl: BASE });
  assert.equal(feed.title, 'A & B');
  assert.deepEqual(feed.items[0], { key: 'urn:1', guid: 'urn:1', url: 'http://atom.example/blog/posts/1', title: 'one', summary: 'Body', published: '2024-01-02T03:04:05.000Z', contentHtml: '<p>Body</p>' });
  assert.equal(feed.items[1].url, 'http://atom.example/2');
  assert.equal(feed.items[1].summary, 'S');
});

test('RSS 1.0 (RDF) and RSS 0.91 parse; content:encoded becomes contentHtml; <ttl> is read', async () => {
  const rdf = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>R</title><link>http://rdf.example/</link></channel>'
    + '<item rdf:about="http://rdf.example/1"><title>r1</title><link>http://rdf.example/1</link></item></rdf:RDF>';
  assert.equal((await parseFeed(rdf, { baseUrl: BASE })).items[0].url, 'http://rdf.example/1');
  const old = '<rss version="0.91"><channel><title>O</title><ttl>30</ttl><item><title>o1</title><link>http://old.example/1</link>'
    + '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>Full</p>]]></content:encoded></item></channel></rss>';
  const feed = await parseFeed(old, { baseUrl: BASE });
  assert.equal(feed.ttlSeconds, 1800);
  assert.equal(feed.items[0].contentHtml, '<p>Full</p>');
  assert.equal(feed.items[0].summary, 'Full');
});

test('maxItems keeps the newest items', async () => {
  const items = Array.from({ length: 30 }, (_, i) => `<item><guid>${i}</guid><title>t${i}</title><pubDate>${new Date(Date.UTC(2024, 0, 1 + ((i * 7) % 30))).toUTCString()}</pubDate></item>`).join('');
  const feed = await parseFeed(rss(items), { baseUrl: BASE, maxItems: 5 });
  assert.equal(feed.items.length, 5);
  const all = (await parseFeed(rss(items), { baseUrl: BASE })).items;
  const newest = [...all].sort((a, b) => Date.parse(b.published ?? '') - Date.parse(a.published ?? '')).slice(0, 5);
  assert.deepEqual(feed.items.map((i) => i.key), newest.map((i) => i.key));
});
