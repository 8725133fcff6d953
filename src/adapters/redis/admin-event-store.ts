// Source-health events owed to the admin channels: kept by id while their deliveries may still need
// them (the retention period), like alerts for subscribers' deliveries. Written once per event id.
import type { RedisClient } from './connect-redis.js';
import type { Keys } from './keys.js';
import type { AdminNotice } from '../../core/render/admin-notice.js';

export function createAdminEventStore(redis: RedisClient, keys: Keys, retentionSeconds: number) {
  return {
    /** Stores the notice unless one with its id exists; true when this call stored it. */
    async put(notice: AdminNotice): Promise<boolean> {
      return (await redis.set(keys.adminEvent(notice.id), JSON.stringify(notice), 'EX', retentionSeconds, 'NX')) === 'OK';
    },
    async get(id: string): Promise<AdminNotice | undefined> {
      const raw = await redis.get(keys.adminEvent(id));
      return raw ? (JSON.parse(raw) as AdminNotice) : undefined;
    },
  };
}

export type AdminEventStore = ReturnType<typeof createAdminEventStore>;
