// Sends one webhook attempt through the outbound gate: signs at send time (Standard Webhooks v1),
// never follows a redirect, reads at most 64 KiB of the answer, and maps every result to an outcome.
// It does not schedule retries or store anything: the deliver job does, from the returned outcome.
import { performance } from 'node:perf_hooks';
import { signWebhook } from '../../core/deliver/sign-webhook.js';
import { parseRetryAfter } from '../../core/deliver/parse-retry-after.js';
import {
  classifyWebhookResponse,
  type WebhookOutcome,
} from '../../core/deliver/classify-webhook-response.js';
import { isVigieError } from '../../core/errors/vigie-error.js';
import { CAPS, type SafeFetcher } from '../http/safe-fetch.js';

/** Spec: 15 to 30 s; Svix counts success only within 15 s. */
export const WEBHOOK_TIMEOUT_MS = 15_000;
const USER_AGENT = 'vigie-webhook/1 (+https://www.standardwebhooks.com/)';

/** The part of the outbound gate this adapter uses (a test may pass a gate with its own allowlist). */
export type WebhookFetcher = Pick<SafeFetcher, 'fetch'>;

export interface PostWebhookRequest {
  url: string;
  /** The delivery id: the `webhook-id`, identical on every attempt of this delivery. */
  deliveryId: string;
  /** Exact JSON text to send; signed as is. */
  body: string;
  /** `whsec_...` secrets that sign now (two during a rotation overlap). */
  secrets: string[];
  /** The attempt's time: its unix seconds become `webhook-timestamp`. */
  now: Date;
  timeoutMs?: number;
  maxResponseBytes?: number;
}

export interface WebhookAttempt {
  outcome: WebhookOutcome;
  statusCode?: number;
  reason: string;
  retryAfterMs?: number;
  durationMs: number;
}

export async function postWebhook(fetcher: WebhookFetcher, req: PostWebhookRequest): Promise<WebhookAttempt> {
  const started = performance.now();
  const timestamp = Math.floor(req.now.getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'webhook-id': req.deliveryId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook({ id: req.deliveryId, timestamp, body: req.body, secrets: req.secrets }),
  };
  const timeoutMs = req.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const res = await fetcher.fetch(req.url, {
      method: 'POST',
      headers,
      body: req.body,
      // Svix keeps 20 000 bytes of an answer; we read at most 64 KiB and drop it.
      maxBytes: req.maxResponseBytes ?? CAPS.webhookResponseBytes,
      maxRedirects: 0, // spec: 3xx is a failure and is never followed
      totalTimeoutMs: timeoutMs,
      connectTimeoutMs: Math.min(10_000, timeoutMs),
    });
    return fromStatus(res.status, headerValue(res.headers, 'retry-after'), req.now, elapsed());
  } catch (err) {
    // A gate error that still knows the status (an over-long body after a 2xx, a refused redirect)
    // is judged by that status: a 200 with a 1 GB body was accepted by the receiver.
    const status = statusOf(err);
    if (status !== undefined) return fromStatus(status, retryAfterOf(err), req.now, elapsed());
    return { ...classifyWebhookResponse({ error: err }), durationMs: elapsed() };
  }
}

function fromStatus(status: number, retryAfter: string | undefined, now: Date, durationMs: number): WebhookAttempt {
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  const c = classifyWebhookResponse(retryAfterMs === undefined ? { status } : { status, retryAfterMs });
  return { ...c, statusCode: status, durationMs };
}

function statusOf(err: unknown): number | undefined {
  if (!isVigieError(err)) return undefined;
  const s = err.details['status'] ?? err.details['statusCode'];
  return typeof s === 'number' && Number.isInteger(s) ? s : undefined;
}

function retryAfterOf(err: unknown): string | undefined {
  if (!isVigieError(err)) return undefined;
  const v = err.details['retryAfter'] ?? headerValue(err.details['headers'], 'retry-after');
  return typeof v === 'string' ? v : undefined;
}

/** Reads one header from a Fetch `Headers`, a node-style record (string | string[]), or nothing. */
function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const v = (headers as { get(n: string): string | null }).get(name);
    return v ?? undefined;
  }
  const record = headers as Record<string, unknown>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const v = key === undefined ? undefined : record[key];
  if (typeof v === 'string') return v;
  return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}
