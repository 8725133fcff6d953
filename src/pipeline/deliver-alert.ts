// Hands one delivery to its channel (signed webhook or email; an alert's or an update's, deliver-update.ts), under the delivery's status lock:
// pending|failed -> sending -> submitted|failed|dead. The stored status, not the queue, is the final
// guard against a double send; a repeat after a crash carries the same webhook-id / Message-ID.
// A disabled webhook channel holds its deliveries (status held) until its owner re-enables it.
import { nextAttemptDelay } from '../core/deliver/retry-schedule.js';
import { unsubscribeUrl } from './unsubscribe-url.js';
import { signingSecrets } from '../core/subscriptions/signing-secrets.js';
import { renderWebhookPayload } from '../core/render/webhook-payload.js';
import { renderSlackMessage } from '../core/render/slack-message.js';
import { renderAlertEmail, renderDigestEmail } from '../core/render/email-message.js';
import type { EmailAlertItem } from '../core/render/email-alert-block.js';
import type { Delivery } from '../core/model/alert.js';
import type { Channel, Subscription } from '../core/model/subscription.js';
import { postWebhook } from '../adapters/webhook/post-webhook.js';
import type { Services } from '../runtime/create-services.js';
import { notifyEndpointDisabled } from './notify-endpoint-disabled.js';
import { ADMIN_SUBSCRIPTION_ID } from '../core/deliver/admin-channels.js';
import { deliverAdminEvent } from './deliver-admin-event.js';
import { sendUpdateDelivery } from './deliver-update.js';
import { mailAttempt, type Attempt } from './delivery-attempt.js';
import { readDelivery, type DeliveryReads } from './read-delivery.js';
import type { DeliverJob } from '../adapters/queue/queues.js';

export type DeliverOutcome =
  | { status: 'submitted' | 'skipped' | 'dead' | 'gone' | 'held'; reason: string }
  | { status: 'retry'; delayMs: number; reason: string }
  | { status: 'throttled' }
  | { status: 'busy' };


/**
 * Limits in-flight requests per webhook endpoint in this process, so one slow receiver cannot hold every
 * worker slot. A job waits briefly for a slot (cheap, keeps throughput to a fast receiver high); if none
 * frees up in time it gives its slot back to the queue (the worker delays the job).
 * It also remembers each channel's endpoint as last read, so a job for a known channel can take its slot
 * before the read that claims it (one round trip instead of two).
 */
export function createEndpointLimiter(limit: number) {
  const inFlight = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  const endpoints = new Map<string, string>();
  const take = (key: string) => inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
  return {
    async acquire(key: string, maxWaitMs: number): Promise<boolean> {
      if ((inFlight.get(key) ?? 0) < limit) { take(key); return true; }
      return new Promise<boolean>((resolve) => {
        const queue = waiting.get(key) ?? [];
        waiting.set(key, queue);
        const wake = () => { clearTimeout(timer); take(key); resolve(true); };
        const timer = setTimeout(() => { queue.splice(queue.indexOf(wake), 1); resolve(false); }, maxWaitMs);
        queue.push(wake);
      });
    },
    release(key: string): void {
      const n = (inFlight.get(key) ?? 1) - 1;
      if (n <= 0) inFlight.delete(key);
      else inFlight.set(key, n);
      const next = waiting.get(key)?.shift();
      if (next) next();
    },
    /** The endpoint a channel (`subscriptionId/channelId`) posted to when last read in this process. */
    endpointOf(channel: string): string | undefined {
      return endpoints.get(channel);
    },
    remember(channel: string, endpoint: string): void {
      if (endpoints.size >= 100_000) endpoints.clear(); // a bound, not a cache policy: it refills as jobs run
      endpoints.set(channel, endpoint);
    },
  };
}
export type EndpointLimiter = ReturnType<typeof createEndpointLimiter>;

