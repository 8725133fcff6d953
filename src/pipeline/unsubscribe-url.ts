// The one-click unsubscribe link of an email channel, signed with the deployment's key: one builder
// for alert emails and the owner's notices.
import { signUnsubscribe } from '../core/deliver/unsubscribe-token.js';
import type { Services } from '../runtime/create-services.js';

export async function unsubscribeUrl(s: Services, subscriptionId: string, channelId: string): Promise<string> {
  const token = signUnsubscribe({ subscriptionId, channelId }, await s.signingKey());
  return `${s.env.VIGIE_PUBLIC_URL.replace(/\/+$/, '')}/v1/unsubscribe/${token}`;
}
