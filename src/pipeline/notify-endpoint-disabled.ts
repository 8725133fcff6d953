// Tells a subscription's owner that a webhook endpoint was disabled and its alerts are held: by email to
// the owner's email channel when they have one (this subscription's first, else another of theirs), and
// always as an admin-visible event. A failed notice is logged; it never fails the delivery that caused it.
import { unsubscribeUrl } from './unsubscribe-url.js';
import { renderEndpointDisabledEmail } from '../core/render/endpoint-disabled-email.js';
import type { Channel, Subscription } from '../core/model/subscription.js';
import { sendEmail } from '../adapters/smtp/send-email.js';
import type { Services } from '../runtime/create-services.js';

type EmailChannel = Extract<Channel, { type: 'email' }>;

async function ownerMailbox(s: Services, sub: Subscription): Promise<{ sub: Subscription; channel: EmailChannel } | undefined> {
  const usable = (x: Subscription) => x.channels.find((c): c is EmailChannel => c.type === 'email' && !c.unsubscribed);
  const own = usable(sub);
  if (own) return { sub, channel: own };
  for (const other of await s.subscriptions.list(sub.owner)) {
    const channel = usable(other);
    if (channel) return { sub: other, channel };
  }
  return undefined;
}

async function emailNotice(s: Services, sub: Subscription, channelId: string, endpointUrl: string, reason: string, at: Date): Promise<string | undefined> {
  const box = await ownerMailbox(s, sub);
  if (!box || !s.mailer) return undefined;
  const base = s.env.VIGIE_PUBLIC_URL.replace(/\/+$/, '');
  const message = renderEndpointDisabledEmail({
    subscription: sub, channelId, endpointUrl, reason, apiBase: base, domain: s.mailDomain,
    unsubscribeUrl: await unsubscribeUrl(s, box.sub.id, box.channel.id), deliveryId: `notice_${channelId}_${at.getTime()}`,
  });
  try {
    await sendEmail(s.mailer, { from: s.env.SMTP_FROM, to: box.channel.address, message });
    return `email:${box.channel.address}`;
  } catch (err) {
    s.log.error({ event: 'webhook.endpoint.notice_failed', subscriptionId: sub.id, channelId, err: String(err) }, 'could not email the owner');
    return undefined;
  }
}

export async function notifyEndpointDisabled(s: Services, sub: Subscription, channelId: string, endpointUrl: string, reason: string): Promise<void> {
  const at = s.clock();
  const notified = await emailNotice(s, sub, channelId, endpointUrl, reason, at);
  await s.events.record({ at: at.toISOString(), event: 'webhook.endpoint.disabled', message: reason, subscriptionId: sub.id, channelId, owner: sub.owner, notified });
  s.log.warn({ event: 'webhook.endpoint.disabled', subscriptionId: sub.id, channelId, owner: sub.owner, notified }, reason);
}
