// Alerts waiting for an hourly or daily digest, per subscription channel. Taking a batch moves the
// alert ids into the digest's delivery record in one transaction, so a crash cannot send them twice
// in two digests nor lose them between the two.
import type { RedisClient } from './connect-redis.js';
import type { Keys } from './keys.js';

// Atomic: the digest delivery is created once (a re-run of the same window changes nothing) and its
// alerts leave the pending set in the same step.
const TAKE_LUA = `
if redis.call('HSETNX', KEYS[1], 'status', 'pending') == 0 then return 0 end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'alertId', ARGV[2], 'subscriptionId', ARGV[3], 'channelId', ARGV[4], 'attempts', '0', 'alertIds', ARGV[5], 'nextAttemptAt', ARGV[8])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[6]))
for i = 9, #ARGV do redis.call('ZREM', KEYS[2], ARGV[i]) end
redis.call('ZADD', KEYS[3], tonumber(ARGV[7]), ARGV[1])
redis.call('ZADD', KEYS[4], tonumber(ARGV[7]), ARGV[1])
return 1
`;

export function createDigestStore(redis: RedisClient, keys: Keys) {
  return {
    async add(subscriptionId: string, channelId: string, mode: 'hourly' | 'daily', alertId: string, now: Date): Promise<void> {
      await redis.multi()
        .zadd(keys.digestPending(subscriptionId, channelId), 'NX', String(now.getTime()), alertId)
        .sadd(keys.digestChannels(mode), `${subscriptionId}|${channelId}`)
        .exec();
    },
    async channels(mode: 'hourly' | 'daily'): Promise<Array<{ subscriptionId: string; channelId: string }>> {
      return (await redis.smembers(keys.digestChannels(mode))).sort().map((m) => {
        const [subscriptionId = '', channelId = ''] = m.split('|');
        return { subscriptionId, channelId };
      });
    },
    async pending(subscriptionId: string, channelId: string): Promise<string[]> {
      return redis.zrange(keys.digestPending(subscriptionId, channelId), '0', '-1');
    },
    /** Creates the digest delivery holding these alerts (if it does not exist) and removes them from pending. */
    async take(subscriptionId: string, channelId: string, deliveryId: string, alertIds: string[], ttlSeconds: number): Promise<boolean> {
      const now = new Date();
      const created = await redis.eval(TAKE_LUA, 4, keys.delivery(deliveryId), keys.digestPending(subscriptionId, channelId),
        keys.deliveriesBySubscription(subscriptionId), keys.deliveriesWaiting, deliveryId, alertIds[0] ?? '', subscriptionId, channelId,
        JSON.stringify(alertIds), String(ttlSeconds), String(now.getTime()), now.toISOString(), ...alertIds);
      return Number(created) === 1;
    },
    async forget(subscriptionId: string, channelId: string, mode: 'hourly' | 'daily'): Promise<void> {
      await redis.multi().del(keys.digestPending(subscriptionId, channelId)).srem(keys.digestChannels(mode), `${subscriptionId}|${channelId}`).exec();
    },
  };
}

export type DigestStore = ReturnType<typeof createDigestStore>;
