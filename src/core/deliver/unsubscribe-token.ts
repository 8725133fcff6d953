// One-click unsubscribe tokens (RFC 8058 links): the subscription and channel, signed with a server key.
// Pure: HMAC-SHA256 and a constant-time compare; the key comes from config, never from here.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { VigieError } from '../errors/vigie-error.js';

export interface UnsubscribeTarget {
  subscriptionId: string;
  channelId: string;
}

// Domain separation: a MAC made for another purpose with the same key never validates here.
const CONTEXT = 'vigie.unsubscribe.v1';

function mac(payload: string, key: string): Buffer {
  if (key.length < 16) throw new VigieError('CONFIG_INVALID', 'unsubscribe-token', 'unsubscribe key is too short');
  return createHmac('sha256', key).update(`${CONTEXT}.${payload}`, 'utf8').digest();
}

/** `<base64url JSON>.<base64url HMAC>`: URL-safe, no padding. */
export function signUnsubscribe(target: UnsubscribeTarget, key: string): string {
  const payload = Buffer.from(JSON.stringify([target.subscriptionId, target.channelId]), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, key).toString('base64url')}`;
}

/** The target if the token is intact and was made with `key`; otherwise undefined. */
export function verifyUnsubscribe(token: string, key: string): UnsubscribeTarget | undefined {
  if (token.length > 2048) return undefined;
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]!) || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) return undefined;
  const [payload, given] = parts as [string, string];
  const expected = mac(payload, key);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && decoded.every((v) => typeof v === 'string')) {
      return { subscriptionId: decoded[0] as string, channelId: decoded[1] as string };
    }
  } catch {
    // fall through: a valid MAC over a malformed payload is impossible unless the key leaked
  }
  return undefined;
}
