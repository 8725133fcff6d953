// Turns one webhook attempt's result (an HTTP status, or the outbound gate's error) into what to do next.
// Pure decision table; the send itself and the scheduling live elsewhere (post-webhook, retry-schedule).
import { isVigieError } from '../errors/vigie-error.js';

export type WebhookOutcome = 'submitted' | 'retry' | 'gone' | 'failed-permanent';

export interface WebhookClassification {
  outcome: WebhookOutcome;
  /** Short machine-readable reason for the delivery log: `http_503`, `timeout`, `redirect_302_not_followed`... */
  reason: string;
  retryAfterMs?: number;
}

export type WebhookAttemptResult = { status: number; retryAfterMs?: number } | { error: unknown };

/**
 * Standard Webhooks v1: 2xx is success; 3xx is a failure and is never followed; 410 disables the endpoint;
 * 429/502/504 throttle and honour Retry-After; everything else (timeouts, resets) is a failure.
 *
 * Decisions (kept in one place, tested by table):
 * - 3xx: a failed attempt retried on the schedule like any other failure. The owner may fix the URL
 *   before the schedule runs out; following it is what we refuse (Svix `test_no_redirects_policy`).
 * - other 4xx (400, 401, 404...): retried too. The spec treats every non-2xx alike, and these are
 *   often passing misconfigurations on the receiver (a deploy, a rotated secret); a day of retries is cheap.
 * - Retry-After is passed on for any non-2xx status that carries it (429 and 503 above all).
 * - SSRF_BLOCKED, BAD_URL, UNSUPPORTED_SCHEME: permanent, retrying the same URL cannot help.
 * - TLS and DNS errors retry: certificates get renewed and records get fixed.
 */
export function classifyWebhookResponse(result: WebhookAttemptResult): WebhookClassification {
  if ('error' in result) return classifyError(result.error);
  const { status } = result;
  const retryAfter = result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs };
  if (status >= 200 && status < 300) return { outcome: 'submitted', reason: `http_${status}` };
  if (status === 410) return { outcome: 'gone', reason: 'http_410_gone' };
  if (status >= 300 && status < 400) return { outcome: 'retry', reason: `redirect_${status}_not_followed`, ...retryAfter };
  if (status === 429) return { outcome: 'retry', reason: 'http_429_throttled', ...retryAfter };
  if (status >= 100 && status < 600) return { outcome: 'retry', reason: `http_${status}`, ...retryAfter };
  return { outcome: 'retry', reason: `http_invalid_status_${status}` };
}

const ERROR_TABLE: Record<string, WebhookClassification> = {
  FETCH_TIMEOUT: { outcome: 'retry', reason: 'timeout' },
  FETCH_CONNECT: { outcome: 'retry', reason: 'connect_error' },
  TLS_ERROR: { outcome: 'retry', reason: 'tls_error' },
  DNS_ERROR: { outcome: 'retry', reason: 'dns_error' },
  SSRF_BLOCKED: { outcome: 'failed-permanent', reason: 'ssrf_blocked' },
  BAD_URL: { outcome: 'failed-permanent', reason: 'bad_url' },
  UNSUPPORTED_SCHEME: { outcome: 'failed-permanent', reason: 'unsupported_scheme' },
  // Only reached if the gate gave no status with an over-long body (see post-webhook).
  FETCH_TOO_LARGE: { outcome: 'retry', reason: 'response_too_large' },
  TOO_MANY_REDIRECTS: { outcome: 'retry', reason: 'redirect_not_followed' },
  REDIRECT_NOT_ALLOWED: { outcome: 'retry', reason: 'redirect_not_followed' },
};

function classifyError(error: unknown): WebhookClassification {
  if (isVigieError(error)) {
    const known = ERROR_TABLE[error.code];
    if (known) return { ...known };
    return { outcome: error.permanent ? 'failed-permanent' : 'retry', reason: error.code.toLowerCase() };
  }
  // Not from the gate (a bug or an unexpected library error): retry, the schedule bounds the cost.
  return { outcome: 'retry', reason: 'unexpected_error' };
}
