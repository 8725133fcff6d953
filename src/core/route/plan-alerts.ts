// Routing, the pure part: from the subscriptions a story's article fired and the matches that explain
// it, plan one alert per subscription per story and one delivery per channel, with deterministic ids
// so a re-run plans exactly the same objects (and the stores create nothing new). A disabled webhook
// channel still gets its delivery, planned as held: its owner chooses its fate when re-enabling it.
import { alertId, deliveryId } from '../deliver/delivery-ids.js';
import type { Alert, Delivery, MatchExplanation } from '../model/alert.js';
import type { Subscription } from '../model/subscription.js';
import type { ArticleEvent } from '../events/event.js';

export interface PlannedDelivery { delivery: Delivery; digest?: 'hourly' | 'daily' }
export interface PlannedAlert { alert: Alert; deliveries: PlannedDelivery[] }

export interface PlanInput {
  storyId: string;
  articleId: string;
  subscriptions: Subscription[];
  /** Explanations per subscription: the matches that made its rule fire (entities in its regions/actors). */
  explain: (subscription: Subscription) => MatchExplanation[];
  /** The article's events, copied onto each alert so every channel can tell them. */
  events?: ArticleEvent[];
  now: Date;
}

export function planAlerts(input: PlanInput): PlannedAlert[] {
  return input.subscriptions.map((sub) => {
    const alert: Alert = {
      id: alertId(sub.id, input.storyId),
      subscriptionId: sub.id,
      storyId: input.storyId,
      articleId: input.articleId,
      relatedArticleIds: [],
      matches: input.explain(sub),
      ...(input.events ? { events: input.events } : {}),
      createdAt: input.now.toISOString(),
    };
    const deliveries = sub.channels
      .filter((c) => !(c.type === 'email' && c.unsubscribed))
      .map((c): PlannedDelivery => {
        const base = { id: deliveryId(sub.id, input.storyId, c.id), alertId: alert.id, subscriptionId: sub.id, channelId: c.id, attempts: 0 };
        if (c.type === 'webhook' && c.disabled) return { delivery: { ...base, status: 'held', heldReason: c.disabledReason ?? 'endpoint disabled' } };
        return { delivery: { ...base, status: 'pending' }, digest: c.type === 'email' && c.mode !== 'immediate' ? c.mode : undefined };
      });
    return { alert, deliveries };
  });
}
