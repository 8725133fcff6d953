// Alerts and deliveries in Redis. Ids are deterministic (subscription, story, channel), so creating
// them is idempotent: a re-run of the article stage finds them and creates nothing new.
// A delivery's status is the final guard against a double send (pending|failed -> sending -> submitted|dead;
// held -> pending|discarded). Three indexes follow the status: waiting (by next attempt), held, dead.
import type { RedisClient } from './connect-redis.js';
import type { Alert, Delivery, DeliveryRefs, DeliveryStatus } from '../../core/model/alert.js';
import type { ArticleCard } from '../../core/model/article-card.js';
import type { SourceConfig } from '../../core/model/source.js';
import type { Subscription, WebhookSecrets } from '../../core/model/subscription.js';
import type { Keys } from './keys.js';
import { secretsFromHash } from './subscription-store.js';

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
// older than the stale limit (its worker crashed). Terminal states are never reclaimed. The caller passes
// the status and sendingSince it has just read in the same script. The held index holds a delivery exactly
// while its status is held (every script that writes one writes the other), so only a held one leaves it.
const CLAIM_FN = `
local function claim(key, held, now, staleMs, id, status, sendingSince)
  if not status then return 'missing' end
  if status == 'submitted' or status == 'dead' or status == 'discarded' then return status end
  if status == 'sending' then
    if tonumber(now) - tonumber(sendingSince or '0') < tonumber(staleMs) then return 'busy' end
  end
  redis.call('HSET', key, 'status', 'sending', 'sendingSince', now)
  redis.call('HINCRBY', key, 'attempts', 1)
  if status == 'held' then redis.call('ZREM', held, id) end
  return 'claimed'
end
`;
const CLAIM_LUA = `${CLAIM_FN}
local s = redis.call('HMGET', KEYS[1], 'status', 'sendingSince')
return claim(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], s[1], s[2])
`;

