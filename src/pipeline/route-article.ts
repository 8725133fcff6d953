// Routing, the stateful part: evaluate every subscription's rule over the article's matched entities
// (one inverted-index pass), then create alerts and deliveries (deterministic ids, created once) and
// enqueue immediate deliveries. A story already alerted to a subscription only gets the article attached,
// and an update noted when the article adds to the event (note-update.ts).
// Deliveries to a disabled webhook channel are created held and not queued.
import { planAlerts } from '../core/route/plan-alerts.js';
import { explainForSubscription } from '../core/route/explain-for-subscription.js';
import { alertStep } from '../core/route/alert-step.js';
import { firedIds, screenRules } from '../core/match/rules/evaluate-rules.js';
import type { Article } from '../core/model/article.js';
import type { MatchExplanation } from '../core/model/alert.js';
import type { ArticleEvent } from '../core/events/event.js';
import { JOB_OPTIONS } from '../adapters/queue/queues.js';
import type { Services } from '../runtime/create-services.js';
import type { EntitySnapshot } from './entity-catalog.js';
import { noteUpdate } from './note-update.js';

export interface RouteInput { article: Article; entityIds: string[]; storyId: string; explanations: MatchExplanation[]; events?: ArticleEvent[]; entities: EntitySnapshot }
export interface RouteOutcome { fired: number; alertsCreated: number; attached: number; deliveriesQueued: number; updatesNoted: number }

/**
 * The rule snapshot may predate a re-enable whose sweep of held deliveries ran before this one was
 * created: read the channel again so such a delivery is queued, not left held on an enabled channel.
 */
async function reenabledMeanwhile(s: Services, subscriptionId: string, channelId: string): Promise<boolean> {
  const channel = (await s.subscriptions.get(subscriptionId))?.channels.find((c) => c.id === channelId);
  return channel?.type === 'webhook' && !channel.disabled;
}

/**
 * Subscriptions already alerted to this story whose rule did not fire on this article (a toll update
 * without their keyword) are still owed what it adds to the event: an update, not an attachment.
 */
async function noteUpdatesUnfired(s: Services, storyId: string, article: Article, events: ArticleEvent[] | undefined, fired: ReadonlySet<string>): Promise<number> {
  if (!events?.length) return 0;
  const others = (await s.alerts.storyAlertIds(storyId)).filter((id) => !fired.has(id));
  let noted = 0;
  for (const alert of await s.alerts.getAlerts(others)) {
    if (alert.articleId !== article.id && (await noteUpdate(s, alert, article, events))) noted += 1;
  }
  return noted;
}

export async function routeArticle(s: Services, input: RouteInput): Promise<RouteOutcome> {
  const { article, entityIds, storyId, explanations, events, entities } = input;
  const rules = await s.rules.current(entities);
  const doc = { title: article.title, summary: article.summary, text: article.text };
  const screened = screenRules(rules.rules, { entityIds, doc, lang: article.lang, sourceId: article.sourceId, events });
  // Keyword queries read the whole text: a long one is indexed on the analysis pool, not on the event loop.
  const verdicts = await s.analysis.evaluateQueries({ doc, queries: screened.queries, events });
  const fired = firedIds(screened, verdicts);
  const subs = fired.map((id) => rules.subscriptions.get(id)).filter((x) => x !== undefined);
  const plans = planAlerts({ storyId, articleId: article.id, subscriptions: subs, events, now: s.clock(),
    explain: (sub) => explainForSubscription(sub, explanations, (id) => entities.graph.expand(id)) });
  const outcome: RouteOutcome = { fired: fired.length, alertsCreated: 0, attached: 0, deliveriesQueued: 0, updatesNoted: 0 };
  for (const plan of plans) {
    const created = await s.alerts.createAlert(plan.alert);
    const kept = created ? undefined : await s.alerts.getAlert(plan.alert.id);
    const step = created ? 'create' : alertStep(kept, article.id);
    if (step === 'attach' && kept) {
      // A later copy of a story already sent to this subscription: listed on the alert, not re-sent;
      // if it raises the toll (or names the event's type), the alert's subscriber gets an update.
      await s.alerts.attachRelated(plan.alert.id, article.id);
      if (await noteUpdate(s, kept, article, events)) outcome.updatesNoted += 1;
      outcome.attached += 1;
      continue;
    }
    if (created) outcome.alertsCreated += 1;
    // Same article again (a re-run after a crash): make sure every delivery exists and is queued.
    for (const { delivery, digest } of plan.deliveries) {
      if (digest) {
        // Digest channels gather alerts; the digest job makes one delivery per channel and period.
        await s.digests.add(delivery.subscriptionId, delivery.channelId, digest, plan.alert.id, s.clock());
        continue;
      }
      await s.alerts.createDelivery(delivery, s.clock());
      if (delivery.status === 'held' && !(await reenabledMeanwhile(s, delivery.subscriptionId, delivery.channelId))) continue;
      if (delivery.status === 'held') await s.alerts.leaveHeld(delivery.id, 'pending', s.clock(), 'channel re-enabled while routing');
      const refs = { alertId: plan.alert.id, subscriptionId: delivery.subscriptionId, channelId: delivery.channelId, articleId: plan.alert.articleId, sourceId: article.sourceId };
      await s.queues.deliver.add('deliver', { deliveryId: delivery.id, refs }, { ...JOB_OPTIONS.deliver, jobId: delivery.id });
      outcome.deliveriesQueued += 1;
    }
    s.metrics.alerts.inc();
  }
  outcome.updatesNoted += await noteUpdatesUnfired(s, storyId, article, events, new Set(plans.map((p) => p.alert.id)));
  return outcome;
}
