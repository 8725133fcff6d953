// The per-source seen set: identities of items already recorded, bounded so a feed that churns
// forever cannot grow Redis without limit (oldest identities are trimmed first).
import type { RedisClient } from './connect-redis.js';
import type { Keys } from './keys.js';

/** Far more than any feed holds at once, so a trimmed identity cannot reappear in the feed. */
export const SEEN_LIMIT = 5000;

export function createSeenStore(redis: RedisClient, keys: Keys) {
  return {
    async count(sourceId: string): Promise<number> {
      return redis.zcard(keys.seen(sourceId));
    },
    /** Returns the identities not yet seen, in the given order. */
    async filterUnseen(sourceId: string, identities: string[]): Promise<string[]> {
      if (identities.length === 0) return [];
      const scores = await redis.zmscore(keys.seen(sourceId), ...identities);
      return identities.filter((_, i) => scores[i] === null);
    },
    async markSeen(sourceId: string, identities: string[], now: Date): Promise<void> {
      if (identities.length === 0) return;
      const args = identities.flatMap((id) => [now.getTime(), id]);
      await redis.multi()
        .zadd(keys.seen(sourceId), 'NX', ...args)
        .zremrangebyrank(keys.seen(sourceId), 0, -SEEN_LIMIT - 1)
        .exec();
    },
  };
}

export type SeenStore = ReturnType<typeof createSeenStore>;