// One round trip for an alert delivery: the delivery and every record it needs (subscription, alert,
// webhook secrets, article card, source), read by the ids its job carries: the article's card (KEYS[6]),
// or its whole record (KEYS[8]) for an article stored before cards existed. With ARGV[5] = '1' it is also
// claimed, but only when it could be sent as read: a single-alert delivery of that alert, subscription
// and channel, subscription and alert present, channel present and not disabled. Otherwise nothing changes and the caller decides (hold, dead) from the reads as usual.
// Returns the claim result ('' when not claimed), then the records as they were before the claim (hashes
// as field/value lists, nil when absent).
const OPEN_LUA = `${CLAIM_FN}
local function channelOpen(subscription, channelId)
  local ok, sub = pcall(cjson.decode, subscription)
  if not ok or type(sub) ~= 'table' or type(sub.channels) ~= 'table' then return false end
  for _, c in ipairs(sub.channels) do
    if type(c) == 'table' and c.id == channelId then return c.disabled ~= true end
  end
  return false
end
local delivery = redis.call('HGETALL', KEYS[1])
local sub = redis.call('GET', KEYS[3])
local alert = redis.call('GET', KEYS[4])
local claimed = ''
local h = {}
for i = 1, #delivery, 2 do h[delivery[i]] = delivery[i + 1] end
local ours = h.alertId == ARGV[6] and h.subscriptionId == ARGV[7] and h.channelId == ARGV[4] and not h.alertIds
if ARGV[5] == '1' and sub and alert and ours and channelOpen(sub, ARGV[4]) then
  claimed = claim(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], h.status, h.sendingSince)
end
return { claimed, delivery, sub, alert, redis.call('HGETALL', KEYS[5]), redis.call('GET', KEYS[6]) or redis.call('GET', KEYS[8]), redis.call('GET', KEYS[7]) }
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

// Record an attempt's outcome and move the delivery between the indexes, in one script call: a script
// call rides the state connection's auto-pipeline with other deliveries' commands (a MULTI is written on
// its own), and the record, its log and its indexes still change together. A failed delivery carries
// nextAttemptAt; a submitted one keeps no lastError (an earlier attempt's error is history, in the log).
// Each index holds a delivery exactly while its status says so (waiting: pending, sending, failed; held;
// dead), so only the index of the status it leaves is touched; with no status (an expired record) all are.
// ARGV: id, status, at, at (ms), reason, status code or '', next attempt (ISO) or '', waiting score, log entry, ttl.
const FINISH_LUA = `
local status = ARGV[2]
local was = redis.call('HGET', KEYS[1], 'status')
local function left(index) return not was or was == index or (index == 'waiting' and (was == 'pending' or was == 'sending' or was == 'failed')) end
local set = { 'status', status, 'lastAttemptAt', ARGV[3] }
local gone = { 'sendingSince' }
local function put(k, v) set[#set + 1] = k; set[#set + 1] = v end
if status == 'submitted' then put('submittedAt', ARGV[3]); gone[#gone + 1] = 'lastError' else put('lastError', ARGV[5]) end
if ARGV[6] ~= '' then put('lastStatusCode', ARGV[6]) end
if status == 'failed' then
  if ARGV[7] ~= '' then put('nextAttemptAt', ARGV[7]) end
  redis.call('ZADD', KEYS[4], ARGV[8], ARGV[1])
else
  gone[#gone + 1] = 'nextAttemptAt'
  if left('waiting') then redis.call('ZREM', KEYS[4], ARGV[1]) end
end
if status == 'held' then
  put('heldSince', ARGV[3]); put('heldReason', ARGV[5])
  redis.call('ZADD', KEYS[5], ARGV[4], ARGV[1])
else
  gone[#gone + 1] = 'heldSince'; gone[#gone + 1] = 'heldReason'
  if left('held') then redis.call('ZREM', KEYS[5], ARGV[1]) end
end
if status == 'dead' then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1]) elseif left('dead') then redis.call('ZREM', KEYS[3], ARGV[1]) end
redis.call('HSET', KEYS[1], unpack(set))
redis.call('HDEL', KEYS[1], unpack(gone))
-- The log keeps the last 50 entries; trimmed only once it is longer.
if redis.call('LPUSH', KEYS[2], ARGV[9]) > 50 then redis.call('LTRIM', KEYS[2], 0, 49) end
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[10]))
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

/** What `open` read in its one round trip; `claim` is undefined when no claim was made. */
export interface OpenedDelivery {
  claim: ClaimResult | undefined;
  delivery: Delivery | undefined;
  subscription: Subscription | undefined;
  alert: Alert | undefined;
  secrets: WebhookSecrets | undefined;
  /** The article's card (an article stored before cards existed: its whole record). */
  article: ArticleCard | undefined;
  source: SourceConfig | undefined;
}

function deliveryFromHash(h: Record<string, string>): Delivery | undefined {
  if (!h.status || !h.id) return undefined;
  return {
    id: h.id, alertId: h.alertId ?? '', subscriptionId: h.subscriptionId ?? '', channelId: h.channelId ?? '',
    status: h.status as DeliveryStatus, attempts: Number(h.attempts ?? 0), lastAttemptAt: h.lastAttemptAt,
    lastError: h.lastError, lastStatusCode: h.lastStatusCode ? Number(h.lastStatusCode) : undefined, submittedAt: h.submittedAt,
    nextAttemptAt: h.nextAttemptAt, heldSince: h.heldSince, heldReason: h.heldReason,
    ...(h.alertIds ? { digestAlertIds: JSON.parse(h.alertIds) as string[] } : {}),
    ...(h.updateSeq ? { updateSeq: Number(h.updateSeq) } : {}),
  };
}

/** A hash as a script returns it (field, value, field, value...) as an object. */
function pairs(list: string[]): Record<string, string> {
  const h: Record<string, string> = {};
  for (let i = 0; i + 1 < list.length; i += 2) h[list[i]!] = list[i + 1]!;
  return h;
}

