// Creating, replacing and re-keying subscriptions, shared by the CLI, the API, config files and tests:
// the core builds and checks the subscription; this stores it and makes the webhook secrets, which are
// returned to the caller once and never stored anywhere else.
import { randomBytes } from 'node:crypto';
import { buildSubscription } from '../core/subscriptions/build-subscription.js';
import { generateWebhookSecret } from '../core/deliver/sign-webhook.js';
import { VigieError } from '../core/errors/vigie-error.js';
import type { ParsedSubscriptionInput } from '../core/subscriptions/subscription-input.js';
import type { Channel, Subscription } from '../core/model/subscription.js';
import type { Services } from '../runtime/create-services.js';
import { discardHeldOf } from './discard-held.js';

export interface NewSecret { channelId: string; secret: string }

/** During a rotation the previous secret keeps signing this long, so receivers can switch without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

const newChannelId = (type: Channel['type']) => `${type === 'webhook' ? 'wh' : 'em'}_${randomBytes(6).toString('hex')}`;

export async function saveSubscription(
  s: Services,
  input: ParsedSubscriptionInput,
  opts: { owner: string; id?: string; previous?: Subscription },
): Promise<{ subscription: Subscription; secrets: NewSecret[] }> {
  const { previous } = opts;
  const { graph } = await s.entities.current();
  const built = buildSubscription(input, {
    graph, id: previous?.id ?? opts.id ?? `sub_${randomBytes(8).toString('hex')}`, owner: previous?.owner ?? opts.owner,
    now: s.clock(), previousChannels: previous?.channels, channelId: newChannelId,
  });
  // An address that clicked "unsubscribe" stays unsubscribed when the subscription is saved again (consent).
  // A disabled webhook stays disabled (its URL may change): only enableChannel re-enables it, because the
  // owner must then say what happens to its held deliveries.
  const channels = built.channels.map((c) => {
    const old = previous?.channels.find((p) => p.id === c.id);
    if (c.type === 'webhook' && old?.type === 'webhook' && old.disabled) return { ...c, disabled: true, disabledReason: old.disabledReason };
    return c.type === 'email' && old?.type === 'email' && old.address === c.address && old.unsubscribed ? { ...c, unsubscribed: true } : c;
  });
  const subscription = { ...built, channels, createdAt: previous?.createdAt ?? built.createdAt };
  await s.subscriptions.put(subscription);
  const removed = (previous?.channels ?? []).filter((c) => !subscription.channels.some((x) => x.id === c.id)).map((c) => c.id);
  if (removed.length > 0) await discardHeldOf(s, subscription.id, removed, 'channel removed from its subscription');
  const secrets: NewSecret[] = [];
  for (const c of subscription.channels) {
    if (c.type !== 'webhook' || (await s.subscriptions.getSecrets(subscription.id, c.id))) continue;
    const secret = generateWebhookSecret();
    await s.subscriptions.setSecret(subscription.id, c.id, secret);
    secrets.push({ channelId: c.id, secret });
  }
  return { subscription, secrets };
}

export async function rotateWebhookSecret(s: Services, sub: Subscription, channelId?: string): Promise<{ channelId: string; secret: string; previousUntil: string }> {
  const channel = sub.channels.find((c) => c.type === 'webhook' && (!channelId || c.id === channelId));
  if (!channel) throw new VigieError('NOT_FOUND', 'subscriptions', `no webhook channel${channelId ? ` ${channelId}` : ''} on ${sub.id}`);
  const secret = generateWebhookSecret();
  const until = new Date(s.clock().getTime() + ROTATION_OVERLAP_MS);
  await s.subscriptions.rotateSecret(sub.id, channel.id, secret, until);
  return { channelId: channel.id, secret, previousUntil: until.toISOString() };
}
