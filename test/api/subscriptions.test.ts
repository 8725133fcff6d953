// /v1/subscriptions: create with names in any language, every kind of bad input with field-level
// errors, ownership (another subscriber's ids answer 404), secret rotation and the signed test delivery.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startApiHarness, type ApiHarness } from './api-harness.js';
import { startHttpServer, type TestHttpServer } from '../harness/http-server.js';

let h: ApiHarness;
let receiver: TestHttpServer;
const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];

before(async () => {
  h = await startApiHarness();
  receiver = await startHttpServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { received.push({ headers: req.headers, body }); res.writeHead(204).end(); });
  });
});
after(async () => { await receiver.close(); await h.close(); });

const validBody = () => ({
  name: 'Deir ez-Zor watch',
  regions: ['دير الزور'],
  actors: ['Kataëb Hezbollah'],
  query: 'drone OR frappe',
  languages: ['fr', 'en'],
  channels: [{ type: 'webhook', url: `${receiver.origin}/hook`, format: 'standard' }],
});

async function create(key: string, body: unknown = validBody()) {
  return h.call(key, { method: 'POST', url: '/v1/subscriptions', payload: body as object });
}

test('create resolves names in any language to entity ids and shows the webhook secret once', async () => {
  const res = await create(h.alice.key);
  assert.equal(res.statusCode, 201);
  const { subscription, secrets } = res.json();
  assert.deepEqual(subscription.regions, ['sy-deir-ez-zor']);
  assert.deepEqual(subscription.actors, ['actor-kataib-hezbollah']);
  assert.equal(subscription.owner, h.alice.record.id);
  assert.equal(secrets.length, 1);
  assert.match(secrets[0].secret, /^whsec_/);
  assert.match(subscription.feed.url, new RegExp(`/v1/subscriptions/${subscription.id}/feed\\.atom\\?token=`));
  const again = await h.call(h.alice.key, { method: 'GET', url: `/v1/subscriptions/${subscription.id}` });
  assert.equal(again.statusCode, 200);
  assert.equal(again.body.includes('whsec_'), false, 'the secret is never shown again');
});

const bad: Array<{ name: string; mutate: (b: Record<string, unknown>) => unknown; path: string }> = [
  { name: 'regions is a string, not an array', mutate: (b) => ({ ...b, regions: 'Deir ez-Zor' }), path: 'body.regions' },
  { name: 'name is a number', mutate: (b) => ({ ...b, name: 42 }), path: 'body.name' },
  { name: 'active is the string "true"', mutate: (b) => ({ ...b, active: 'true' }), path: 'body.active' },
  { name: 'unknown top-level field', mutate: (b) => ({ ...b, owner: 'someone-else' }), path: 'body' },
  { name: 'unknown field inside a channel', mutate: (b) => ({ ...b, channels: [{ type: 'webhook', url: 'https://example.org/h', secret: 'x' }] }), path: 'body.channels.0' },
  { name: 'no channel', mutate: (b) => ({ ...b, channels: [] }), path: 'body.channels' },
  { name: 'unknown channel type', mutate: (b) => ({ ...b, channels: [{ type: 'sms', to: '+33' }] }), path: 'body.channels.0.type' },
  { name: 'webhook URL with another scheme', mutate: (b) => ({ ...b, channels: [{ type: 'webhook', url: 'ftp://example.org/x' }] }), path: 'body.channels.0.url' },
  { name: 'email with a display name (header injection)', mutate: (b) => ({ ...b, channels: [{ type: 'email', address: 'A <a@example.org>' }] }), path: 'body.channels.0.address' },
  { name: 'language outside en/fr/ar', mutate: (b) => ({ ...b, languages: ['de'] }), path: 'body.languages.0' },
  { name: 'body is an array', mutate: () => [1, 2], path: 'body' },
];
for (const c of bad) {
  test(`400 validation_failed: ${c.name}`, async () => {
    const res = await create(h.alice.key, c.mutate(validBody()));
    assert.equal(res.statusCode, 400, res.body);
    const err = res.json().error;
    assert.equal(err.code, 'validation_failed');
    assert.ok(err.details.issues.some((i: { path: string }) => i.path === c.path), `issue at ${c.path}: ${JSON.stringify(err.details.issues)}`);
  });
}

test('400 on a body that is not JSON, 415 on another content type, 413 on an oversize body', async () => {
  const notJson = await h.call(h.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: '{"name":', headers: { 'content-type': 'application/json' } });
  assert.equal(notJson.statusCode, 400);
  assert.equal(notJson.json().error.code, 'validation_failed');
  const text = await h.call(h.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: 'hello', headers: { 'content-type': 'text/plain' } });
  assert.equal(text.statusCode, 415);
  assert.equal(text.json().error.code, 'unsupported_media_type');
  const huge = await create(h.alice.key, { ...validBody(), name: 'x'.repeat(300 * 1024) });
  assert.equal(huge.statusCode, 413);
  assert.equal(huge.json().error.code, 'payload_too_large');
});

