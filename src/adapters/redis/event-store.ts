// Events an admin should see without reading logs (a webhook endpoint disabled by a 410, re-enabled by
// its owner): a capped list in Redis, newest first. Not a log: a handful of rare, actionable facts.
import type { RedisClient as Redis } from './connect-redis.js';
import type { Keys } from './keys.js';

export interface OpsEvent {
  at: string;
  /** Stable name, as in the log line (`webhook.endpoint.disabled`, `webhook.endpoint.enabled`). */
  event: string;
  message: string;
  subscriptionId?: string;
  /** Source-health events (`source.unhealthy`, `source.recovered`). */
  sourceId?: string;
  channelId?: string;
  owner?: string;
  /** How the owner was told, when they were: `email:<address>`. */
  notified?: string;
  held?: number;
}

const KEEP = 1000;

export function createEventStore(redis: Redis, keys: Keys) {
  return {
    async record(e: OpsEvent): Promise<void> {
      await redis.multi().lpush(keys.events, JSON.stringify(e)).ltrim(keys.events, 0, KEEP - 1).exec();
    },
    async list(limit = 100): Promise<OpsEvent[]> {
      return (await redis.lrange(keys.events, 0, limit - 1)).map((r) => JSON.parse(r) as OpsEvent);
    },
  };
}

export type EventStore = ReturnType<typeof createEventStore>;
