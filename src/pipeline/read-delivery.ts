// Reads what one delivery attempt needs, before its claim: the delivery, its subscription and alerts,
// the channel's webhook secrets, and each alert's article with its source's name. Reads only; the
// status lock and every decision stay in deliver-alert.ts.
import type { Alert, Delivery, DeliveryRefs } from '../core/model/alert.js';
import type { Subscription, WebhookSecrets } from '../core/model/subscription.js';
import type { EmailAlertItem } from '../core/render/email-alert-block.js';
import type { Services } from '../runtime/create-services.js';
import { ADMIN_SUBSCRIPTION_ID } from '../core/deliver/admin-channels.js';

export interface DeliveryReads {
  delivery: Delivery | undefined;
  subscription: Subscription | undefined;
  alerts: Alert[];
  secrets: WebhookSecrets | undefined;
  /** The alerts whose article is still stored, with its source's name. */
  items: EmailAlertItem[];
}

const SETTLED = new Set(['submitted', 'dead', 'discarded']);

/**
 * With the ids the job carries, every read is issued in the same tick: the state connection's
 * auto-pipelining sends them in one round trip. Without them, or when they disagree with the records
 * (they should not: they are fixed when the delivery is made), the delivery is read first and the rest
 * follows from it; a settled or admin delivery reads nothing more.
 */
export async function readDelivery(s: Services, deliveryId: string, refs?: DeliveryRefs): Promise<DeliveryReads> {
  const fast = refs ? await readByRefs(s, deliveryId, refs) : undefined;
  if (fast) return fast;
  const delivery = await s.alerts.getDelivery(deliveryId);
  if (!delivery || SETTLED.has(delivery.status) || delivery.subscriptionId === ADMIN_SUBSCRIPTION_ID) {
    return { delivery, subscription: undefined, alerts: [], secrets: undefined, items: [] };
  }
  const [subscription, alerts, secrets] = await Promise.all([s.subscriptions.get(delivery.subscriptionId),
    s.alerts.getAlerts(delivery.digestAlertIds ?? [delivery.alertId]), s.subscriptions.getSecrets(delivery.subscriptionId, delivery.channelId)]);
  return { delivery, subscription, alerts, secrets, items: await loadItems(s, alerts) };
}

async function readByRefs(s: Services, deliveryId: string, refs: DeliveryRefs): Promise<DeliveryReads | undefined> {
  // No await between these calls: they must leave in the same tick to share one round trip.
  const [delivery, subscription, alerts, secrets, article, source] = await Promise.all([
    s.alerts.getDelivery(deliveryId), s.subscriptions.get(refs.subscriptionId), s.alerts.getAlerts([refs.alertId]),
    s.subscriptions.getSecrets(refs.subscriptionId, refs.channelId), s.articles.get(refs.articleId), s.sources.get(refs.sourceId)]);
  const alert = alerts[0];
  const agrees = delivery !== undefined && delivery.digestAlertIds === undefined && delivery.alertId === refs.alertId
    && delivery.subscriptionId === refs.subscriptionId && delivery.channelId === refs.channelId
    && (alert === undefined || alert.articleId === refs.articleId) && (article === undefined || article.sourceId === refs.sourceId);
  if (!agrees) return undefined;
  const items = alert && article ? [{ alert, article, sourceName: source?.name ?? article.sourceId }] : [];
  return { delivery, subscription, alerts, secrets, items };
}

/** Each alert's article and its source's name; independent reads in parallel, so they share round trips. */
async function loadItems(s: Services, alerts: Alert[]): Promise<EmailAlertItem[]> {
  const articles = await s.articles.getMany(alerts.map((a) => a.articleId));
  const byId = new Map(articles.map((a) => [a.id, a] as const));
  const sources = new Map<string, string>();
  await Promise.all([...new Set(articles.map((a) => a.sourceId))].map(async (id) => sources.set(id, (await s.sources.get(id))?.name ?? id)));
  return alerts.flatMap((alert) => {
    const article = byId.get(alert.articleId);
    return article ? [{ alert, article, sourceName: sources.get(article.sourceId) ?? article.sourceId }] : [];
  });
}