const privateUrls = ['http://10.0.0.5/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:9000/x', 'http://192.168.1.10/', 'http://[::ffff:10.0.0.1]/', 'http://100.64.0.1/'];
for (const url of privateUrls) {
  test(`422 url_not_public for webhook ${url}`, async () => {
    const res = await create(h.alice.key, { ...validBody(), channels: [{ type: 'webhook', url }] });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'url_not_public');
    assert.equal(res.json().error.details.field, 'body.channels.0.url');
  });
}

test('422 https_required for an http webhook URL to a public host; https there, and http to an allowed local receiver, are accepted', async () => {
  const http = await create(h.alice.key, { ...validBody(), channels: [{ type: 'webhook', url: 'http://hooks.example.org/vigie' }] });
  assert.equal(http.statusCode, 422, http.body);
  assert.equal(http.json().error.code, 'https_required');
  assert.equal(http.json().error.details.field, 'body.channels.0.url');
  // A public address literal too: only a network the operator allowed may take http.
  const literal = await create(h.alice.key, { ...validBody(), channels: [{ type: 'webhook', url: 'http://93.184.215.14/hook' }] });
  assert.equal(literal.json().error?.code, 'https_required', literal.body);
  const https = await create(h.alice.key, { ...validBody(), channels: [{ type: 'webhook', url: 'https://hooks.example.org/vigie' }] });
  assert.equal(https.statusCode, 201, https.body);
  // The receiver of the other tests is http on 127.0.0.1, inside the test VIGIE_ALLOW_NETWORKS.
  assert.match(receiver.origin, /^http:\/\/127\.0\.0\.1:/);
  assert.equal((await create(h.alice.key)).statusCode, 201);
  // Replacing a subscription is checked the same way.
  const id = https.json().subscription.id as string;
  const put = await h.call(h.alice.key, { method: 'PUT', url: `/v1/subscriptions/${id}`, payload: { ...validBody(), channels: [{ type: 'webhook', url: 'http://hooks.example.org/vigie' }] } });
  assert.equal(put.json().error?.code, 'https_required', put.body);
});

test('VIGIE_ALLOW_HTTP_WEBHOOKS=1 (development) accepts http webhook URLs to public hosts', async () => {
  const dev = await startApiHarness({ env: { VIGIE_ALLOW_HTTP_WEBHOOKS: '1' } });
  try {
    const res = await dev.call(dev.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: { ...validBody(), channels: [{ type: 'webhook', url: 'http://hooks.example.org/vigie' }] } });
    assert.equal(res.statusCode, 201, res.body);
    // It does not open private addresses: those still need VIGIE_ALLOW_NETWORKS.
    const priv = await dev.call(dev.alice.key, { method: 'POST', url: '/v1/subscriptions', payload: { ...validBody(), channels: [{ type: 'webhook', url: 'http://10.0.0.5/hook' }] } });
    assert.equal(priv.json().error?.code, 'url_not_public', priv.body);
  } finally {
    await dev.close();
  }
});

test('422 with the query error position for an invalid keyword query', async () => {
  const res = await create(h.alice.key, { ...validBody(), query: 'drone AND (frappe' });
  assert.equal(res.statusCode, 422);
  const err = res.json().error;
  assert.equal(err.code, 'config_invalid');
  assert.equal(typeof err.details.query.position, 'number');
  assert.ok(err.details.problems.some((p: string) => p.startsWith('query:')));
});

test('422 for an unknown region, naming the field', async () => {
  const res = await create(h.alice.key, { ...validBody(), regions: ['Atlantis'] });
  assert.equal(res.statusCode, 422);
  assert.match(res.json().error.details.problems.join(' '), /regions\[0\].*Atlantis/);
});

