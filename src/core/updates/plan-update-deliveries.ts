// Which channels of a subscription get an alert's update: those that were handed the alert itself
// (its delivery submitted), so no one gets an update of an alert they never had. One delivery each,
// with its own id (a new webhook-id and Message-ID); held on a webhook channel disabled since. Pure.
import { updateDeliveryId } from '../deliver/delivery-ids.js';
import type { Delivery, DeliveryStatus } from '../model/alert.js';
import type { Subscription } from '../model/subscription.js';

export interface UpdateDeliveryInput {
  subscription: Subscription;
  alertId: string;
  storyId: string;
  seq: number;
  /** The status of the alert's own delivery on each channel (by channel id), if it has one. */
  alertDelivery: (channelId: string) => DeliveryStatus | undefined;
}

export function planUpdateDeliveries(input: UpdateDeliveryInput): Delivery[] {
  const { subscription: sub, alertId, storyId, seq } = input;
  return sub.channels
    // Digest channels get no update: their alert went out inside a digest, not as a message to reply to.
    .filter((c) => !(c.type === 'email' && (c.unsubscribed || c.mode !== 'immediate')))
    .filter((c) => input.alertDelivery(c.id) === 'submitted')
    .map((c): Delivery => {
      const base = { id: updateDeliveryId(sub.id, storyId, c.id, seq), alertId, subscriptionId: sub.id, channelId: c.id, attempts: 0, updateSeq: seq };
      return c.type === 'webhook' && c.disabled
        ? { ...base, status: 'held', heldReason: c.disabledReason ?? 'endpoint disabled' }
        : { ...base, status: 'pending' };
    });
}
