// Answers a hub's verification of intent for a source's callback (WebSub §5.3): confirms only what
// vigie asked for, then records the lease, slows polling to the safety interval and books the renewal
// (a delayed `websub` job) and the lease-end check. An unsubscribe confirmed forgets the push state.
import { checkIntent, type IntentVerdict } from '../core/websub/check-intent.js';
import { leaseEnd, renewalAt } from '../core/websub/lease-renewal.js';
import { JOB_OPTIONS, safeJobId } from '../adapters/queue/queues.js';
import type { Services } from '../runtime/create-services.js';
import { scheduleSource } from './apply-config.js';
import { enqueueHubRequest } from './websub-subscribe.js';

export type VerifyAnswer = { status: 200; challenge: string } | { status: 204 } | { status: 404; reason: string };

export async function verifyIntent(s: Services, sourceId: string, query: Record<string, unknown>): Promise<VerifyAnswer> {
  const state = await s.push.get(sourceId);
  const verdict: IntentVerdict = checkIntent(query, state && { mode: state.wanted, topic: state.topic });
  const mode = typeof query['hub.mode'] === 'string' ? query['hub.mode'] : 'none';
  s.metrics.websubVerifications.inc({ mode: ['subscribe', 'unsubscribe', 'denied'].includes(mode) ? mode : 'other', verdict: verdict.kind });
  if (verdict.kind === 'refuse') {
    s.log.warn({ event: 'websub.verify.refused', sourceId, mode }, verdict.reason);
    return { status: 404, reason: verdict.reason };
  }
  const now = s.clock();
  if (verdict.kind === 'denied') {
    await s.push.markDenied(sourceId, verdict.reason);
    await reschedule(s, sourceId);
    s.log.warn({ event: 'websub.denied', sourceId }, `hub denied the subscription: ${verdict.reason}`);
    return { status: 204 };
  }
  if (verdict.mode === 'unsubscribe') {
    await s.push.remove(sourceId);
    await reschedule(s, sourceId);
    s.log.info({ event: 'websub.unsubscribed', sourceId }, 'hub confirmed the unsubscribe');
    return { status: 200, challenge: verdict.challenge };
  }
  const lease = verdict.leaseSeconds ?? s.env.VIGIE_WEBSUB_LEASE_SECONDS;
  const until = leaseEnd(now, lease);
  await s.push.markVerified(sourceId, now, lease, until);
  await reschedule(s, sourceId);
  // Job ids carry the lease end, so a hub verifying twice books one renewal per lease.
  const renewIn = Math.max(0, renewalAt(now, lease).getTime() - now.getTime());
  await enqueueHubRequest(s, sourceId, 'subscribe', renewIn, `websub-renew-${sourceId}-${until.getTime()}`);
  await s.queues.websub.add('lease-end', { sourceId, mode: 'lease-end' },
    { ...JOB_OPTIONS.websub, delay: until.getTime() - now.getTime(), jobId: safeJobId(`websub-lease-end-${sourceId}-${until.getTime()}`) });
  s.log.info({ event: 'websub.subscribed', sourceId, leaseSeconds: lease, leaseUntil: until.toISOString() }, 'hub confirmed the subscription');
  return { status: 200, challenge: verdict.challenge };
}

/** Puts the source's poll interval in line with its push state (a removed source has no schedule). */
async function reschedule(s: Services, sourceId: string): Promise<void> {
  const source = await s.sources.get(sourceId);
  if (source) await scheduleSource(s, source);
}
