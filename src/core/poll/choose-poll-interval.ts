// How often to poll a source: from how often it publishes, between a minimum and a maximum, in the
// spirit of Miniflux's entry-frequency scheduler; a server's hints (Retry-After, Cache-Control, <ttl>)
// may only slow it. Pure: the caller passes the clock and the publish history.
import { formatDuration } from '../render/format-duration.js';
import { hintedDelayMs, type PollHints } from './next-poll-delay.js';
import type { SourceConfig } from '../model/source.js';

export const DEFAULT_MIN_INTERVAL_SECONDS = 5 * 60;
export const DEFAULT_MAX_INTERVAL_SECONDS = 6 * 3600;
/** Publish times older than this say nothing about the source's rate today. */
export const RATE_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** A new interval closer than this (relative) to the scheduled one is not worth rescheduling. */
const RESCHEDULE_STEP = 0.1;

/** Why the interval is what it is: set in config, the publish rate, no recent item, or a server hint. */
export type IntervalRule = 'fixed' | 'rate' | 'quiet' | 'hint';

export interface PollPacing { seconds: number; rule: IntervalRule; reason: string }

export interface PacingInput {
  now: Date;
  /** Publish times (epoch ms) of the source's items, in any order: a capped history. */
  published: number[];
  /** An interval set in config: the publish rate is not consulted. */
  fixedSeconds?: number;
  minSeconds: number;
  maxSeconds: number;
  hints?: PollHints;
}

function fromRate(input: PacingInput): PollPacing {
  const now = input.now.getTime();
  const recent = input.published.filter((t) => t <= now && now - t <= RATE_WINDOW_MS);
  if (recent.length === 0) {
    return { seconds: input.maxSeconds, rule: 'quiet', reason: `no item in the last ${formatDuration(RATE_WINDOW_MS)}: the maximum` };
  }
  // The span runs to now, not to the newest item, so a source that has gone quiet slows down by itself.
  const span = now - Math.min(...recent);
  const gapMs = span / recent.length;
  const seconds = Math.min(input.maxSeconds, Math.max(input.minSeconds, Math.round(gapMs / 1000)));
  const bound = seconds === input.minSeconds && gapMs / 1000 < seconds ? ', held at the minimum'
    : seconds === input.maxSeconds && gapMs / 1000 > seconds ? ', held at the maximum' : '';
  return { seconds, rule: 'rate', reason: `${recent.length} item(s) in ${formatDuration(span)}: about one every ${formatDuration(gapMs)}${bound}` };
}

export function choosePollInterval(input: PacingInput): PollPacing {
  const base: PollPacing = input.fixedSeconds !== undefined
    ? { seconds: input.fixedSeconds, rule: 'fixed', reason: 'set in the source\'s config' }
    : fromRate(input);
  const hinted = input.hints ? hintedDelayMs(input.now, input.hints) : undefined;
  // Hints only ever slow a source down: a server cannot make vigie poll it faster than chosen.
  if (hinted === undefined || hinted <= base.seconds * 1000) return base;
  return { seconds: Math.ceil(hinted / 1000), rule: 'hint', reason: `the server asks for ${formatDuration(hinted)} (Retry-After, Cache-Control or <ttl>)` };
}

/** True when the chosen interval differs enough from the scheduled one to move the schedule. */
export function isIntervalChange(scheduledSeconds: number | undefined, chosenSeconds: number): boolean {
  if (scheduledSeconds === undefined) return true;
  return Math.abs(chosenSeconds - scheduledSeconds) > RESCHEDULE_STEP * scheduledSeconds;
}

/** The interval a source's schedule should run at: fixed, or the last one chosen kept within its bounds. */
export function scheduledIntervalSeconds(source: SourceConfig, chosenSeconds: number | undefined): number {
  if (source.minIntervalSeconds === undefined || source.maxIntervalSeconds === undefined) return source.intervalSeconds;
  return Math.min(source.maxIntervalSeconds, Math.max(source.minIntervalSeconds, chosenSeconds ?? source.intervalSeconds));
}