const parsed = <T>(raw: string | null): T | undefined => (raw ? (JSON.parse(raw) as T) : undefined);
export type HoldResult = 'held' | 'missing' | 'submitted' | 'dead' | 'discarded';

type ScriptedRedis = RedisClient & {
  vigieClaimDelivery(key: string, held: string, now: string, staleMs: string, id: string): Promise<ClaimResult>;
  vigieOpenDelivery(...args: string[]): Promise<[ClaimResult | '', string[], string | null, string | null, string[], string | null, string | null]>;
  vigieCreateDelivery(...args: string[]): Promise<number>;
  vigieFinishDelivery(...args: string[]): Promise<number>;
  vigieHoldDelivery(...args: string[]): Promise<HoldResult>;
  vigieLeaveHeld(...args: string[]): Promise<number>;
};

export function createAlertStore(redis: RedisClient, keys: Keys, retentionSeconds: number) {
  const ttl = retentionSeconds;
  // Sent once, then called by SHA (EVALSHA), not re-sent with every delivery.
  redis.defineCommand('vigieClaimDelivery', { numberOfKeys: 2, lua: CLAIM_LUA });
  redis.defineCommand('vigieOpenDelivery', { numberOfKeys: 8, lua: OPEN_LUA });
  redis.defineCommand('vigieCreateDelivery', { numberOfKeys: 4, lua: CREATE_LUA });
  redis.defineCommand('vigieFinishDelivery', { numberOfKeys: 5, lua: FINISH_LUA });
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
      return deliveryFromHash(await redis.hgetall(keys.delivery(id)));
    },
    /**
     * Reads an alert delivery and every record it needs in one script call, by the ids its job carries,
     * and claims it when `claim` is given and it can be sent as read (see OPEN_LUA).
     */
    async open(id: string, refs: DeliveryRefs, claim?: { now: Date; staleMs: number }): Promise<OpenedDelivery> {
      const [claimed, delivery, sub, alert, secrets, article, source] = await scripted.vigieOpenDelivery(
        keys.delivery(id), keys.deliveriesHeld, keys.subscription(refs.subscriptionId), keys.alert(refs.alertId),
        keys.webhookSecrets(refs.subscriptionId, refs.channelId), keys.articleCard(refs.articleId), keys.source(refs.sourceId), keys.article(refs.articleId),
        claim ? String(claim.now.getTime()) : '', claim ? String(claim.staleMs) : '', id, refs.channelId, claim ? '1' : '0',
        refs.alertId, refs.subscriptionId);
      return {
        claim: claimed === '' ? undefined : claimed, delivery: deliveryFromHash(pairs(delivery)), subscription: parsed<Subscription>(sub),
        alert: parsed<Alert>(alert), secrets: secretsFromHash(pairs(secrets)), article: parsed<ArticleCard>(article), source: parsed<SourceConfig>(source),
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
      const next = status === 'failed' ? opts.nextAttemptAt : undefined;
      await scripted.vigieFinishDelivery(keys.delivery(id), keys.deliveryLog(id), keys.deliveriesDead, keys.deliveriesWaiting, keys.deliveriesHeld,
        id, status, attempt.at, String(Date.parse(attempt.at)), attempt.reason, attempt.statusCode === undefined ? '' : String(attempt.statusCode),
        next ? next.toISOString() : '', String((next ?? new Date(attempt.at)).getTime()), JSON.stringify(attempt), String(ttl));
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
    /** The newest `perSubscription` deliveries of each subscription, merged newest first (by creation time). */
    async newestDeliveryIds(subscriptionIds: readonly string[], perSubscription: number): Promise<string[]> {
      const lists = await Promise.all(subscriptionIds.map((id) =>
        redis.zrevrange(keys.deliveriesBySubscription(id), 0, perSubscription - 1, 'WITHSCORES')));
      const all = lists.flatMap((l) => Array.from({ length: l.length / 2 }, (_, i) => ({ id: l[2 * i]!, at: Number(l[2 * i + 1]) })));
      return all.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((x) => x.id);
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
