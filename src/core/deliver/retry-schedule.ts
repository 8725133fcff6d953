// When to try a failed webhook delivery again: a table of delays with ±20 % jitter, Retry-After honoured
// within bounds. Pure: randomness and the table are injected, so tests run the schedule in milliseconds.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Delay after attempt 1, 2, ... fails (Svix's table, `retry_schedule` in its config.default.toml):
 * 8 attempts in all, the last about 27.6 h after the first, so a receiver down for a day still gets it.
 */
export const DEFAULT_WEBHOOK_SCHEDULE_MS: readonly number[] = Object.freeze([
  5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR,
]);

export interface NextAttemptOptions {
  /** Fraction of spread around the scheduled delay (Svix `JITTER_DELTA = 0.2`). */
  jitter?: number;
  /** Returns a number in [0, 1); Math.random in production, a fixed function in tests. */
  random: () => number;
  /** The receiver's Retry-After, already converted to milliseconds (see parseRetryAfter). */
  retryAfterMs?: number;
}

/**
 * Milliseconds to wait before the next attempt, given how many attempts were already made;
 * `undefined` once the table is exhausted: the delivery is dead.
 */
export function nextAttemptDelay(
  attemptsMade: number,
  schedule: readonly number[],
  opts: NextAttemptOptions,
): number | undefined {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 0) return undefined;
  if (attemptsMade === 0) return 0; // the first attempt is immediate
  const scheduled = schedule[attemptsMade - 1];
  if (scheduled === undefined) return undefined;
  if (opts.retryAfterMs !== undefined && Number.isFinite(opts.retryAfterMs)) {
    // Svix `limit_retry_delay`: a receiver may slow us down, but not below the table (no hammering)
    // nor beyond twice the scheduled delay (no parking a delivery for ever). Its own time, no jitter.
    return Math.min(Math.max(opts.retryAfterMs, scheduled), 2 * scheduled);
  }
  const jitter = opts.jitter ?? 0.2;
  const factor = 1 + jitter * (2 * opts.random() - 1);
  return Math.max(0, Math.round(scheduled * factor));
}