test('a subscriber cannot see, change, delete, rotate or test another subscriber\'s subscription (404, not 403)', async () => {
  const mine = (await create(h.alice.key)).json().subscription;
  const id = mine.id;
  const attempts = [
    { method: 'GET', url: `/v1/subscriptions/${id}` },
    { method: 'PUT', url: `/v1/subscriptions/${id}`, payload: validBody() },
    { method: 'DELETE', url: `/v1/subscriptions/${id}` },
    { method: 'POST', url: `/v1/subscriptions/${id}/rotate-secret`, payload: {} },
    { method: 'POST', url: `/v1/subscriptions/${id}/test`, payload: {} },
    { method: 'GET', url: `/v1/alerts?subscription=${id}` },
    { method: 'GET', url: `/v1/deliveries?subscription=${id}` },
  ] as const;
  for (const a of attempts) {
    const res = await h.call(h.bob.key, a as never);
    assert.equal(res.statusCode, 404, `${a.method} ${a.url}: ${res.body}`);
    assert.equal(res.json().error.code, 'not_found');
  }
  const guessed = await h.call(h.bob.key, { method: 'GET', url: '/v1/subscriptions/sub_0000000000000000' });
  assert.equal(guessed.statusCode, 404, 'an id that does not exist looks the same as another\'s');
  const bobList = (await h.call(h.bob.key, { method: 'GET', url: '/v1/subscriptions' })).json().subscriptions;
  assert.equal(bobList.some((x: { id: string }) => x.id === id), false);
  const adminList = (await h.call(h.admin.key, { method: 'GET', url: '/v1/subscriptions' })).json().subscriptions;
  assert.ok(adminList.some((x: { id: string }) => x.id === id), 'admins see every subscription');
  assert.ok((await h.services.subscriptions.get(id)), 'still there after bob\'s attempts');
});

test('update keeps the channel id and its secret; delete removes it', async () => {
  const created = (await create(h.alice.key)).json();
  const id = created.subscription.id;
  const channelId = created.subscription.channels[0].id;
  const put = await h.call(h.alice.key, { method: 'PUT', url: `/v1/subscriptions/${id}`, payload: { ...validBody(), name: 'renamed', regions: ['Boukamal'] } });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().subscription.name, 'renamed');
  assert.deepEqual(put.json().subscription.regions, ['sy-boukamal']);
  assert.equal(put.json().subscription.channels[0].id, channelId);
  assert.deepEqual(put.json().secrets, [], 'no new secret for a kept channel');
  assert.equal((await h.services.subscriptions.getSecrets(id, channelId))?.current, created.secrets[0].secret);
  assert.equal((await h.call(h.alice.key, { method: 'DELETE', url: `/v1/subscriptions/${id}` })).statusCode, 204);
  assert.equal((await h.call(h.alice.key, { method: 'GET', url: `/v1/subscriptions/${id}` })).statusCode, 404);
});

test('rotate-secret returns a new secret; the previous one keeps signing for 24 h', async () => {
  const created = (await create(h.alice.key)).json();
  const id = created.subscription.id;
  const res = await h.call(h.alice.key, { method: 'POST', url: `/v1/subscriptions/${id}/rotate-secret`, payload: {} });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.notEqual(body.secret, created.secrets[0].secret);
  const stored = await h.services.subscriptions.getSecrets(id, body.channelId);
  assert.equal(stored?.current, body.secret);
  assert.equal(stored?.previous, created.secrets[0].secret);
  const hours = (Date.parse(body.previousUntil) - Date.now()) / 3600_000;
  assert.ok(hours > 23.9 && hours <= 24, `overlap ${hours} h`);
});

test('test delivery POSTs a signed alert.test to the webhook now and returns the outcome', async () => {
  const created = (await create(h.alice.key)).json();
  const before = received.length;
  const res = await h.call(h.alice.key, { method: 'POST', url: `/v1/subscriptions/${created.subscription.id}/test`, payload: {} });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().outcome, 'submitted');
  assert.equal(res.json().statusCode, 204);
  assert.equal(received.length, before + 1);
  const got = received.at(-1)!;
  const payload = new Webhook(created.secrets[0].secret).verify(got.body, got.headers as Record<string, string>) as { type: string; data: { subscriptionId: string } };
  assert.equal(payload.type, 'alert.test');
  assert.equal(payload.data.subscriptionId, created.subscription.id);
});

test('test delivery to a webhook that refuses reports the failure', async () => {
  const refusing = await startHttpServer((_req, res) => { res.writeHead(500).end('no'); });
  try {
    const created = (await create(h.alice.key, { ...validBody(), channels: [{ type: 'webhook', url: `${refusing.origin}/x` }] })).json();
    const res = await h.call(h.alice.key, { method: 'POST', url: `/v1/subscriptions/${created.subscription.id}/test`, payload: {} });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().outcome, 'retry');
    assert.equal(res.json().statusCode, 500);
  } finally {
    await refusing.close();
  }
});

test('email subscriptions work without a secret; test delivery says there is no webhook', async () => {
  const res = await create(h.bob.key, { name: 'mail', regions: ['Alep'], channels: [{ type: 'email', address: 'bob@example.org', mode: 'daily' }] });
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(res.json().secrets, []);
  assert.deepEqual(res.json().subscription.regions, ['sy-aleppo']);
  const t = await h.call(h.bob.key, { method: 'POST', url: `/v1/subscriptions/${res.json().subscription.id}/test`, payload: {} });
  assert.equal(t.statusCode, 404);
});
