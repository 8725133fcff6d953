// Alerts and deliveries in Redis. Ids are deterministic (subscription, story, channel), so creating
// them is idempotent: a re-run of the article stage finds them and creates nothing new.
// A delivery's status is the final guard against a double send (pending|failed -> sending -> submitted|dead;
// held -> pending|discarded). Three indexes follow the status: waiting (by next attempt), held, dead.
import type { RedisClient } from './connect-redis.js';
import type { Alert, Delivery, DeliveryStatus } from '../../core/model/alert.js';
import type { Keys } from './keys.js';

export interface AttemptRecord {
  at: string;
  attempt: number;
  outcome: string;
  statusCode?: number;
  reason: string;
  durationMs?: number;
}

// Claim a delivery for sending: from pending/failed, from held (a release whose status flip a crash
// cut short: the caller has checked the channel is enabled), or from sending when the previous claim is
// older than the stale limit (its worker crashed). Terminal states are never reclaimed.
const CLAIM_LUA = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'missing' end
if status == 'submitted' or status == 'dead' or status == 'discarded' then return status end
if status == 'sending' then
  local since = tonumber(redis.call('HGET', KEYS[1], 'sendingSince') or '0')
  if tonumber(ARGV[1]) - since < tonumber(ARGV[2]) then return 'busy' end
end
redis.call('HSET', KEYS[1], 'status', 'sending', 'sendingSince', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('ZREM', KEYS[2], ARGV[3])
return 'claimed'
`;

// Create once, every field and index in one step: a crash can never leave a half-written record (which a
// re-run would take for an existing delivery and skip), and an existing delivery's indexes are not touched.
const CREATE_LUA = `
if redis.call('HSETNX', KEYS[1], 'status', ARGV[5]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'alertId', ARGV[2], 'subscriptionId', ARGV[3], 'channelId', ARGV[4], 'attempts', '0')
if ARGV[5] == 'held' then
  redis.call('HSET', KEYS[1], 'heldSince', ARGV[7], 'heldReason', ARGV[9])
  redis.call('ZADD', KEYS[4], ARGV[6], ARGV[1])
else
  redis.call('HSET', KEYS[1], 'nextAttemptAt', ARGV[7])
  redis.call('ZADD', KEYS[3], ARGV[6], ARGV[1])
end
if ARGV[10] ~= '' then redis.call('HSET', KEYS[1], 'updateSeq', ARGV[10]) end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[8]))
redis.call('ZADD', KEYS[2], 'NX', ARGV[6], ARGV[1])
return 1
`;

// Hold a delivery whose channel is disabled. Not from a terminal state; from sending too (a worker that
// crashed mid-send: its outcome, if it comes, overwrites this).
const HOLD_LUA = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'missing' end
if status == 'submitted' or status == 'dead' or status == 'discarded' or status == 'held' then return status end
redis.call('HSET', KEYS[1], 'status', 'held', 'heldSince', ARGV[2], 'heldReason', ARGV[3])
redis.call('HDEL', KEYS[1], 'nextAttemptAt', 'sendingSince')
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
redis.call('LPUSH', KEYS[4], ARGV[5])
redis.call('LTRIM', KEYS[4], 0, 49)
redis.call('EXPIRE', KEYS[4], tonumber(ARGV[6]))
return 'held'
`;

// Release a held delivery as its owner chose: to pending (owed an attempt now) or discarded. Only from held.
const LEAVE_HELD_LUA = `
if redis.call('HGET', KEYS[1], 'status') ~= 'held' then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[2])
redis.call('HDEL', KEYS[1], 'heldSince', 'heldReason')
redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[2] == 'pending' then
  redis.call('HSET', KEYS[1], 'nextAttemptAt', ARGV[3])
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
end
redis.call('LPUSH', KEYS[4], ARGV[5])
redis.call('LTRIM', KEYS[4], 0, 49)
redis.call('EXPIRE', KEYS[4], tonumber(ARGV[6]))
return 1
`;

