// One-click unsubscribe tokens: round trip, URL-safety, tampering and wrong keys refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signUnsubscribe, verifyUnsubscribe } from '../../src/core/deliver/unsubscribe-token.js';

const KEY = 'k'.repeat(32);
const TARGET = { subscriptionId: 'sub_1', channelId: 'ch_mail' };

test('a signed token verifies back to its subscription and channel and is URL-safe', () => {
  const token = signUnsubscribe(TARGET, KEY);
  assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  assert.equal(encodeURIComponent(token), token);
  assert.deepEqual(verifyUnsubscribe(token, KEY), TARGET);
});

test('ids with odd characters survive the round trip', () => {
  const odd = { subscriptionId: 'sub/é?&=.', channelId: 'ch "x"' };
  assert.deepEqual(verifyUnsubscribe(signUnsubscribe(odd, KEY), KEY), odd);
});

const token = signUnsubscribe(TARGET, KEY);
const [payload, mac] = token.split('.') as [string, string];
const forged = Buffer.from(JSON.stringify(['sub_2', 'ch_mail'])).toString('base64url');
const REFUSED: Array<[string, string, string]> = [
  ['another key', token, 'x'.repeat(32)],
  ['a changed payload with the old MAC', `${forged}.${mac}`, KEY],
  ['a truncated MAC', `${payload}.${mac.slice(0, -2)}`, KEY],
  ['a flipped MAC character', `${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, KEY],
  ['no MAC', payload, KEY],
  ['three parts', `${token}.x`, KEY],
  ['non-base64url characters', `${payload}.${mac}=`, KEY],
  ['empty string', '', KEY],
  ['a huge token', 'a'.repeat(10_000), KEY],
];
for (const [name, t, key] of REFUSED) {
  test(`refuses ${name}`, () => assert.equal(verifyUnsubscribe(t, key), undefined));
}

test('a short key is a configuration error, not a weak token', () => {
  assert.throws(() => signUnsubscribe(TARGET, 'short'));
});
