// One round of an alert's update (a delayed job): fold what later articles reported into what the
// subscriber was told, freeze the update, make one delivery per channel that had the alert, commit the
// new told state, and schedule the next round if more came meanwhile. Safe to run twice: a round ends
// once, the update is frozen before its deliveries exist, and delivery ids are deterministic.
import { planUpdate } from '../core/updates/plan-update.js';
import { planUpdateDeliveries } from '../core/updates/plan-update-deliveries.js';
import { deliveryId } from '../core/deliver/delivery-ids.js';
import { eventFacts } from '../core/events/diff-event.js';
import type { AlertUpdate } from '../core/model/alert-update.js';
import type { Alert, DeliveryStatus } from '../core/model/alert.js';
import { JOB_OPTIONS, updateJobId } from '../adapters/queue/queues.js';
import type { Services } from '../runtime/create-services.js';

export type UpdateOutcome =
  | { status: 'stale' | 'expired' | 'nothing-new' }
  | { status: 'sent'; seq: number; deliveries: number };

/**
 * Queues round `round` of an alert's update, a whole interval from now (what comes meanwhile goes out
 * with it); its job id makes a second call for the same round a no-op. Round 0: nothing to schedule.
 */
export async function scheduleUpdateRound(s: Services, alertId: string, round: number): Promise<void> {
  if (round <= 0) return;
  await s.queues.update.add('update', { alertId, round },
    { ...JOB_OPTIONS.update, jobId: updateJobId(alertId, round), delay: s.env.VIGIE_UPDATE_MIN_INTERVAL * 1000 });
}

/** Creates and queues the update's deliveries; returns how many were made (held ones included). */
async function deliverUpdate(s: Services, alert: Alert, update: AlertUpdate): Promise<number> {
  const sub = await s.subscriptions.get(alert.subscriptionId);
  if (!sub) return 0;
  const statuses = new Map<string, DeliveryStatus | undefined>(await Promise.all(sub.channels.map(async (c) =>
    [c.id, (await s.alerts.getDelivery(deliveryId(sub.id, alert.storyId, c.id)))?.status] as const)));
  const deliveries = planUpdateDeliveries({ subscription: sub, alertId: alert.id, storyId: alert.storyId, seq: update.seq, alertDelivery: (id) => statuses.get(id) });
  for (const d of deliveries) {
    await s.alerts.createDelivery(d, s.clock());
    if (d.status === 'pending') await s.queues.deliver.add('deliver', { deliveryId: d.id }, { ...JOB_OPTIONS.deliver, jobId: d.id });
  }
  return deliveries.length;
}

export async function sendUpdate(s: Services, alertId: string, round: number): Promise<UpdateOutcome> {
  const state = await s.updates.read(alertId);
  if (state.scheduled !== round) return { status: 'stale' };
  const alert = await s.alerts.getAlert(alertId);
  const told = state.told ?? eventFacts(alert?.events?.[0]);
  if (!alert) {
    await s.updates.finishRound(alertId, round, state.observations.length, state.seq, undefined);
    return { status: 'expired' };
  }
  const planned = planUpdate({ alert, told, seq: state.seq, observations: state.observations, now: s.clock() });
  // A first run that crashed after freezing its update: this run sends the same one.
  const update = (await s.updates.get(alertId, state.seq + 1)) ?? (planned ? await s.updates.freeze(planned) : undefined);
  if (!update) {
    await scheduleUpdateRound(s, alertId, await s.updates.finishRound(alertId, round, state.observations.length, state.seq, undefined));
    s.log.debug({ event: 'alert.update.nothing', alertId, round }, 'nothing new to tell');
    return { status: 'nothing-new' };
  }
  const made = await deliverUpdate(s, alert, update);
  await scheduleUpdateRound(s, alertId, await s.updates.finishRound(alertId, round, update.consumed, state.seq, update.event));
  s.log.info({ event: 'alert.update.made', alertId, seq: update.seq, changes: update.changes.map((c) => c.field), deliveries: made }, 'alert update made');
  return { status: 'sent', seq: update.seq, deliveries: made };
}
