// Checks a pushed body against the subscription's secret (WebSub §8: `X-Hub-Signature: method=hex`,
// HMAC of the exact body bytes with sha1, sha256, sha384 or sha512). Timing-safe comparison.
// Pure: node:crypto only. The caller refuses anything but 'valid' and counts it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureVerdict = 'valid' | 'missing' | 'malformed' | 'unsupported' | 'mismatch';

const ALGORITHMS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

export function verifyHubSignature(header: string | undefined, body: Buffer, secret: string): SignatureVerdict {
  if (header === undefined || header.trim() === '') return 'missing';
  const m = /^\s*([A-Za-z0-9]+)=([0-9A-Fa-f]+)\s*$/.exec(header);
  if (!m) return 'malformed';
  const method = m[1]!.toLowerCase();
  if (!ALGORITHMS.has(method)) return 'unsupported';
  const expected = createHmac(method, secret).update(body).digest();
  const given = Buffer.from(m[2]!, 'hex');
  if (given.length !== expected.length) return 'mismatch';
  return timingSafeEqual(given, expected) ? 'valid' : 'mismatch';
}

/** The header a hub sends (used by tests and by anyone checking vigie's own rule). */
export function signHubBody(method: 'sha1' | 'sha256' | 'sha384' | 'sha512', body: Buffer | string, secret: string): string {
  return `${method}=${createHmac(method, secret).update(body).digest('hex')}`;
}
