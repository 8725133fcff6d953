// WebSub push state per source in Redis: the hub and topic subscribed, the per-subscription secret,
// what vigie wants now (subscribe, or unsubscribe once the source is removed) and the verified lease.
// It holds state only; requests to the hub and their timing belong to src/pipeline/websub-*.ts.
import { randomBytes } from 'node:crypto';
import type { RedisClient } from './connect-redis.js';
import type { Keys } from './keys.js';
import type { WebSubMode } from '../../core/websub/websub-form.js';

export interface PushState {
  hub: string;
  topic: string;
  secret: string;
  /** What vigie asked the hub for last. */
  wanted: WebSubMode;
  requestedAt?: string;
  /** Set when the hub verified a subscribe; cleared by a denial. */
  verifiedAt?: string;
  leaseSeconds?: number;
  leaseUntil?: string;
  lastError?: string;
}

export function createPushStore(redis: RedisClient, keys: Keys) {
  const key = keys.websub;
  return {
    async get(sourceId: string): Promise<PushState | undefined> {
      const h = await redis.hgetall(key(sourceId));
      if (!h.hub || !h.topic || !h.secret) return undefined;
      return {
        hub: h.hub, topic: h.topic, secret: h.secret, wanted: h.wanted === 'unsubscribe' ? 'unsubscribe' : 'subscribe',
        requestedAt: h.requestedAt, verifiedAt: h.verifiedAt, leaseUntil: h.leaseUntil, lastError: h.lastError,
        leaseSeconds: h.leaseSeconds ? Number(h.leaseSeconds) : undefined,
      };
    },
    /**
     * Wants a subscription to `hub` for `topic`. The secret is kept while hub and topic stay the same
     * (a renewal); a new hub or topic gets a new secret and starts unverified.
     */
    async want(sourceId: string, hub: string, topic: string): Promise<PushState> {
      const old = await this.get(sourceId);
      if (old && old.hub === hub && old.topic === topic) {
        if (old.wanted !== 'subscribe') await redis.hset(key(sourceId), 'wanted', 'subscribe');
        return { ...old, wanted: 'subscribe' };
      }
      const fresh: PushState = { hub, topic, secret: randomBytes(32).toString('hex'), wanted: 'subscribe' };
      await redis.multi().del(key(sourceId)).hset(key(sourceId), { hub, topic, secret: fresh.secret, wanted: 'subscribe' }).exec();
      return fresh;
    },
    async markRequested(sourceId: string, at: Date, error?: string): Promise<void> {
      const m = redis.multi().hset(key(sourceId), 'requestedAt', at.toISOString());
      if (error) m.hset(key(sourceId), 'lastError', error.slice(0, 300));
      else m.hdel(key(sourceId), 'lastError');
      await m.exec();
    },
    async markVerified(sourceId: string, at: Date, leaseSeconds: number, leaseUntil: Date): Promise<void> {
      await redis.hset(key(sourceId), { verifiedAt: at.toISOString(), leaseSeconds: String(leaseSeconds), leaseUntil: leaseUntil.toISOString() });
      await redis.hdel(key(sourceId), 'lastError');
    },
    async markDenied(sourceId: string, reason: string): Promise<void> {
      await redis.hdel(key(sourceId), 'verifiedAt', 'leaseSeconds', 'leaseUntil');
      await redis.hset(key(sourceId), 'lastError', `denied: ${reason}`.slice(0, 300));
    },
    /** Keeps the state (the hub still has to verify the unsubscribe) but stops accepting pushes. */
    async wantUnsubscribe(sourceId: string): Promise<boolean> {
      const exists = await redis.exists(key(sourceId));
      if (exists) await redis.hset(key(sourceId), 'wanted', 'unsubscribe');
      return exists > 0;
    },
    async remove(sourceId: string): Promise<void> {
      await redis.del(key(sourceId));
    },
  };
}

/** Push is on while a subscribe is wanted, verified, and its lease has not ended. */
export function pushActive(state: PushState | undefined, now: Date): boolean {
  return state?.wanted === 'subscribe' && state.leaseUntil !== undefined && Date.parse(state.leaseUntil) > now.getTime();
}

export type PushStore = ReturnType<typeof createPushStore>;
