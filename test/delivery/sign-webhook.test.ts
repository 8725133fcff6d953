// Signer: the Standard Webhooks spec vector, secret format, rotation, and verification by the
// reference `standardwebhooks` library (over a real loopback HTTP exchange in post-webhook.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, signWebhook } from '../../src/core/deliver/sign-webhook.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

test('reproduces the Standard Webhooks spec test vector', () => {
  assert.equal(signWebhook({ id: SPEC.id, timestamp: SPEC.timestamp, body: SPEC.body, secrets: [SPEC.secret] }), SPEC.signature);
});

test('the whsec_ prefix is optional, as in the reference libraries', () => {
  const bare = SPEC.secret.slice('whsec_'.length);
  assert.equal(signWebhook({ id: SPEC.id, timestamp: SPEC.timestamp, body: SPEC.body, secrets: [bare] }), SPEC.signature);
});

test('one changed byte of body, id or timestamp changes the signature', () => {
  const base = { id: SPEC.id, timestamp: SPEC.timestamp, body: SPEC.body, secrets: [SPEC.secret] };
  assert.notEqual(signWebhook({ ...base, body: '{"test": 2432232315}' }), SPEC.signature);
  assert.notEqual(signWebhook({ ...base, id: 'msg_p5jXN8AQM9LWM0D4loKWxJeK' }), SPEC.signature);
  assert.notEqual(signWebhook({ ...base, timestamp: SPEC.timestamp + 1 }), SPEC.signature);
});

test('rotation: two secrets give two space-separated v1 signatures, each verifiable alone', () => {
  const oldSecret = generateWebhookSecret();
  const newSecret = generateWebhookSecret();
  const timestamp = Math.floor(Date.now() / 1000);
  const header = signWebhook({ id: 'msg_rot', timestamp, body: '{"a":1}', secrets: [newSecret, oldSecret] });
  const parts = header.split(' ');
  assert.equal(parts.length, 2);
  for (const p of parts) assert.match(p, /^v1,[A-Za-z0-9+/]{43}=$/);
  const headers = { 'webhook-id': 'msg_rot', 'webhook-timestamp': String(timestamp), 'webhook-signature': header };
  for (const secret of [oldSecret, newSecret]) assert.deepEqual(new Webhook(secret).verify('{"a":1}', headers), { a: 1 });
  assert.throws(() => new Webhook(generateWebhookSecret()).verify('{"a":1}', headers));
});

test('generated secrets are whsec_ + base64 of 32 random bytes, all different', () => {
  const secrets = new Set(Array.from({ length: 50 }, generateWebhookSecret));
  assert.equal(secrets.size, 50);
  for (const s of secrets) {
    assert.match(s, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(Buffer.from(s.slice(6), 'base64').length, 32);
  }
});

const REFUSED: Array<[string, Parameters<typeof signWebhook>[0]]> = [
  ['an id with a dot (it separates the signed parts)', { id: 'msg.1', timestamp: 1, body: '', secrets: [SPEC.secret] }],
  ['an empty id', { id: '', timestamp: 1, body: '', secrets: [SPEC.secret] }],
  ['a fractional timestamp', { id: 'msg_1', timestamp: 1.5, body: '', secrets: [SPEC.secret] }],
  ['no secret', { id: 'msg_1', timestamp: 1, body: '', secrets: [] }],
  ['a secret that is not base64', { id: 'msg_1', timestamp: 1, body: '', secrets: ['whsec_not base64!'] }],
  ['a too short secret', { id: 'msg_1', timestamp: 1, body: '', secrets: ['whsec_AAAA'] }],
];
for (const [name, input] of REFUSED) {
  test(`refuses ${name}`, () => {
    assert.throws(() => signWebhook(input), (e: unknown) => isVigieError(e) && e.code === 'CONFIG_INVALID');
  });
}
