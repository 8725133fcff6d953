// When a source may be fetched again. Servers ask for restraint through Retry-After (RFC 9110 §10.2.3),
// Cache-Control max-age (RFC 9111 §5.2.2.1) and RSS <ttl> (minutes, RSS 2.0 spec); failures back off
// exponentially. Every hint is honoured only within bounds so one server cannot silence a source for weeks.
import { parseRetryAfter } from '../deliver/parse-retry-after.js';

/** A server hint never delays a source more than this. */
export const MAX_HINT_DELAY_MS = 6 * 3600 * 1000;
/** Failure backoff cap. */
export const MAX_BACKOFF_MS = 6 * 3600 * 1000;

export interface PollHints { retryAfter?: string; cacheControl?: string; ttlSeconds?: number }

function maxAgeMs(cacheControl: string | undefined): number | undefined {
  const m = cacheControl ? /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl) : null;
  return m ? Number(m[1]) * 1000 : undefined;
}

/** The longest delay the server's hints ask for, bounded; undefined when it gave none. */
export function hintedDelayMs(now: Date, hints: PollHints): number | undefined {
  const candidates = [
    parseRetryAfter(hints.retryAfter, now),
    maxAgeMs(hints.cacheControl),
    hints.ttlSeconds !== undefined ? hints.ttlSeconds * 1000 : undefined,
  ].filter((v): v is number => v !== undefined);
  return candidates.length === 0 ? undefined : Math.min(Math.max(...candidates), MAX_HINT_DELAY_MS);
}

/** Returns the earliest next fetch time after a successful (or 304) poll, or undefined when the interval rules. */
export function notBeforeAfterSuccess(now: Date, intervalSeconds: number, hints: PollHints): Date | undefined {
  const wanted = hintedDelayMs(now, hints);
  // Hints shorter than our own interval change nothing: we never poll faster than configured.
  return wanted !== undefined && wanted > intervalSeconds * 1000 ? new Date(now.getTime() + wanted) : undefined;
}

/** Earliest next fetch after the n-th consecutive failure: interval x 2^(n-1), capped, or Retry-After if longer. */
export function notBeforeAfterFailure(now: Date, intervalSeconds: number, failures: number, retryAfter?: string): Date {
  const backoff = Math.min(intervalSeconds * 1000 * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
  const hinted = Math.min(parseRetryAfter(retryAfter, now) ?? 0, MAX_HINT_DELAY_MS);
  return new Date(now.getTime() + Math.max(backoff, hinted));
}