async function sendWebhook(s: Services, d: Delivery, sub: Subscription, channel: Extract<Channel, { type: 'webhook' }>, reads: DeliveryReads): Promise<Attempt> {
  const item = reads.items[0];
  if (!reads.secrets) return { outcome: 'failed-permanent', reason: 'webhook channel has no secret' };
  if (!item) return { outcome: 'failed-permanent', reason: 'article expired before delivery' };
  const related = await s.articles.getCards(item.alert.relatedArticleIds); // no round trip when there are none
  const now = s.clock();
  const body = channel.format === 'slack'
    ? JSON.stringify(renderSlackMessage({ alert: item.alert, article: item.article, subscription: sub, sourceName: item.sourceName }))
    : renderWebhookPayload({ alert: item.alert, article: item.article, subscription: sub, sourceName: item.sourceName, related, now });
  return postWebhook(s.webhookFetcher, { url: channel.url, deliveryId: d.id, body, secrets: signingSecrets(reads.secrets, now), now, timeoutMs: s.env.VIGIE_WEBHOOK_TIMEOUT_MS });
}

async function sendMail(s: Services, d: Delivery, sub: Subscription, channel: Extract<Channel, { type: 'email' }>, items: EmailAlertItem[], digest: boolean): Promise<Attempt> {
  if (items.length === 0) return { outcome: 'failed-permanent', reason: 'articles expired before delivery' };
  return mailAttempt(s, channel.address, async () => {
    const envelope = { subscription: sub, unsubscribeUrl: await unsubscribeUrl(s, sub.id, channel.id), deliveryId: d.id, domain: s.mailDomain };
    return digest
      ? renderDigestEmail({ ...envelope, items, period: channel.mode === 'daily' ? 'daily' : 'hourly' })
      : renderAlertEmail({ ...envelope, ...items[0]! });
  });
}

/** Disables the endpoint (read fresh: a concurrent edit is kept) and tells the owner, once per disable. */
async function disableEndpoint(s: Services, subscriptionId: string, channelId: string, reason: string): Promise<void> {
  const sub = await s.subscriptions.get(subscriptionId);
  const channel = sub?.channels.find((c) => c.id === channelId);
  if (!sub || channel?.type !== 'webhook' || channel.disabled) return;
  await s.subscriptions.put({ ...sub, channels: sub.channels.map((c) => (c === channel ? { ...channel, disabled: true, disabledReason: reason } : c)) });
  await notifyEndpointDisabled(s, sub, channelId, channel.url, reason);
}

