// `vigie check-source` end to end on loopback: the gate fetches, the core decodes and parses, the
// command prints items or `error CODE: message` and sets a non-zero exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { startHttpServer } from '../harness/http-server.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';

const FEED = iconv.encode('<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>أخبار</title>'
  + '<item><title>مرحبا من البوكمال</title><link>/a/1?utm_source=x</link><pubDate>Tue, 17 Oct 2017 12:17:00 +0000</pubDate></item></channel></rss>', 'windows-1256');
const PAGE = '<html><body><div class="n"><a href="/p/1">Frappe près de Deir ez-Zor</a></div></body></html>';

const runCli = (args: string[], allow: string) => runCliCaptured(args, { VIGIE_ALLOW_NETWORKS: allow });

test('check-source: feed, html listing, HTTP error, not a feed and SSRF refusal', { timeout: 60_000 }, async () => {
  const server = await startHttpServer((req, res) => {
    if (req.url === '/feed') { res.setHeader('content-type', 'application/rss+xml'); res.end(FEED); return; }
    if (req.url === '/page') { res.setHeader('content-type', 'text/html'); res.end(PAGE); return; }
    if (req.url === '/login') { res.setHeader('content-type', 'text/html'); res.end('<!doctype html><html><body>Sign in</body></html>'); return; }
    res.statusCode = 404;
    res.end('nope');
  });
  try {
    const json = await runCli(['check-source', `${server.origin}/feed`, '--json'], '127.0.0.0/8');
    assert.equal(json.code, 0, json.stderr);
    const body = JSON.parse(json.stdout) as { url: string; encoding: string; status: number; title: string; items: { title: string; url: string; published: string }[] };
    assert.equal(body.encoding, 'windows-1256');
    assert.equal(body.status, 200);
    assert.equal(body.title, 'أخبار');
    assert.deepEqual(body.items.map((i) => [i.title, i.url, i.published]), [['مرحبا من البوكمال', `${server.origin}/a/1`, '2017-10-17T12:17:00.000Z']]);

    const text = await runCli(['check-source', `${server.origin}/feed`], '127.0.0.0/8');
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /مرحبا من البوكمال/);

    const html = await runCli(['check-source', `${server.origin}/page`, '--item', 'div.n', '--json'], '127.0.0.0/8');
    assert.equal(html.code, 0, html.stderr);
    assert.equal((JSON.parse(html.stdout) as { items: { url: string }[] }).items[0].url, `${server.origin}/p/1`);

    const missing = await runCli(['check-source', `${server.origin}/missing`], '127.0.0.0/8');
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /^error HTTP_STATUS: /m);

    const login = await runCli(['check-source', `${server.origin}/login`, '--json'], '127.0.0.0/8');
    assert.notEqual(login.code, 0);
    assert.equal((JSON.parse(login.stdout) as { error: { code: string } }).error.code, 'NOT_A_FEED');

    const before = server.accepts();
    const blocked = await runCli(['check-source', `${server.origin}/feed`], '');
    assert.notEqual(blocked.code, 0);
    assert.match(blocked.stderr, /^error SSRF_BLOCKED: /m);
    assert.equal(server.accepts(), before, 'the refused fetch never connected');
  } finally {
    await server.close();
  }
});

test('check-source --help describes the command', async () => {
  const help = await runCli(['check-source', '--help'], '');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /SSRF-safe gate/);
  assert.match(help.stdout, /--item <selector>/);
});
