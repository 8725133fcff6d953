// What adaptive polling and source-health alerts keep per source: the health record admins were told
// of (changed only by compare-and-set, so one transition is made once), the publish times of its items
// (a capped sorted set) and the interval it is polled at now, with why. No rule lives here.
import type { RedisClient } from './connect-redis.js';
import type { Keys } from './keys.js';
import type { HealthRecord } from '../../core/health/next-health.js';
import type { IntervalRule, PollPacing } from '../../core/poll/choose-poll-interval.js';

/** Publish times kept per source: enough to read a rate and the longest gap, small enough to ignore. */
export const PUBLISHED_KEEP = 200;

// Replace the record only if it is still the one the caller judged (same `since`, '' for none).
const TRANSITION_LUA = `
local since = redis.call('HGET', KEYS[1], 'since') or ''
if since ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
return 1
`;

export interface StoredPacing extends PollPacing {
  /** The interval the poll schedule runs at (adaptive sources are rescheduled only on a real change). */
  scheduledSeconds?: number;
  at: string;
}

export interface PublishedEntry { member: string; at: number }

type ScriptedRedis = RedisClient & { vigieHealthTransition(key: string, ...args: string[]): Promise<number> };

export function createSourceHealthStore(redis: RedisClient, keys: Keys) {
  redis.defineCommand('vigieHealthTransition', { numberOfKeys: 1, lua: TRANSITION_LUA });
  const scripted = redis as ScriptedRedis;
  return {
    async getHealth(id: string): Promise<HealthRecord | undefined> {
      const h = await redis.hgetall(keys.sourceHealth(id));
      if (!h.status || !h.since) return undefined;
      return { status: h.status as HealthRecord['status'], since: h.since,
        ...(h.reason ? { reason: h.reason as HealthRecord['reason'] } : {}), ...(h.detail ? { detail: h.detail } : {}) };
    },
    /** Stores `next` if the record is still the one that began at `fromSince`; true when this call changed it. */
    async transition(id: string, fromSince: string | undefined, next: HealthRecord): Promise<boolean> {
      const fields = Object.entries(next).filter(([, v]) => v !== undefined).flatMap(([k, v]) => [k, String(v)]);
      return Number(await scripted.vigieHealthTransition(keys.sourceHealth(id), fromSince ?? '', ...fields)) === 1;
    },
    async addPublished(id: string, entries: PublishedEntry[]): Promise<void> {
      if (entries.length === 0) return;
      const key = keys.sourcePublished(id);
      await redis.multi().zadd(key, ...entries.flatMap((e) => [e.at, e.member])).zremrangebyrank(key, 0, String(-(PUBLISHED_KEEP + 1))).exec();
    },
    /** Publish times (epoch ms), oldest first. */
    async published(id: string): Promise<number[]> {
      const raw = await redis.zrange(keys.sourcePublished(id), '0', '-1', 'WITHSCORES');
      return raw.filter((_, i) => i % 2 === 1).map(Number);
    },
    async getPacing(id: string): Promise<StoredPacing | undefined> {
      const h = await redis.hgetall(keys.sourcePacing(id));
      if (!h.seconds || !h.at) return undefined;
      return { seconds: Number(h.seconds), rule: h.rule as IntervalRule, reason: h.reason ?? '', at: h.at,
        ...(h.scheduledSeconds ? { scheduledSeconds: Number(h.scheduledSeconds) } : {}) };
    },
    async setPacing(id: string, p: StoredPacing): Promise<void> {
      const fields: Record<string, string> = { seconds: String(p.seconds), rule: p.rule, reason: p.reason, at: p.at };
      if (p.scheduledSeconds !== undefined) fields.scheduledSeconds = String(p.scheduledSeconds);
      await redis.multi().del(keys.sourcePacing(id)).hset(keys.sourcePacing(id), fields).exec();
    },
  };
}

export type SourceHealthStore = ReturnType<typeof createSourceHealthStore>;
