// Subscriptions and their webhook secrets in Redis. Secrets sit in their own keys so that listing,
// jobs and logs never carry them; a version counter tells workers to recompile their rule index.
import type { RedisClient } from './connect-redis.js';
import type { Subscription, WebhookSecrets } from '../../core/model/subscription.js';
import type { Keys } from './keys.js';

/** A channel's secrets hash (current, and the previous one during a rotation overlap); undefined when it has none. */
export function secretsFromHash(h: Record<string, string>): WebhookSecrets | undefined {
  if (!h.current) return undefined;
  return { current: h.current, previous: h.previous, previousUntil: h.previousUntil };
}

export function createSubscriptionStore(redis: RedisClient, keys: Keys) {
  return {
    async put(sub: Subscription): Promise<void> {
      await redis.multi()
        .set(keys.subscription(sub.id), JSON.stringify(sub))
        .sadd(keys.subscriptions, sub.id)
        .sadd(keys.subscriptionsByOwner(sub.owner), sub.id)
        .incr(keys.subscriptionsVersion)
        .exec();
    },
    async get(id: string): Promise<Subscription | undefined> {
      const raw = await redis.get(keys.subscription(id));
      return raw ? (JSON.parse(raw) as Subscription) : undefined;
    },
    async list(owner?: string): Promise<Subscription[]> {
      const ids = (await redis.smembers(owner ? keys.subscriptionsByOwner(owner) : keys.subscriptions)).sort();
      if (ids.length === 0) return [];
      const raws = await redis.mget(ids.map((id) => keys.subscription(id)));
      return raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as Subscription);
    },
    async remove(id: string): Promise<boolean> {
      const sub = await this.get(id);
      if (!sub) return false;
      const m = redis.multi().del(keys.subscription(id)).srem(keys.subscriptions, id)
        .srem(keys.subscriptionsByOwner(sub.owner), id).incr(keys.subscriptionsVersion);
      for (const c of sub.channels) m.del(keys.webhookSecrets(id, c.id));
      await m.exec();
      return true;
    },
    async version(): Promise<number> {
      return Number((await redis.get(keys.subscriptionsVersion)) ?? 0);
    },
    async getSecrets(subscriptionId: string, channelId: string): Promise<WebhookSecrets | undefined> {
      return secretsFromHash(await redis.hgetall(keys.webhookSecrets(subscriptionId, channelId)));
    },
    async setSecret(subscriptionId: string, channelId: string, secret: string): Promise<void> {
      await redis.hset(keys.webhookSecrets(subscriptionId, channelId), { current: secret });
    },
    /** Rotation keeps the previous secret signing until `overlapUntil`, so receivers can switch without a gap. */
    async rotateSecret(subscriptionId: string, channelId: string, secret: string, overlapUntil: Date): Promise<void> {
      const key = keys.webhookSecrets(subscriptionId, channelId);
      const current = await redis.hget(key, 'current');
      const fields: Record<string, string> = { current: secret };
      if (current) Object.assign(fields, { previous: current, previousUntil: overlapUntil.toISOString() });
      await redis.hset(key, fields);
    },
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;

