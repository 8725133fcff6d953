// Deterministic ids for alerts and deliveries: the same inputs give the same id on every worker,
// so a retried or duplicated job carries the id the receiver dedupes on. Pure: hashing only.
import { createHash } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32 (lower case, no padding): letters and digits only, so never a `.` or `:`. */
function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** 20 bytes (160 bits) of sha256 over the parts; JSON encoding keeps ("a:b","c") apart from ("a","b:c"). */
function hashParts(kind: string, parts: string[]): string {
  const digest = createHash('sha256').update(JSON.stringify([kind, ...parts]), 'utf8').digest();
  return base32(digest.subarray(0, 20));
}

/**
 * The delivery id: the BullMQ job id, the `webhook-id` header and the local part of the email Message-ID.
 * The `msg_` prefix keeps it from ever being all digits (BullMQ refuses integer-like custom job ids).
 */
export function deliveryId(subscriptionId: string, storyId: string, channelId: string): string {
  return `msg_${hashParts('delivery', [subscriptionId, storyId, channelId])}`;
}

/** The delivery of an alert's `seq`-th update (alert.updated) on a channel: a new webhook-id and Message-ID. */
export function updateDeliveryId(subscriptionId: string, storyId: string, channelId: string, seq: number): string {
  return `msg_${hashParts('delivery-update', [subscriptionId, storyId, channelId, String(seq)])}`;
}

/** One alert per subscription per story. */
export function alertId(subscriptionId: string, storyId: string): string {
  return `alr_${hashParts('alert', [subscriptionId, storyId])}`;
}
