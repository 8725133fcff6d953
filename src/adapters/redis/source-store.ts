// Sources and their polling state in Redis: configuration, health, last error, HTTP validators
// (ETag/Last-Modified, kept here and not in process memory so any worker can poll any source).
import type { RedisClient } from './connect-redis.js';
import type { SourceConfig, SourceState } from '../../core/model/source.js';
import type { Keys } from './keys.js';
import { FAILURES_BEFORE_UNHEALTHY } from '../../core/health/next-health.js';

export interface Validators { etag?: string; lastModified?: string }

/**
 * After this many consecutive failures a source is reported unhealthy (it keeps being polled, with
 * backoff): the same count after which admins are told (core/health/next-health.ts).
 */
export const UNHEALTHY_AFTER = FAILURES_BEFORE_UNHEALTHY;

export function createSourceStore(redis: RedisClient, keys: Keys) {
  return {
    async put(source: SourceConfig): Promise<void> {
      await redis.multi().set(keys.source(source.id), JSON.stringify(source)).sadd(keys.sources, source.id).exec();
    },
    async get(id: string): Promise<SourceConfig | undefined> {
      const raw = await redis.get(keys.source(id));
      return raw ? (JSON.parse(raw) as SourceConfig) : undefined;
    },
    async list(): Promise<SourceConfig[]> {
      const ids = (await redis.smembers(keys.sources)).sort();
      if (ids.length === 0) return [];
      const raws = await redis.mget(ids.map((id) => keys.source(id)));
      return raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as SourceConfig);
    },
    async remove(id: string): Promise<boolean> {
      const res = await redis.multi().del(keys.source(id)).srem(keys.sources, id)
        .del(keys.sourceState(id), keys.validators(id), keys.seen(id))
        .del(keys.sourceHealth(id), keys.sourcePublished(id), keys.sourcePacing(id)).exec();
      return Number(res?.[0]?.[1] ?? 0) > 0;
    },
    async getState(id: string): Promise<SourceState> {
      const h = await redis.hgetall(keys.sourceState(id));
      return {
        health: (h.health as SourceState['health']) ?? 'new',
        lastPollAt: h.lastPollAt,
        lastSuccessAt: h.lastSuccessAt,
        lastErrorCode: h.lastErrorCode,
        lastErrorMessage: h.lastErrorMessage,
        consecutiveFailures: Number(h.consecutiveFailures ?? 0),
        notBefore: h.notBefore,
        itemsSeen: Number(h.itemsSeen ?? 0),
      };
    },
    async recordSuccess(id: string, at: Date, notBefore: Date | undefined, newItems: number): Promise<void> {
      const m = redis.multi()
        .hset(keys.sourceState(id), { health: 'ok', lastPollAt: at.toISOString(), lastSuccessAt: at.toISOString(), consecutiveFailures: '0' })
        .hincrby(keys.sourceState(id), 'itemsSeen', newItems);
      if (notBefore) m.hset(keys.sourceState(id), 'notBefore', notBefore.toISOString());
      else m.hdel(keys.sourceState(id), 'notBefore');
      await m.exec();
    },
    async recordFailure(id: string, at: Date, code: string, message: string, notBefore: Date): Promise<number> {
      const failures = await redis.hincrby(keys.sourceState(id), 'consecutiveFailures', 1);
      await redis.hset(keys.sourceState(id), {
        health: failures >= UNHEALTHY_AFTER ? 'unhealthy' : 'failing',
        lastPollAt: at.toISOString(), lastErrorCode: code, lastErrorMessage: message.slice(0, 500),
        notBefore: notBefore.toISOString(),
      });
      return failures;
    },
    async getValidators(id: string): Promise<Validators> {
      const h = await redis.hgetall(keys.validators(id));
      return { etag: h.etag, lastModified: h.lastModified };
    },
    async setValidators(id: string, v: Validators): Promise<void> {
      await redis.del(keys.validators(id));
      const fields: Record<string, string> = {};
      if (v.etag) fields.etag = v.etag;
      if (v.lastModified) fields.lastModified = v.lastModified;
      if (Object.keys(fields).length > 0) await redis.hset(keys.validators(id), fields);
    },
  };
}

export type SourceStore = ReturnType<typeof createSourceStore>;