export type ClaimResult = 'claimed' | 'busy' | 'missing' | 'submitted' | 'dead' | 'discarded';
export type HoldResult = 'held' | 'missing' | 'submitted' | 'dead' | 'discarded';

type ScriptedRedis = RedisClient & {
  vigieClaimDelivery(key: string, held: string, now: string, staleMs: string, id: string): Promise<ClaimResult>;
  vigieCreateDelivery(...args: string[]): Promise<number>;
  vigieHoldDelivery(...args: string[]): Promise<HoldResult>;
  vigieLeaveHeld(...args: string[]): Promise<number>;
};

export function createAlertStore(redis: RedisClient, keys: Keys, retentionSeconds: number) {
  const ttl = retentionSeconds;
  // Sent once, then called by SHA (EVALSHA), not re-sent with every delivery.
  redis.defineCommand('vigieClaimDelivery', { numberOfKeys: 2, lua: CLAIM_LUA });
  redis.defineCommand('vigieCreateDelivery', { numberOfKeys: 4, lua: CREATE_LUA });
  redis.defineCommand('vigieHoldDelivery', { numberOfKeys: 4, lua: HOLD_LUA });
  redis.defineCommand('vigieLeaveHeld', { numberOfKeys: 4, lua: LEAVE_HELD_LUA });
  const scripted = redis as ScriptedRedis;
  const logEntry = (at: string, attempt: number, outcome: string, reason: string) => JSON.stringify({ at, attempt, outcome, reason });
  return {
    /** Creates the alert if absent; returns true when created by this call. */
    async createAlert(alert: Alert): Promise<boolean> {
      const t = String(Date.parse(alert.createdAt));
      // One transaction: the alert and its index entries exist together or not at all.
      const res = await redis.multi()
        .set(keys.alert(alert.id), JSON.stringify(alert), 'EX', ttl, 'NX')
        .zadd(keys.alertsByTime, 'NX', t, alert.id)
        .zadd(keys.alertsBySubscription(alert.subscriptionId), 'NX', t, alert.id)
        .sadd(keys.storyAlerts(alert.storyId), alert.id)
        .expire(keys.storyAlerts(alert.storyId), ttl)
        .exec();
      return res?.[0]?.[1] === 'OK';
    },
    async getAlert(id: string): Promise<Alert | undefined> {
      const raw = await redis.get(keys.alert(id));
      return raw ? (JSON.parse(raw) as Alert) : undefined;
    },
    async getAlerts(ids: string[]): Promise<Alert[]> {
      if (ids.length === 0) return [];
      const raws = await redis.mget(ids.map((id) => keys.alert(id)));
      return raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as Alert);
    },
    /** The alerts made for a story (alerts made before this index existed are not listed). */
    async storyAlertIds(storyId: string): Promise<string[]> {
      return redis.smembers(keys.storyAlerts(storyId));
    },
    async attachRelated(alertId: string, articleId: string): Promise<void> {
      const alert = await this.getAlert(alertId);
      if (!alert || alert.articleId === articleId || alert.relatedArticleIds.includes(articleId)) return;
      alert.relatedArticleIds.push(articleId);
      await redis.set(keys.alert(alertId), JSON.stringify(alert), 'KEEPTTL');
    },
    async listAlertIds(opts: { subscriptionId?: string; from?: Date; to?: Date; limit?: number }): Promise<string[]> {
      const key = opts.subscriptionId ? keys.alertsBySubscription(opts.subscriptionId) : keys.alertsByTime;
      return redis.zrevrangebyscore(key, opts.to ? opts.to.getTime() : '+inf', opts.from ? opts.from.getTime() : '-inf', 'LIMIT', 0, opts.limit ?? 100);
    },
    /** Creates the delivery if absent (pending, or held for a disabled channel); true when created by this call. */
    async createDelivery(d: Delivery, now: Date = new Date()): Promise<boolean> {
      const created = await scripted.vigieCreateDelivery(
        keys.delivery(d.id), keys.deliveriesBySubscription(d.subscriptionId), keys.deliveriesWaiting, keys.deliveriesHeld,
        d.id, d.alertId, d.subscriptionId, d.channelId, d.status === 'held' ? 'held' : 'pending',
        String(now.getTime()), now.toISOString(), String(ttl), d.heldReason ?? 'channel disabled', d.updateSeq === undefined ? '' : String(d.updateSeq));
      return Number(created) === 1;
    },
    async getDelivery(id: string): Promise<Delivery | undefined> {
      const h = await redis.hgetall(keys.delivery(id));
      if (!h.status || !h.id) return undefined;
      return {
        id: h.id, alertId: h.alertId ?? '', subscriptionId: h.subscriptionId ?? '', channelId: h.channelId ?? '',
        status: h.status as DeliveryStatus, attempts: Number(h.attempts ?? 0), lastAttemptAt: h.lastAttemptAt,
        lastError: h.lastError, lastStatusCode: h.lastStatusCode ? Number(h.lastStatusCode) : undefined, submittedAt: h.submittedAt,
        nextAttemptAt: h.nextAttemptAt, heldSince: h.heldSince, heldReason: h.heldReason,
        ...(h.alertIds ? { digestAlertIds: JSON.parse(h.alertIds) as string[] } : {}),
        ...(h.updateSeq ? { updateSeq: Number(h.updateSeq) } : {}),
      };
    },
    async claim(id: string, now: Date, staleMs: number): Promise<ClaimResult> {
      return scripted.vigieClaimDelivery(keys.delivery(id), keys.deliveriesHeld, String(now.getTime()), String(staleMs), id);
    },
    /**
     * Records an attempt's outcome and moves the delivery between the indexes. A failed delivery carries
     * `nextAttemptAt`; a submitted one keeps no `lastError` (an earlier attempt's error is history, in the log).
     */
    async finish(id: string, status: 'submitted' | 'failed' | 'dead' | 'held', attempt: AttemptRecord, opts: { nextAttemptAt?: Date } = {}): Promise<void> {
      const key = keys.delivery(id);
      const fields: Record<string, string> = { status, lastAttemptAt: attempt.at };
      if (status !== 'submitted') fields.lastError = attempt.reason;
      if (attempt.statusCode !== undefined) fields.lastStatusCode = String(attempt.statusCode);
      if (status === 'submitted') fields.submittedAt = attempt.at;
      if (status === 'failed' && opts.nextAttemptAt) fields.nextAttemptAt = opts.nextAttemptAt.toISOString();
      if (status === 'held') Object.assign(fields, { heldSince: attempt.at, heldReason: attempt.reason });
      const gone = ['sendingSince', ...(status === 'failed' ? [] : ['nextAttemptAt']), ...(status === 'submitted' ? ['lastError'] : []),
        ...(status === 'held' ? [] : ['heldSince', 'heldReason'])];
      const m = redis.multi().hset(key, fields).hdel(key, ...gone)
        .lpush(keys.deliveryLog(id), JSON.stringify(attempt)).ltrim(keys.deliveryLog(id), 0, 49).expire(keys.deliveryLog(id), ttl);
      if (status === 'dead') m.zadd(keys.deliveriesDead, Date.parse(attempt.at), id);
      else m.zrem(keys.deliveriesDead, id);
      if (status === 'failed') m.zadd(keys.deliveriesWaiting, (opts.nextAttemptAt ?? new Date(attempt.at)).getTime(), id);
      else m.zrem(keys.deliveriesWaiting, id);
      if (status === 'held') m.zadd(keys.deliveriesHeld, Date.parse(attempt.at), id);
      else m.zrem(keys.deliveriesHeld, id);
      await m.exec();
    },
    /** Holds a delivery for a disabled channel (no attempt made); a no-op on a held or finished one. */
    async hold(id: string, now: Date, reason: string): Promise<HoldResult> {
      const attempts = Number((await redis.hget(keys.delivery(id), 'attempts')) ?? 0);
      return scripted.vigieHoldDelivery(keys.delivery(id), keys.deliveriesWaiting, keys.deliveriesHeld, keys.deliveryLog(id),
        id, now.toISOString(), reason, String(now.getTime()), logEntry(now.toISOString(), attempts, 'held', reason), String(ttl));
    },
    /** A held delivery leaves as its owner chose: `pending` (owed an attempt now) or `discarded`. False if not held. */
    async leaveHeld(id: string, to: 'pending' | 'discarded', now: Date, reason: string): Promise<boolean> {
      const attempts = Number((await redis.hget(keys.delivery(id), 'attempts')) ?? 0);
      const left = await scripted.vigieLeaveHeld(keys.delivery(id), keys.deliveriesHeld, keys.deliveriesWaiting, keys.deliveryLog(id),
        id, to, now.toISOString(), String(now.getTime()), logEntry(now.toISOString(), attempts, to === 'pending' ? 'released' : 'discarded', reason), String(ttl));
      return Number(left) === 1;
    },
    /** Puts a dead, failed, submitted or discarded delivery back to pending for a replay (same id, so same webhook-id). */
    async resetForReplay(id: string, now: Date = new Date()): Promise<boolean> {
      const status = await redis.hget(keys.delivery(id), 'status');
      if (status !== 'dead' && status !== 'failed' && status !== 'submitted' && status !== 'discarded') return false;
      await redis.multi().hset(keys.delivery(id), 'status', 'pending', 'nextAttemptAt', now.toISOString())
        .zrem(keys.deliveriesDead, id).zadd(keys.deliveriesWaiting, now.getTime(), id).exec();
      return true;
    },
    async attempts(id: string): Promise<AttemptRecord[]> {
      return (await redis.lrange(keys.deliveryLog(id), 0, -1)).map((r) => JSON.parse(r) as AttemptRecord).reverse();
    },
    /** Drops index entries older than the retention period (the alert and delivery keys expire by TTL). */
    async trim(now: Date): Promise<number> {
      const before = now.getTime() - ttl * 1000;
      const [alerts] = await Promise.all([redis.zremrangebyscore(keys.alertsByTime, 0, before),
        redis.zremrangebyscore(keys.deliveriesWaiting, 0, before), redis.zremrangebyscore(keys.deliveriesHeld, 0, before)]);
      return alerts;
    },
    async listDead(limit = 100): Promise<string[]> {
      return redis.zrevrange(keys.deliveriesDead, 0, limit - 1);
    },
    /** Deliveries owed an attempt (pending, sending, failed), the soonest due first. */
    async listWaiting(limit = 100): Promise<string[]> {
      return redis.zrange(keys.deliveriesWaiting, '0', String(limit - 1));
    },
    /** Held deliveries, oldest first. */
    async listHeld(limit = 1000): Promise<string[]> {
      return redis.zrange(keys.deliveriesHeld, '0', String(limit - 1));
    },
    /** Held deliveries of one channel (the whole held index is read: it only holds disabled channels' alerts). */
    async listHeldOn(subscriptionId: string, channelId: string): Promise<string[]> {
      const ids = await redis.zrange(keys.deliveriesHeld, '0', '-1');
      const owners = await Promise.all(ids.map((id) => redis.hmget(keys.delivery(id), 'subscriptionId', 'channelId')));
      return ids.filter((_, i) => owners[i]![0] === subscriptionId && owners[i]![1] === channelId);
    },
    async listDeliveryIds(subscriptionId: string, limit = 100): Promise<string[]> {
      return redis.zrevrange(keys.deliveriesBySubscription(subscriptionId), 0, limit - 1);
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
