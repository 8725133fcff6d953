// The digest job: for every email channel of the given mode with alerts waiting, make one digest
// delivery for the current period (id from subscription, channel and period start, so a re-run of
// the same period changes nothing) and queue it.
import { deliveryId } from '../core/deliver/delivery-ids.js';
import { JOB_OPTIONS } from '../adapters/queue/queues.js';
import type { Services } from '../runtime/create-services.js';

export function periodStart(now: Date, mode: 'hourly' | 'daily'): string {
  const d = new Date(now);
  d.setUTCMinutes(0, 0, 0);
  if (mode === 'daily') d.setUTCHours(0);
  return d.toISOString();
}

export async function runDigests(s: Services, mode: 'hourly' | 'daily'): Promise<{ queued: number }> {
  const now = s.clock();
  const period = periodStart(now, mode);
  let queued = 0;
  for (const { subscriptionId, channelId } of await s.digests.channels(mode)) {
    const sub = await s.subscriptions.get(subscriptionId);
    const channel = sub?.channels.find((c) => c.id === channelId);
    if (!sub || !channel || channel.type !== 'email' || channel.mode !== mode) {
      await s.digests.forget(subscriptionId, channelId, mode);
      continue;
    }
    const alertIds = await s.digests.pending(subscriptionId, channelId);
    if (alertIds.length === 0) continue;
    const id = deliveryId(subscriptionId, `digest-${mode}-${period}`, channelId);
    await s.digests.take(subscriptionId, channelId, id, alertIds, s.env.VIGIE_ARTICLE_RETENTION_DAYS * 24 * 3600);
    await s.queues.deliver.add('deliver', { deliveryId: id }, { ...JOB_OPTIONS.deliver, jobId: id });
    queued += 1;
  }
  s.log.info({ event: 'digest.run.done', mode, period, queued }, 'digests queued');
  return { queued };
}
