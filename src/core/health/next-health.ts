// A source's health as admins are told of it: healthy, or unhealthy because it keeps failing or has
// been silent beyond its expected period. Given the stored record and what was just observed, returns
// the next record and the one event to send, only when the state changes (no flood). Pure.
import { shortHash } from '../ids/article-id.js';
import { formatDuration } from '../render/format-duration.js';
import type { ExpectedPeriod } from './expected-period.js';

export type HealthStatus = 'healthy' | 'unhealthy';
export type UnhealthyReason = 'failing' | 'silent';

export interface HealthRecord {
  status: HealthStatus;
  /** When the source entered this status (ISO time). */
  since: string;
  reason?: UnhealthyReason;
  detail?: string;
}

export interface HealthObservation {
  now: Date;
  consecutiveFailures: number;
  lastErrorCode?: string;
  /** Epoch ms of the newest item seen (its publish date, or when it was first seen). */
  newestPublishedAt?: number;
  expected?: ExpectedPeriod;
}

export type HealthEventType = 'source.unhealthy' | 'source.recovered';

export interface HealthEvent {
  /** Deterministic: the same transition reviewed twice (a crash, a race) carries the same id. */
  id: string;
  type: HealthEventType;
  sourceId: string;
  at: string;
  reason?: UnhealthyReason;
  detail: string;
  /** When the state this event ends began: how long the source was unhealthy, for a recovery. */
  previousSince: string;
}

/** Failed polls in a row before a source is unhealthy (one or two are routine on the web). */
export const FAILURES_BEFORE_UNHEALTHY = 3;

function judge(obs: HealthObservation): { reason: UnhealthyReason; detail: string } | undefined {
  if (obs.consecutiveFailures >= FAILURES_BEFORE_UNHEALTHY) {
    return { reason: 'failing', detail: `${obs.consecutiveFailures} failed polls in a row${obs.lastErrorCode ? ` (last error ${obs.lastErrorCode})` : ''}` };
  }
  // A source that fails only sometimes is still answering: silence is judged on what it publishes.
  if (obs.expected && obs.newestPublishedAt !== undefined) {
    const quiet = obs.now.getTime() - obs.newestPublishedAt;
    if (quiet > obs.expected.ms) {
      return { reason: 'silent', detail: `no new item for ${formatDuration(quiet)}; expected one every ${formatDuration(obs.expected.ms)}${obs.expected.learned ? ' (learned)' : ''}` };
    }
  }
  return undefined;
}

/** A failing source recovers on its first good poll; until then a failure or two more changes nothing. */
function stillUnhealthy(current: HealthRecord, obs: HealthObservation, verdict: ReturnType<typeof judge>): boolean {
  if (verdict) return true;
  return current.reason === 'failing' && obs.consecutiveFailures > 0;
}

export function healthEventId(sourceId: string, previousSince: string, type: HealthEventType): string {
  return `hev_${shortHash('source-health', sourceId, previousSince, type)}`;
}

export function nextHealth(sourceId: string, current: HealthRecord | undefined, obs: HealthObservation): { next: HealthRecord; event?: HealthEvent } {
  const at = obs.now.toISOString();
  const verdict = judge(obs);
  const was: HealthRecord = current ?? { status: 'healthy', since: at };
  if (was.status === 'healthy') {
    if (!verdict) return { next: was };
    const next: HealthRecord = { status: 'unhealthy', since: at, ...verdict };
    return { next, event: { id: healthEventId(sourceId, was.since, 'source.unhealthy'), type: 'source.unhealthy', sourceId, at, ...verdict, previousSince: was.since } };
  }
  if (stillUnhealthy(was, obs, verdict)) {
    // The cause may change while unhealthy (failing, then silent): shown, but not a new event.
    return { next: verdict && verdict.reason !== was.reason ? { ...was, ...verdict } : was };
  }
  const detail = `healthy again after ${formatDuration(obs.now.getTime() - Date.parse(was.since))} (${was.reason ?? 'unhealthy'})`;
  return {
    next: { status: 'healthy', since: at },
    event: { id: healthEventId(sourceId, was.since, 'source.recovered'), type: 'source.recovered', sourceId, at, ...(was.reason ? { reason: was.reason } : {}), detail, previousSince: was.since },
  };
}
