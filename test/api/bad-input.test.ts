// Hostile or malformed requests never answer 500 and always answer the documented error shape
// `{ error: { code, message } }`: a query nested 2,000 deep, errors raised by Fastify or Node before any
// route runs (431, 415, 400 bad JSON or URL, 413), raw UTF-8 in a query string, and names carrying
// control characters, unpaired surrogates or bidi overrides (refused in the API and the CLI alike).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startApiHarness, TEST_ENV, type ApiHarness } from './api-harness.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';

let h: ApiHarness;
let port: number;
before(async () => {
  h = await startApiHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  port = (h.app.server.address() as net.AddressInfo).port;
});
after(async () => { await h.close(); });

/** Sends bytes as they are (no client-side encoding or checks) and returns status, headers and body. */
function rawRequest(bytes: Buffer | string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    // write, not end: Node aborts a request whose client half-closes (httpAllowHalfOpen is off)
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
  });
}

function assertErrorShape(body: string, code: string | RegExp): void {
  const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
  assert.equal(typeof parsed.error?.message, 'string', body);
  if (typeof code === 'string') assert.equal(parsed.error?.code, code, body);
  else assert.match(String(parsed.error?.code), code, body);
}

const sub = (extra: Record<string, unknown>) => ({ name: 'watch', regions: ['Deir ez-Zor'], channels: [{ type: 'email', address: 'a@example.org' }], ...extra });

test('a query of 2,000 "(" is 422 query_too_deep with its position, wherever a query is read', async () => {
  const query = '('.repeat(2000);
  for (const [url, payload] of [['/v1/query/check', { query }], ['/v1/subscriptions', sub({ query })], ['/v1/backtest', { query }]] as const) {
    const res = await h.call(h.alice.key, { method: 'POST', url, payload });
    assert.equal(res.statusCode, 422, `${url}: ${res.body}`);
    assertErrorShape(res.body, 'query_too_deep');
    assert.equal(res.json().error.details.position, 32, url);
  }
});

test('framework errors answer in the documented JSON shape', async () => {
  const big = await rawRequest(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`);
  assert.equal(big.status, 431);
  assertErrorShape(big.body, 'header_too_large');
  const garbage = await rawRequest('NOT HTTP AT ALL\r\n\r\n');
  assert.equal(garbage.status, 400);
  assertErrorShape(garbage.body, 'bad_request');
  const cases: Array<[string, Parameters<ApiHarness['call']>[1], number, string]> = [
    ['text/plain body', { method: 'POST', url: '/v1/subscriptions', payload: 'hello', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['invalid JSON', { method: 'POST', url: '/v1/subscriptions', payload: '{"name":', headers: { 'content-type': 'application/json' } }, 400, 'validation_failed'],
    ['body too large', { method: 'POST', url: '/v1/subscriptions', payload: JSON.stringify({ name: 'x'.repeat(300_000) }), headers: { 'content-type': 'application/json' } }, 413, 'payload_too_large'],
    ['a malformed percent-escape in the path', { method: 'GET', url: '/v1/entities/%E0%A4%A' }, 400, 'bad_request'],
    ['an empty JSON body', { method: 'POST', url: '/v1/subscriptions', payload: '', headers: { 'content-type': 'application/json' } }, 400, 'validation_failed'],
    ['an XML body', { method: 'POST', url: '/v1/subscriptions', payload: '<a/>', headers: { 'content-type': 'application/xml' } }, 415, 'unsupported_media_type'],
  ];
  for (const [name, opts, status, code] of cases) {
    const res = await h.call(h.alice.key, opts);
    assert.equal(res.statusCode, status, `${name}: ${res.body}`);
    assertErrorShape(res.body, code);
  }
});

test('raw UTF-8 bytes in a query string are read as UTF-8', async () => {
  const head = `GET /v1/entities?search=${'دير الزور'.replace(' ', '%20')}&limit=5 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.alice.key}\r\nConnection: close\r\n\r\n`;
  const res = await rawRequest(Buffer.from(head, 'utf8'));
  assert.equal(res.status, 200, res.body);
  assert.equal(JSON.parse(res.body).entities[0]?.id, 'sy-deir-ez-zor');
  assert.match(res.headers, /^connection: close$/im, 'a keep-alive client is told to open a new connection for its next request');
  const encoded = await h.call(h.alice.key, { method: 'GET', url: `/v1/entities?search=${encodeURIComponent('دير الزور')}` });
  assert.equal(encoded.json().entities[0]?.id, 'sy-deir-ez-zor', 'percent-encoded works as before');
});

const BAD_NAMES: Array<[string, string]> = [
  ['a control character', 'alerts\u0007'],
  ['a newline', 'two\nlines'],
  ['an unpaired surrogate', 'x\ud800y'],
  ['a right-to-left override', 'invoice\u202egnp.exe'],
  ['a bidi isolate', 'a\u2066b'],
];

for (const [what, name] of BAD_NAMES) {
  test(`a name with ${what} is refused with validation_failed naming the field (API)`, async () => {
    const subRes = await h.call(h.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: sub({ name }) });
    assert.equal(subRes.statusCode, 400, subRes.body);
    assertErrorShape(subRes.body, 'validation_failed');
    assert.equal(subRes.json().error.details.issues[0].path, 'body.name');
    assert.match(subRes.json().error.message, /control character|surrogate|bidi/);
    const srcRes = await h.call(h.admin.key, { method: 'POST', url: '/v1/sources', payload: { url: 'https://news.example/feed', name } });
    assert.equal(srcRes.statusCode, 400, srcRes.body);
    assert.equal(srcRes.json().error.details.issues[0].path, 'body.name');
    const aliasRes = await h.call(h.admin.key, { method: 'POST', url: '/v1/entities/sy-deir-ez-zor/aliases', payload: { lang: 'en', aliases: [name] } });
    assert.equal(aliasRes.statusCode, 400, aliasRes.body);
  });
}

test('names that are merely unusual are kept: Arabic with its marks, emoji, a right-to-left mark', async () => {
  for (const name of ['مراقبة دير الزور', 'Alep 🚨', 'OSDH \u200f(ar)', 'Deir ez-Zor — nuit']) {
    const res = await h.call(h.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: sub({ name }) });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().subscription.name, name);
  }
});

test('the CLI refuses the same names with the same message (keys, subscriptions)', async () => {
  const env = { REDIS_URL: h.redis.url, VIGIE_PREFIX: TEST_ENV.VIGIE_PREFIX, VIGIE_ALLOW_NETWORKS: TEST_ENV.VIGIE_ALLOW_NETWORKS };
  const key = await runCliCaptured(['keys', 'create', '--role', 'subscriber', '--name', 'ops\u202etxt'], env);
  assert.notEqual(key.code, 0, key.stdout);
  assert.match(key.stderr, /bidi/);
  const subscription = await runCliCaptured(['subscriptions', 'add', '--name', 'bell\u0007', '--region', 'Deir ez-Zor', '--email', 'a@example.org'], env);
  assert.notEqual(subscription.code, 0, subscription.stdout);
  assert.match(subscription.stderr, /control character/);
});
