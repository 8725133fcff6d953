// Sends one delivery of an alert update (alert.updated) on its channel: a signed webhook with the same
// alert id and its own webhook-id, a Slack-style message, or an email that replies to the alert's email.
// Called by deliverAlert under the delivery's status lock; retries and outcomes are recorded there.
import { signingSecrets } from '../core/subscriptions/signing-secrets.js';
import { deliveryId } from '../core/deliver/delivery-ids.js';
import { renderWebhookUpdatePayload, type UpdateArticle } from '../core/render/webhook-update-payload.js';
import { renderSlackUpdate } from '../core/render/slack-update-message.js';
import { renderUpdateEmail } from '../core/render/update-email.js';
import type { Alert, Delivery } from '../core/model/alert.js';
import type { AlertUpdate } from '../core/model/alert-update.js';
import type { Channel, Subscription, WebhookSecrets } from '../core/model/subscription.js';
import { postWebhook } from '../adapters/webhook/post-webhook.js';
import type { Services } from '../runtime/create-services.js';
import { unsubscribeUrl } from './unsubscribe-url.js';
import { mailAttempt, type Attempt } from './delivery-attempt.js';
import { sourceNames } from './read-delivery.js';

/** The alert's first article and the articles the changes name, with their sources' names. */
async function loadArticles(s: Services, alert: Alert, update: AlertUpdate): Promise<{ first?: UpdateArticle; articles: Map<string, UpdateArticle> }> {
  const ids = [...new Set([alert.articleId, ...update.changes.map((c) => c.articleId)])];
  const found = await s.articles.getCards(ids);
  const names = await sourceNames(s, found);
  const articles = new Map(found.map((a) => [a.id, { article: a, sourceName: names.get(a.sourceId) ?? a.sourceId }] as const));
  return { first: articles.get(alert.articleId), articles };
}

/** `secrets`: the channel's webhook secrets as deliverAlert read them with the delivery. */
export async function sendUpdateDelivery(s: Services, d: Delivery, sub: Subscription, channel: Channel, alert: Alert, secrets: WebhookSecrets | undefined): Promise<Attempt> {
  const update = d.updateSeq === undefined ? undefined : await s.updates.get(alert.id, d.updateSeq);
  if (!update) return { outcome: 'failed-permanent', reason: 'update expired before delivery' };
  const { first, articles } = await loadArticles(s, alert, update);
  const now = s.clock();
  if (channel.type === 'webhook') {
    if (!secrets) return { outcome: 'failed-permanent', reason: 'webhook channel has no secret' };
    const body = channel.format === 'slack'
      ? JSON.stringify(renderSlackUpdate({ update, subscription: sub, first, articles }))
      : renderWebhookUpdatePayload({ alert, update, subscription: sub, articles, now });
    return postWebhook(s.webhookFetcher, { url: channel.url, deliveryId: d.id, body, secrets: signingSecrets(secrets, now), now, timeoutMs: s.env.VIGIE_WEBHOOK_TIMEOUT_MS });
  }
  return mailAttempt(s, channel.address, async () => renderUpdateEmail({
    subscription: sub, unsubscribeUrl: await unsubscribeUrl(s, sub.id, channel.id), deliveryId: d.id, domain: s.mailDomain,
    update, alertDeliveryId: deliveryId(sub.id, alert.storyId, channel.id), first, articles,
  }));
}
