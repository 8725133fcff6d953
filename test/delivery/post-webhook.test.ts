// Webhook sends against real loopback receivers through the real outbound gate: signatures verified by
// the `standardwebhooks` library, the status matrix, redirects never followed, deadlines, huge bodies.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { createSafeFetch } from '../../src/adapters/http/safe-fetch.js';
import { postWebhook } from '../../src/adapters/webhook/post-webhook.js';
import { generateWebhookSecret } from '../../src/core/deliver/sign-webhook.js';
import { deliveryId } from '../../src/core/deliver/delivery-ids.js';
import { renderWebhookPayload } from '../../src/core/render/webhook-payload.js';
import { startHttpServer } from '../harness/http-server.js';
import { freePort } from '../harness/free-port.js';
import { makeAlert, makeArticle, makeSubscription } from './alert-fixture.js';

// The gate allows exactly the loopback address the test servers listen on, nothing else.
const gate = createSafeFetch({ allowNetworks: ['127.0.0.1/32'] });
after(() => gate.close());

interface Seen { id: string; timestamp: string; signature: string; body: string; headers: Record<string, string> }
const seen: Seen[] = [];
const OLD_SECRET = generateWebhookSecret();
const NEW_SECRET = generateWebhookSecret();

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') out[k] = v;
  return out;
}

// The Location target of every redirect: a canary whose accept count must stay 0.
const canary = await startHttpServer((_req, res) => res.end('followed!'));
after(() => canary.close());

const hung: ServerResponse[] = [];
const receiver = await startHttpServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const body = await readAll(req);
  const headers = headersOf(req);
  const [, kind, arg] = url.pathname.split('/');
  if (kind === 'verify') {
    // A receiver holding one secret, as a customer would run it.
    const secret = arg === 'old' ? OLD_SECRET : NEW_SECRET;
    try {
      new Webhook(secret).verify(body, headers);
    } catch {
      res.writeHead(401).end('bad signature');
      return;
    }
    seen.push({ id: headers['webhook-id']!, timestamp: headers['webhook-timestamp']!, signature: headers['webhook-signature']!, body, headers });
    res.writeHead(200).end('ok');
    return;
  }
  if (kind === 'status') { res.writeHead(Number(arg)).end('x'); return; }
  if (kind === 'redirect') { res.writeHead(Number(arg), { location: `${canary.origin}/target` }).end(); return; }
  if (kind === 'retry-after-seconds') { res.writeHead(Number(arg), { 'retry-after': '120' }).end(); return; }
  if (kind === 'retry-after-date') {
    // 90 s after the attempt's own timestamp, as an IMF-fixdate.
    const at = new Date((Number(headers['webhook-timestamp']) + 90) * 1000);
    res.writeHead(Number(arg), { 'retry-after': at.toUTCString() }).end();
    return;
  }
  if (kind === 'bad-retry-after') { res.writeHead(503, { 'retry-after': 'tomorrow-ish' }).end(); return; }
  if (kind === 'hang') { hung.push(res); return; }
  if (kind === 'endless') {
    // 200, then a body that never ends (chunked): the status decides, not the body.
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = (): void => { while (!res.destroyed && res.write(chunk)); if (!res.destroyed) res.once('drain', pump); };
    pump();
    return;
  }
  if (kind === 'huge') {
    // An honest Content-Length of 1 GB; the body starts but would take for ever.
    res.writeHead(200, { 'content-length': String(1024 ** 3) });
    res.write(Buffer.alloc(256 * 1024, 'b'));
    return;
  }
  res.writeHead(404).end();
});
after(() => { for (const r of hung) r.destroy(); return receiver.close(); });

const BODY = renderWebhookPayload({ alert: makeAlert(), article: makeArticle(), subscription: makeSubscription(), sourceName: 'OSDH', now: new Date() });
const ID = deliveryId('sub_1', 'sto_1', 'ch_hook');

const send = (path: string, over: Partial<Parameters<typeof postWebhook>[1]> = {}) =>
  postWebhook(gate, { url: `${receiver.origin}${path}`, deliveryId: ID, body: BODY, secrets: [NEW_SECRET], now: new Date(), ...over });

