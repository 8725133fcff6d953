// API keys in Redis, stored only as their SHA-256 hash: a key is shown once at creation and cannot be
// read back. Revoking deletes the hash entry at once; the listing keeps the record, marked revoked.
import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from './connect-redis.js';
import type { Keys } from './keys.js';

export type ApiRole = 'admin' | 'subscriber';

export interface ApiKeyRecord {
  /** Public id (`key_...`): the owner of a subscriber's subscriptions, safe to log. */
  id: string;
  name: string;
  role: ApiRole;
  createdAt: string;
  revokedAt?: string;
  /** First characters of the key, to recognise it in a list. */
  hint: string;
}

/** Hex SHA-256: a key has 256 random bits, so a fast hash is enough (no password stretching needed). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function createApiKeyStore(redis: RedisClient, keys: Keys) {
  return {
    async create(input: { name: string; role: ApiRole; now: Date }): Promise<{ key: string; record: ApiKeyRecord }> {
      const key = `vk_${randomBytes(32).toString('base64url')}`;
      const record: ApiKeyRecord = {
        id: `key_${randomBytes(8).toString('hex')}`, name: input.name, role: input.role,
        createdAt: input.now.toISOString(), hint: key.slice(0, 7),
      };
      const hash = hashApiKey(key);
      await redis.multi()
        .set(keys.apiKey(hash), JSON.stringify(record))
        .hset(keys.apiKeys, record.id, JSON.stringify({ ...record, hash }))
        .exec();
      return { key, record };
    },
    /** The record of a live key, or undefined for an unknown or revoked one. */
    async verify(key: string): Promise<ApiKeyRecord | undefined> {
      if (key.length < 8 || key.length > 200) return undefined;
      const raw = await redis.get(keys.apiKey(hashApiKey(key)));
      return raw ? (JSON.parse(raw) as ApiKeyRecord) : undefined;
    },
    async list(): Promise<ApiKeyRecord[]> {
      const all = await redis.hvals(keys.apiKeys);
      return all.map((raw) => {
        const { hash: _hash, ...record } = JSON.parse(raw) as ApiKeyRecord & { hash: string };
        return record;
      }).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    async revoke(id: string, now: Date): Promise<boolean> {
      const raw = await redis.hget(keys.apiKeys, id);
      if (!raw) return false;
      const stored = JSON.parse(raw) as ApiKeyRecord & { hash: string };
      if (stored.revokedAt) return true;
      await redis.multi()
        .del(keys.apiKey(stored.hash))
        .hset(keys.apiKeys, id, JSON.stringify({ ...stored, revokedAt: now.toISOString() }))
        .exec();
      return true;
    },
  };
}

export type ApiKeyStore = ReturnType<typeof createApiKeyStore>;