export async function deliverAlert(s: Services, job: DeliverJob, limiter: EndpointLimiter): Promise<DeliverOutcome> {
  const { deliveryId, refs } = job;
  const channelKey = refs ? `${refs.subscriptionId}/${refs.channelId}` : undefined;
  // A channel this process has sent to before: take its endpoint's slot first, then read and claim in one
  // round trip. A channel whose URL changed since counts against its old endpoint for this one attempt.
  let slot = channelKey === undefined ? undefined : limiter.endpointOf(channelKey);
  if (slot !== undefined && !(await limiter.acquire(slot, 1000))) return { status: 'throttled' };
  try {
    const staleMs = s.env.VIGIE_WEBHOOK_TIMEOUT_MS + 5000;
    const reads = await readDelivery(s, deliveryId, refs, slot === undefined ? undefined : { now: s.clock(), staleMs });
    const d = reads.delivery;
    if (!d) return { status: 'skipped', reason: 'delivery not found' };
    if (d.status === 'submitted' || d.status === 'dead' || d.status === 'discarded') return { status: 'skipped', reason: `already ${d.status}` };
    if (d.subscriptionId === ADMIN_SUBSCRIPTION_ID) return await deliverAdminEvent(s, d, limiter); // a source-health event
    const { subscription: sub, alerts } = reads;
    const channel = sub?.channels.find((c) => c.id === d.channelId);
    const now = s.clock();
    if (channel?.type === 'webhook' && channel.disabled && alerts.length > 0) {
      // Held, not dropped: the owner decides what happens to it when they re-enable the channel.
      const reason = channel.disabledReason ?? 'endpoint disabled';
      const held = await s.alerts.hold(deliveryId, now, reason);
      if (held === 'held') s.log.info({ event: 'alert.delivery.held', deliveryId, subscriptionId: d.subscriptionId, channelId: d.channelId }, reason);
      return { status: 'held', reason };
    }
    if (!sub || !channel || alerts.length === 0) {
      const reason = !sub ? 'subscription removed' : !channel ? 'channel removed' : 'alert expired';
      await s.alerts.finish(deliveryId, 'dead', { at: now.toISOString(), attempt: d.attempts, outcome: 'dead', reason });
      return { status: 'dead', reason };
    }
    const endpoint = channel.type === 'webhook' ? new URL(channel.url).origin : 'smtp';
    if (channelKey !== undefined) limiter.remember(channelKey, endpoint);
    let claim = reads.claim;
    if (claim === undefined) {
      if (slot !== endpoint) {
        if (slot !== undefined) limiter.release(slot);
        slot = undefined;
        if (!(await limiter.acquire(endpoint, 1000))) return { status: 'throttled' };
        slot = endpoint;
      }
      claim = await s.alerts.claim(deliveryId, now, staleMs);
    }
    if (claim === 'busy') return { status: 'busy' };
    if (claim !== 'claimed') return { status: 'skipped', reason: claim };
    const attempt = d.updateSeq !== undefined
      ? await sendUpdateDelivery(s, d, sub, channel, alerts[0]!, reads.secrets)
      : channel.type === 'webhook'
        ? await sendWebhook(s, d, sub, channel, reads)
        : await sendMail(s, d, sub, channel, reads.items, d.digestAlertIds !== undefined);
    const outcome = await recordAttempt(s, d, attempt);
    // Poll-to-delivery latency is the alert's; an update is late by design (it waits for more news).
    if (outcome.status === 'submitted' && d.updateSeq === undefined) s.metrics.latency.observe((s.clock().getTime() - Date.parse(alerts[0]!.createdAt)) / 1000);
    return outcome;
  } finally {
    if (slot !== undefined) limiter.release(slot);
  }
}

async function recordAttempt(s: Services, d: Delivery, a: Attempt): Promise<DeliverOutcome> {
  const at = s.clock().toISOString();
  const attemptNo = d.attempts + 1;
  const record = { at, attempt: attemptNo, outcome: a.outcome, statusCode: a.statusCode, reason: a.reason, durationMs: a.durationMs };
  s.metrics.deliveries.inc({ outcome: a.outcome });
  if (a.outcome === 'submitted') {
    await s.alerts.finish(d.id, 'submitted', record);
    s.log.info({ event: 'alert.delivery.submitted', deliveryId: d.id, attempt: attemptNo, statusCode: a.statusCode }, 'submitted');
    return { status: 'submitted', reason: a.reason };
  }
  if (a.outcome === 'gone') {
    // Disable first: a crash in between leaves a delivery that a retry finds on a disabled channel and holds.
    // This alert is held too: the receiver never had it, and the owner may want it once the endpoint is back.
    const reason = `endpoint answered 410 Gone at ${at}`;
    await disableEndpoint(s, d.subscriptionId, d.channelId, reason);
    await s.alerts.finish(d.id, 'held', { ...record, reason });
    return { status: 'gone', reason: a.reason };
  }
  const delay = a.outcome === 'retry' ? nextAttemptDelay(attemptNo, s.webhookSchedule, { random: Math.random, retryAfterMs: a.retryAfterMs }) : undefined;
  if (delay === undefined) {
    await s.alerts.finish(d.id, 'dead', record);
    s.log.error({ event: 'alert.delivery.dead', deliveryId: d.id, attempts: attemptNo, reason: a.reason }, 'delivery is dead');
    return { status: 'dead', reason: a.reason };
  }
  await s.alerts.finish(d.id, 'failed', record, { nextAttemptAt: new Date(Date.parse(at) + delay) });
  s.log.warn({ event: 'alert.delivery.failed', deliveryId: d.id, attempt: attemptNo, delayMs: delay, reason: a.reason }, 'will retry');
  return { status: 'retry', delayMs: delay, reason: a.reason };
}