test('a delivery verifies with standardwebhooks: id without ".", exact body, JSON content type', async () => {
  const before = seen.length;
  const result = await send('/verify/new');
  assert.equal(result.outcome, 'submitted');
  assert.equal(result.statusCode, 200);
  assert.equal(seen.length, before + 1);
  const got = seen[seen.length - 1]!;
  assert.equal(got.id, ID);
  assert.ok(!got.id.includes('.'));
  assert.equal(got.body, BODY);
  assert.equal(got.headers['content-type'], 'application/json');
  assert.match(got.headers['user-agent']!, /^vigie-webhook\//);
  assert.match(got.timestamp, /^\d+$/);
});

test('a receiver with the wrong secret refuses the delivery (the signature really is checked)', async () => {
  const result = await send('/verify/new', { secrets: [generateWebhookSecret()] });
  assert.equal(result.outcome, 'retry');
  assert.equal(result.statusCode, 401);
});

test('rotation: both signatures are sent and receivers holding either secret verify', async () => {
  const before = seen.length;
  for (const holder of ['old', 'new']) {
    const result = await send(`/verify/${holder}`, { secrets: [NEW_SECRET, OLD_SECRET] });
    assert.equal(result.outcome, 'submitted', holder);
  }
  assert.equal(seen.length, before + 2);
  assert.equal(seen[seen.length - 1]!.signature.split(' ').length, 2);
});

test('two attempts of one delivery: same webhook-id, new timestamp, both verify', async () => {
  const before = seen.length;
  const t0 = new Date();
  await send('/verify/new', { now: t0 });
  await send('/verify/new', { now: new Date(t0.getTime() + 61_000) });
  const [a, b] = seen.slice(before);
  assert.ok(a && b);
  assert.equal(a.id, b.id);
  assert.equal(Number(b.timestamp) - Number(a.timestamp), 61);
  assert.notEqual(a.signature, b.signature);
});

const MATRIX: Array<[string, string, string, number]> = [
  ['200', '/status/200', 'submitted', 200],
  ['201', '/status/201', 'submitted', 201],
  ['204', '/status/204', 'submitted', 204],
  ['400', '/status/400', 'retry', 400],
  ['404', '/status/404', 'retry', 404],
  ['500', '/status/500', 'retry', 500],
  ['503', '/status/503', 'retry', 503],
  ['410', '/status/410', 'gone', 410],
];
for (const [name, path, outcome, status] of MATRIX) {
  test(`status ${name} -> ${outcome}`, async () => {
    const result = await send(path);
    assert.equal(result.outcome, outcome);
    assert.equal(result.statusCode, status);
  });
}

for (const code of [301, 302, 307, 308]) {
  test(`${code} is a failed attempt, retried, and the Location is never requested`, async () => {
    const result = await send(`/redirect/${code}`);
    assert.equal(result.outcome, 'retry');
    assert.equal(result.statusCode, code);
    assert.equal(result.reason, `redirect_${code}_not_followed`);
    assert.equal(canary.accepts(), 0);
  });
}

for (const code of [429, 503]) {
  test(`${code} with Retry-After in seconds carries the delay`, async () => {
    const result = await send(`/retry-after-seconds/${code}`);
    assert.equal(result.outcome, 'retry');
    assert.equal(result.retryAfterMs, 120_000);
  });
  test(`${code} with Retry-After as an HTTP-date carries the delay`, async () => {
    const result = await send(`/retry-after-date/${code}`);
    assert.equal(result.outcome, 'retry');
    // The date has whole seconds; the attempt's `now` has milliseconds.
    assert.ok(result.retryAfterMs !== undefined && result.retryAfterMs > 89_000 && result.retryAfterMs <= 90_000, String(result.retryAfterMs));
  });
}

test('a malformed Retry-After is ignored', async () => {
  const result = await send('/bad-retry-after');
  assert.equal(result.outcome, 'retry');
  assert.equal(result.retryAfterMs, undefined);
});

test('a hanging endpoint is aborted at the deadline and recorded as a timeout', async () => {
  const result = await send('/hang', { timeoutMs: 300 });
  assert.equal(result.outcome, 'retry');
  assert.equal(result.reason, 'timeout');
  assert.equal(result.statusCode, undefined);
});

test('connection refused is a retried connect error', async () => {
  const port = await freePort();
  const result = await postWebhook(gate, { url: `http://127.0.0.1:${port}/`, deliveryId: ID, body: BODY, secrets: [NEW_SECRET], now: new Date() });
  assert.equal(result.outcome, 'retry');
  assert.equal(result.reason, 'connect_error');
});

test('a 200 followed by an endless body is still submitted', async () => {
  const result = await send('/endless', { timeoutMs: 5_000 });
  assert.equal(result.reason, 'http_200');
  assert.equal(result.outcome, 'submitted');
  assert.equal(result.statusCode, 200);
});

test('a 200 announcing a 1 GB body is still submitted', async () => {
  const result = await send('/huge', { timeoutMs: 5_000 });
  assert.equal(result.outcome, 'submitted');
  assert.equal(result.statusCode, 200);
});

test('a target outside the allowlist is blocked before any connection, permanently', async () => {
  const strict = createSafeFetch({ allowNetworks: [] });
  try {
    const result = await postWebhook(strict, { url: `${canary.origin}/hook`, deliveryId: ID, body: BODY, secrets: [NEW_SECRET], now: new Date() });
    assert.equal(result.outcome, 'failed-permanent');
    assert.equal(result.reason, 'ssrf_blocked');
    assert.equal(canary.accepts(), 0);
  } finally {
    await strict.close();
  }
});
