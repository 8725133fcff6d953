// Re-enabling a webhook channel disabled by a 410, for the CLI and the API: the owner says what happens
// to the deliveries held meanwhile (deliver: queued again with their own webhook-ids; discard). Safe to
// run again after a crash: it always sweeps the channel's held deliveries, enabled or not.
import { VigieError } from '../core/errors/vigie-error.js';
import type { Channel, Subscription } from '../core/model/subscription.js';
import { JOB_OPTIONS } from '../adapters/queue/queues.js';
import type { Services } from '../runtime/create-services.js';

export type HeldChoice = 'deliver' | 'discard';
export interface EnableOutcome { subscription: Subscription; channelId: string; delivered: number; discarded: number }

function pickChannel(sub: Subscription, channelId?: string): Extract<Channel, { type: 'webhook' }> {
  const webhooks = sub.channels.filter((c): c is Extract<Channel, { type: 'webhook' }> => c.type === 'webhook');
  const channel = channelId ? webhooks.find((c) => c.id === channelId) : (webhooks.find((c) => c.disabled) ?? webhooks[0]);
  if (!channel) throw new VigieError('NOT_FOUND', 'subscriptions', `no webhook channel${channelId ? ` ${channelId}` : ''} on ${sub.id}`);
  return channel;
}

export async function enableChannel(s: Services, sub: Subscription, opts: { channelId?: string; held?: HeldChoice }): Promise<EnableOutcome> {
  const channel = pickChannel(sub, opts.channelId);
  const held = await s.alerts.listHeldOn(sub.id, channel.id);
  if (held.length > 0 && !opts.held) {
    throw new VigieError('HELD_CHOICE_REQUIRED', 'subscriptions',
      `channel ${channel.id} has ${held.length} held deliver${held.length === 1 ? 'y' : 'ies'}: say whether to deliver or discard them (API body "held", CLI --held)`, { details: { held: held.length, channelId: channel.id } });
  }
  // Enable first: a delivery routed from now on is queued, and one routed just before is swept below.
  const { disabled: _d, disabledReason: _r, ...enabled } = channel;
  const subscription = { ...sub, channels: sub.channels.map((c) => (c.id === channel.id ? enabled : c)) };
  if (channel.disabled) await s.subscriptions.put(subscription);
  // A delivery routed between the first listing and the enable was held too: swept with the others
  // (delivered when the owner made no choice, since nothing was held when they asked).
  const sweep = channel.disabled ? [...new Set([...held, ...await s.alerts.listHeldOn(sub.id, channel.id)])] : held;
  let delivered = 0;
  let discarded = 0;
  for (const id of sweep) {
    const now = s.clock();
    if (opts.held === 'discard' && held.includes(id)) {
      if (await s.alerts.leaveHeld(id, 'discarded', now, 'discarded by its owner when the channel was re-enabled')) discarded += 1;
      continue;
    }
    // Queue first, then flip: a crash between leaves a held delivery with a job, which the job sends
    // (the claim takes a held delivery once its channel is enabled); the reverse could leave pending with no job.
    await s.queues.deliver.add('deliver', { deliveryId: id }, { ...JOB_OPTIONS.deliver, jobId: `${id}-release-${now.getTime()}` });
    if (await s.alerts.leaveHeld(id, 'pending', now, 'released by its owner when the channel was re-enabled')) delivered += 1;
  }
  const message = `webhook channel re-enabled; held deliveries: ${delivered} delivered, ${discarded} discarded`;
  await s.events.record({ at: s.clock().toISOString(), event: 'webhook.endpoint.enabled', message, subscriptionId: sub.id, channelId: channel.id, owner: sub.owner, held: held.length });
  s.log.info({ event: 'webhook.endpoint.enabled', subscriptionId: sub.id, channelId: channel.id, delivered, discarded }, message);
  return { subscription, channelId: channel.id, delivered, discarded };
}
