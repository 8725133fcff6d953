// Sends one source-health event to one admin channel: the webhook signed with the admin secret
// (Standard Webhooks, as alerts), or the admin email. Same status lock and retry schedule as alerts;
// a 410 from the admin webhook is not an owner's endpoint to disable, so the delivery is dead instead.
import { nextAttemptDelay } from '../core/deliver/retry-schedule.js';
import { renderAdminEmail, renderAdminWebhook, type AdminNotice } from '../core/render/admin-notice.js';
import type { Delivery } from '../core/model/alert.js';
import { postWebhook } from '../adapters/webhook/post-webhook.js';
import { mailAttempt } from './delivery-attempt.js';
import type { Services } from '../runtime/create-services.js';
import type { EndpointLimiter } from './deliver-alert.js';

export type AdminDeliverOutcome =
  | { status: 'submitted' | 'skipped' | 'dead'; reason: string }
  | { status: 'retry'; delayMs: number; reason: string }
  | { status: 'throttled' }
  | { status: 'busy' };


type Attempt = { outcome: 'submitted' | 'retry' | 'dead'; reason: string; statusCode?: number; retryAfterMs?: number; durationMs?: number };

async function sendToWebhook(s: Services, d: Delivery, notice: AdminNotice, url: string, secret: string): Promise<Attempt> {
  const now = s.clock();
  const a = await postWebhook(s.webhookFetcher, { url, deliveryId: d.id, body: renderAdminWebhook(notice, now), secrets: [secret], now, timeoutMs: s.env.VIGIE_WEBHOOK_TIMEOUT_MS });
  return { ...a, outcome: a.outcome === 'submitted' || a.outcome === 'retry' ? a.outcome : 'dead' };
}

async function sendToMailbox(s: Services, d: Delivery, notice: AdminNotice, to: string): Promise<Attempt> {
  const a = await mailAttempt(s, to, () => renderAdminEmail(notice, { deliveryId: d.id, domain: s.mailDomain, pageUrl: `${s.env.VIGIE_PUBLIC_URL.replace(/\/+$/, '')}/` }));
  return { ...a, outcome: a.outcome === 'submitted' || a.outcome === 'retry' ? a.outcome : 'dead' };
}

async function record(s: Services, d: Delivery, a: Attempt): Promise<AdminDeliverOutcome> {
  const at = s.clock().toISOString();
  const attempt = d.attempts + 1;
  const entry = { at, attempt, outcome: a.outcome, statusCode: a.statusCode, reason: a.reason, durationMs: a.durationMs };
  s.metrics.deliveries.inc({ outcome: a.outcome });
  const delay = a.outcome === 'retry' ? nextAttemptDelay(attempt, s.webhookSchedule, { random: Math.random, retryAfterMs: a.retryAfterMs }) : undefined;
  if (a.outcome === 'submitted') {
    await s.alerts.finish(d.id, 'submitted', entry);
    s.log.info({ event: 'admin.delivery.submitted', deliveryId: d.id, channelId: d.channelId, attempt }, 'submitted');
    return { status: 'submitted', reason: a.reason };
  }
  if (delay === undefined) {
    await s.alerts.finish(d.id, 'dead', entry);
    s.log.error({ event: 'admin.delivery.dead', deliveryId: d.id, channelId: d.channelId, attempts: attempt, reason: a.reason }, 'admin notice is dead');
    return { status: 'dead', reason: a.reason };
  }
  await s.alerts.finish(d.id, 'failed', entry, { nextAttemptAt: new Date(Date.parse(at) + delay) });
  s.log.warn({ event: 'admin.delivery.failed', deliveryId: d.id, channelId: d.channelId, attempt, delayMs: delay, reason: a.reason }, 'will retry');
  return { status: 'retry', delayMs: delay, reason: a.reason };
}

export async function deliverAdminEvent(s: Services, d: Delivery, limiter: EndpointLimiter): Promise<AdminDeliverOutcome> {
  const notice = await s.adminEvents.get(d.alertId);
  const { VIGIE_ADMIN_WEBHOOK_URL: url, VIGIE_ADMIN_WEBHOOK_SECRET: secret, VIGIE_ADMIN_EMAIL: email } = s.env;
  const configured = d.channelId === 'webhook' ? Boolean(url && secret) : d.channelId === 'email' && Boolean(email);
  if (!notice || !configured) {
    const reason = !notice ? 'admin event expired' : `admin channel ${d.channelId} is no longer configured`;
    await s.alerts.finish(d.id, 'dead', { at: s.clock().toISOString(), attempt: d.attempts, outcome: 'dead', reason });
    return { status: 'dead', reason };
  }
  const endpoint = d.channelId === 'webhook' ? new URL(url!).origin : 'smtp';
  if (!(await limiter.acquire(endpoint, 1000))) return { status: 'throttled' };
  try {
    const claim = await s.alerts.claim(d.id, s.clock(), s.env.VIGIE_WEBHOOK_TIMEOUT_MS + 5000);
    if (claim === 'busy') return { status: 'busy' };
    if (claim !== 'claimed') return { status: 'skipped', reason: claim };
    const attempt = d.channelId === 'webhook' ? await sendToWebhook(s, d, notice, url!, secret!) : await sendToMailbox(s, d, notice, email!);
    return await record(s, d, attempt);
  } finally {
    limiter.release(endpoint);
  }
}
