// Routing, the stateful part: evaluate every subscription's rule over the article's matched entities
// (one inverted-index pass), then create alerts and deliveries (deterministic ids, created once) and
// enqueue immediate deliveries. A story already alerted to a subscription only gets the article attached.
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

export interface RouteInput { article: Article; entityIds: string[]; storyId: string; explanations: MatchExplanation[]; events?: ArticleEvent[]; entities: EntitySnapshot }
export interface RouteOutcome { fired: number; alertsCreated: number; attached: number; deliveriesQueued: number }

/**
 * The rule snapshot may predate a re-enable whose sweep of held deliveries ran before this one was
 * created: read the channel again so such a delivery is queued, not left held on an enabled channel.
 */
async function reenabledMeanwhile(s: Services, subscriptionId: string, channelId: string): Promise<boolean> {
  const channel = (await s.subscriptions.get(subscriptionId))?.channels.find((c) => c.id === channelId);
  return channel?.type === 'webhook' && !channel.disabled;
}

export async function routeArticle(s: Services, input: RouteInput): Promise<RouteOutcome> {
  const { article, entityIds, storyId, explanations, events, entities } = input;
  const rules = await s.rules.current(entities);
  const doc = { title: article.title, summary: article.summary, text: article.text };
  const screened = screenRules(rules.rules, { entityIds, doc, lang: article.lang, sourceId: article.sourceId, events });
  // Keyword queries read the whole text: a long one is indexed on the analysis pool, not on the event loop.
  const verdicts = await s.analysis.evaluateQueries({ doc, queries: screened.withQuery.map((r) => r.query!), events });
  const fired = firedIds([...screened.fired, ...screened.withQuery.filter((_, i) => verdicts[i])]);
  const subs = fired.map((id) => rules.subscriptions.get(id)).filter((x) => x !== undefined);
  const plans = planAlerts({ storyId, articleId: article.id, subscriptions: subs, events, now: s.clock(),
    explain: (sub) => explainForSubscription(sub, explanations, (id) => entities.graph.expand(id)) });
  const outcome: RouteOutcome = { fired: fired.length, alertsCreated: 0, attached: 0, deliveriesQueued: 0 };
  for (const plan of plans) {
    const created = await s.alerts.createAlert(plan.alert);
    const step = created ? 'create' : alertStep(await s.alerts.getAlert(plan.alert.id), article.id);
    if (step === 'attach') {
      // A later copy of a story already sent to this subscription: listed on the alert, not re-sent.
      await s.alerts.attachRelated(plan.alert.id, article.id);
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
      await s.queues.deliver.add('deliver', { deliveryId: delivery.id }, { ...JOB_OPTIONS.deliver, jobId: delivery.id });
      outcome.deliveriesQueued += 1;
    }
    s.metrics.alerts.inc();
  }
  return outcome;
}
