// Entities edited through the API: kept in Redis by id, overriding (or adding to) the shipped files,
// with a version counter every process watches to recompile its matcher.
import type { RedisClient } from './connect-redis.js';
import { entitySchema, type Entity } from '../../core/entities/entity.js';
import type { Keys } from './keys.js';

export function createEntityStore(redis: RedisClient, keys: Keys) {
  return {
    async version(): Promise<string> {
      return (await redis.get(keys.entitiesVersion)) ?? '0';
    },
    async overlay(): Promise<Entity[]> {
      const raw = await redis.hgetall(keys.entities);
      return Object.values(raw).map((json) => entitySchema.parse(JSON.parse(json)));
    },
    async put(entity: Entity): Promise<void> {
      await redis.multi().hset(keys.entities, entity.id, JSON.stringify(entity)).incr(keys.entitiesVersion).exec();
    },
    /** Drops the API edit of an entity; returns false when there was none. */
    async remove(id: string): Promise<boolean> {
      const res = await redis.multi().hdel(keys.entities, id).incr(keys.entitiesVersion).exec();
      return Number(res?.[0]?.[1] ?? 0) > 0;
    },
  };
}

export type EntityStore = ReturnType<typeof createEntityStore>;
