// Alerts and deliveries in Redis. Ids are deterministic (subscription, story, channel), so creating
// them is idempotent: a re-run of the article stage finds them and creates nothing new.
// A delivery's status is the final guard against a double send (pending|failed -> sending -> submitted|dead).
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

// Claim a delivery for sending: only from pending/failed, or from sending when the previous claim is
// older than the stale limit (its worker crashed). Terminal states are never reclaimed.
const CLAIM_LUA = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'missing' end
if status == 'submitted' or status == 'dead' then return status end
if status == 'sending' then
  local since = tonumber(redis.call('HGET', KEYS[1], 'sendingSince') or '0')
  if tonumber(ARGV[1]) - since < tonumber(ARGV[2]) then return 'busy' end
end
redis.call('HSET', KEYS[1], 'status', 'sending', 'sendingSince', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'attempts', 1)
return 'claimed'
`;

export type ClaimResult = 'claimed' | 'busy' | 'missing' | 'submitted' | 'dead';

type ClaimingRedis = RedisClient & { vigieClaimDelivery(key: string, now: string, staleMs: string): Promise<ClaimResult> };

export function createAlertStore(redis: RedisClient, keys: Keys, retentionSeconds: number) {
  const ttl = retentionSeconds;
  // Sent once, then called by SHA (EVALSHA), not re-sent with every delivery.
  redis.defineCommand('vigieClaimDelivery', { numberOfKeys: 1, lua: CLAIM_LUA });
  const claimer = redis as ClaimingRedis;
  return {
    /** Creates the alert if absent; returns true when created by this call. */
    async createAlert(alert: Alert): Promise<boolean> {
      const t = String(Date.parse(alert.createdAt));
      // One transaction: the alert and its index entries exist together or not at all.
      const res = await redis.multi()
        .set(keys.alert(alert.id), JSON.stringify(alert), 'EX', ttl, 'NX')
        .zadd(keys.alertsByTime, 'NX', t, alert.id)
        .zadd(keys.alertsBySubscription(alert.subscriptionId), 'NX', t, alert.id)
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
    /**
     * Creates the delivery if absent, all fields in one transaction: a crash can never leave a
     * half-written record (which a re-run would take for an existing delivery and skip).
     */
    async createDelivery(d: Delivery): Promise<boolean> {
      const key = keys.delivery(d.id);
      const res = await redis.multi()
        .hsetnx(key, 'status', d.status).hsetnx(key, 'id', d.id).hsetnx(key, 'alertId', d.alertId)
        .hsetnx(key, 'subscriptionId', d.subscriptionId).hsetnx(key, 'channelId', d.channelId).hsetnx(key, 'attempts', '0')
        .expire(key, ttl)
        .zadd(keys.deliveriesBySubscription(d.subscriptionId), 'NX', String(Date.now()), d.id)
        .exec();
      return Number(res?.[0]?.[1] ?? 0) === 1;
    },
    async getDelivery(id: string): Promise<Delivery | undefined> {
      const h = await redis.hgetall(keys.delivery(id));
      if (!h.status || !h.id) return undefined;
      return {
        id: h.id, alertId: h.alertId ?? '', subscriptionId: h.subscriptionId ?? '', channelId: h.channelId ?? '',
        status: h.status as DeliveryStatus, attempts: Number(h.attempts ?? 0), lastAttemptAt: h.lastAttemptAt,
        lastError: h.lastError, lastStatusCode: h.lastStatusCode ? Number(h.lastStatusCode) : undefined, submittedAt: h.submittedAt,
        ...(h.alertIds ? { digestAlertIds: JSON.parse(h.alertIds) as string[] } : {}),
      };
    },
    async claim(id: string, now: Date, staleMs: number): Promise<ClaimResult> {
      return claimer.vigieClaimDelivery(keys.delivery(id), String(now.getTime()), String(staleMs));
    },
    async finish(id: string, status: 'submitted' | 'failed' | 'dead' | 'pending', attempt: AttemptRecord): Promise<void> {
      const fields: Record<string, string> = { status, lastAttemptAt: attempt.at, lastError: attempt.reason };
      if (attempt.statusCode !== undefined) fields.lastStatusCode = String(attempt.statusCode);
      if (status === 'submitted') fields.submittedAt = attempt.at;
      const m = redis.multi().hset(keys.delivery(id), fields).hdel(keys.delivery(id), 'sendingSince')
        .lpush(keys.deliveryLog(id), JSON.stringify(attempt)).ltrim(keys.deliveryLog(id), 0, 49).expire(keys.deliveryLog(id), ttl);
      if (status === 'dead') m.zadd(keys.deliveriesDead, Date.parse(attempt.at), id);
      else m.zrem(keys.deliveriesDead, id);
      await m.exec();
    },
    /** Puts a dead or failed delivery back to pending for a replay (same id, so same webhook-id). */
    async resetForReplay(id: string): Promise<boolean> {
      const status = await redis.hget(keys.delivery(id), 'status');
      if (status !== 'dead' && status !== 'failed' && status !== 'submitted') return false;
      await redis.multi().hset(keys.delivery(id), 'status', 'pending').zrem(keys.deliveriesDead, id).exec();
      return true;
    },
    async attempts(id: string): Promise<AttemptRecord[]> {
      return (await redis.lrange(keys.deliveryLog(id), 0, -1)).map((r) => JSON.parse(r) as AttemptRecord).reverse();
    },
    /** Drops index entries of alerts older than the retention period (the alert keys expire by TTL). */
    async trim(now: Date): Promise<number> {
      return redis.zremrangebyscore(keys.alertsByTime, 0, now.getTime() - ttl * 1000);
    },
    async listDead(limit = 100): Promise<string[]> {
      return redis.zrevrange(keys.deliveriesDead, 0, limit - 1);
    },
    async listDeliveryIds(subscriptionId: string, limit = 100): Promise<string[]> {
      return redis.zrevrange(keys.deliveriesBySubscription(subscriptionId), 0, limit - 1);
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
