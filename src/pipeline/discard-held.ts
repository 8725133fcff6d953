// Held deliveries whose channel is gone (removed from its subscription, or the subscription deleted)
// can never be released: they are discarded, so no list shows them as waiting for a re-enable.
import type { Subscription } from '../core/model/subscription.js';
import type { Services } from '../runtime/create-services.js';

export async function discardHeldOf(s: Services, subscriptionId: string, channelIds: string[], reason: string): Promise<number> {
  let n = 0;
  for (const channelId of channelIds) {
    for (const id of await s.alerts.listHeldOn(subscriptionId, channelId)) {
      if (await s.alerts.leaveHeld(id, 'discarded', s.clock(), reason)) n += 1;
    }
  }
  return n;
}

/** Deletes a subscription (and its secrets); its held deliveries are discarded. False when there was none. */
export async function removeSubscription(s: Services, sub: Subscription | undefined): Promise<boolean> {
  if (!sub || !(await s.subscriptions.remove(sub.id))) return false;
  await discardHeldOf(s, sub.id, sub.channels.map((c) => c.id), 'subscription deleted');
  return true;
}
