// Reads what one delivery attempt needs: the delivery, its subscription and alerts, the channel's
// webhook secrets, and each alert's article card with its source's name; with the ids a job carries, in one
// round trip that may also take the status lock. Reads only: every decision stays in deliver-alert.ts.
import type { Alert, Delivery, DeliveryRefs } from '../core/model/alert.js';
import type { ArticleCard } from '../core/model/article-card.js';
import type { Subscription, WebhookSecrets } from '../core/model/subscription.js';
import type { EmailAlertItem } from '../core/render/email-alert-block.js';
import type { ClaimResult, OpenedDelivery } from '../adapters/redis/alert-store.js';
import type { Services } from '../runtime/create-services.js';
import { ADMIN_SUBSCRIPTION_ID } from '../core/deliver/admin-channels.js';

export interface DeliveryReads {
  /** As it was before any claim made here. */
  delivery: Delivery | undefined;
  subscription: Subscription | undefined;
  alerts: Alert[];
  secrets: WebhookSecrets | undefined;
  /** The alerts whose article is still stored, with its source's name. */
  items: EmailAlertItem[];
  /** The claim made with the reads, if one was asked for and the delivery could be sent as read. */
  claim: ClaimResult | undefined;
}

const SETTLED = new Set(['submitted', 'dead', 'discarded']);

/**
 * With the ids the job carries (`refs`), one script call reads everything and, given `claim`, takes the
 * status lock too. Without them (releases, replays, digests, admin events) the delivery is read first and
 * the rest follows from it; a settled or admin delivery reads nothing more. Refs that disagree with the
 * records (they should not: they are fixed when the delivery is made) are not trusted: the rest is read
 * again from the delivery.
 */
export async function readDelivery(s: Services, deliveryId: string, refs?: DeliveryRefs, claim?: { now: Date; staleMs: number }): Promise<DeliveryReads> {
  if (!refs) {
    const delivery = await s.alerts.getDelivery(deliveryId);
    return delivery ? readFrom(s, delivery) : { ...NOTHING, delivery };
  }
  const opened = await s.alerts.open(deliveryId, refs, claim);
  const reads = fromOpened(opened, refs);
  if (reads) return reads;
  return opened.delivery ? { ...(await readFrom(s, opened.delivery)), claim: opened.claim } : { ...NOTHING, claim: opened.claim };
}

const NOTHING: DeliveryReads = { delivery: undefined, subscription: undefined, alerts: [], secrets: undefined, items: [], claim: undefined };

function fromOpened(o: OpenedDelivery, refs: DeliveryRefs): DeliveryReads | undefined {
  const { delivery, alert, article } = o;
  const agrees = delivery !== undefined && delivery.digestAlertIds === undefined && delivery.alertId === refs.alertId
    && delivery.subscriptionId === refs.subscriptionId && delivery.channelId === refs.channelId
    && (alert === undefined || alert.articleId === refs.articleId) && (article === undefined || article.sourceId === refs.sourceId);
  if (!agrees) return undefined;
  const items = alert && article ? [{ alert, article, sourceName: o.source?.name ?? article.sourceId }] : [];
  return { delivery, subscription: o.subscription, alerts: alert ? [alert] : [], secrets: o.secrets, items, claim: o.claim };
}

async function readFrom(s: Services, delivery: Delivery): Promise<DeliveryReads> {
  if (SETTLED.has(delivery.status) || delivery.subscriptionId === ADMIN_SUBSCRIPTION_ID) return { ...NOTHING, delivery };
  const [subscription, alerts, secrets] = await Promise.all([s.subscriptions.get(delivery.subscriptionId),
    s.alerts.getAlerts(delivery.digestAlertIds ?? [delivery.alertId]), s.subscriptions.getSecrets(delivery.subscriptionId, delivery.channelId)]);
  return { delivery, subscription, alerts, secrets, items: await loadItems(s, alerts), claim: undefined };
}

/**
 * The name of each article's source (its id when the source is gone); independent reads in parallel,
 * so they share round trips. Also what an update's delivery shows (deliver-update.ts).
 */
export async function sourceNames(s: Services, articles: readonly ArticleCard[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all([...new Set(articles.map((a) => a.sourceId))].map(async (id) => names.set(id, (await s.sources.get(id))?.name ?? id)));
  return names;
}

/** Each alert's article (its card: no renderer reads the text) and its source's name. */
async function loadItems(s: Services, alerts: Alert[]): Promise<EmailAlertItem[]> {
  const articles = await s.articles.getCards(alerts.map((a) => a.articleId));
  const byId = new Map(articles.map((a) => [a.id, a] as const));
  const sources = await sourceNames(s, articles);
  return alerts.flatMap((alert) => {
    const article = byId.get(alert.articleId);
    return article ? [{ alert, article, sourceName: sources.get(article.sourceId) ?? article.sourceId }] : [];
  });
}
