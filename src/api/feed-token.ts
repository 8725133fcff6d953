// The token of a subscription's Atom feed: an HMAC of its id with the server signing key, so a feed
// URL can be pasted into any feed reader without an API key. Rotating the signing key revokes them all.
import { createHmac, timingSafeEqual } from 'node:crypto';

// Domain separation: unsubscribe tokens use the same key with another context.
const CONTEXT = 'vigie.feed.v1';

export function feedToken(subscriptionId: string, key: string): string {
  return createHmac('sha256', key).update(`${CONTEXT}.${subscriptionId}`, 'utf8').digest('base64url');
}

export function verifyFeedToken(subscriptionId: string, token: string, key: string): boolean {
  const expected = Buffer.from(feedToken(subscriptionId, key));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
