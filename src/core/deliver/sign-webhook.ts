// Signs a webhook per the Standard Webhooks spec v1 (`webhook-signature: v1,<base64 HMAC-SHA256>`).
// Pure: no clock (the attempt's timestamp is passed in), no I/O; node:crypto only for HMAC and randomness.
import { createHmac, randomBytes } from 'node:crypto';
import { VigieError } from '../errors/vigie-error.js';

const SECRET_PREFIX = 'whsec_';

export interface SignWebhookInput {
  /** The `webhook-id`: stable across retries; the spec forbids `.` in it (it separates the signed parts). */
  id: string;
  /** Unix seconds of this attempt (the spec's `webhook-timestamp`, new on every retry). */
  timestamp: number;
  /** The exact string sent as the body: the bytes signed must be the bytes sent. */
  body: string;
  /** One secret, or two during a rotation overlap (both signatures are sent, space-separated). */
  secrets: string[];
}

/** Returns the `webhook-signature` header value. */
export function signWebhook(input: SignWebhookInput): string {
  const { id, timestamp, body, secrets } = input;
  if (id.length === 0 || id.includes('.')) {
    throw new VigieError('CONFIG_INVALID', 'sign-webhook', 'webhook id must be non-empty and contain no "."');
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new VigieError('CONFIG_INVALID', 'sign-webhook', 'timestamp must be integer unix seconds');
  }
  if (secrets.length === 0) throw new VigieError('CONFIG_INVALID', 'sign-webhook', 'no signing secret');
  // Spec: signed content is `${msg_id}.${timestamp}.${payload}`.
  const signed = `${id}.${timestamp}.${body}`;
  return secrets
    .map((secret) => `v1,${createHmac('sha256', secretKey(secret)).update(signed, 'utf8').digest('base64')}`)
    .join(' ');
}

/** The HMAC key is the base64-decoded part after `whsec_` (the prefix is optional, as in the reference libs). */
export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new VigieError('CONFIG_INVALID', 'sign-webhook', 'webhook secret is not whsec_ + base64');
  }
  const key = Buffer.from(encoded, 'base64');
  // Spec: secrets are random, 24 to 64 bytes; we refuse anything under 16 bytes outright.
  if (key.length < 16) throw new VigieError('CONFIG_INVALID', 'sign-webhook', 'webhook secret is too short');
  return key;
}

/** A fresh endpoint secret: `whsec_` + base64 of 32 random bytes (the spec asks for 24 to 64). */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}
