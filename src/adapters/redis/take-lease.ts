// A lease on one Redis key: taken with SET NX PX under a random token, given back only by its holder
// (compare-and-delete), and optionally kept alive while held. It never waits: the caller decides what
// a taken lease means (skip a poll, try a lock again).
import { randomUUID } from 'node:crypto';
import type { RedisClient as Redis } from './connect-redis.js';

/** KEYS[1] the lease; ARGV[1] the holder's token. Deletes the lease only if that holder still has it. */
const RELEASE_LUA = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
/** KEYS[1] the lease; ARGV[1] token, ARGV[2] lease ms. Extends the lease only if that holder still has it. */
const RENEW_LUA = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

export interface Lease {
  readonly key: string;
  readonly token: string;
  /**
   * Gives the lease back if this holder still has it. Resolves false when it did not (the lease had
   * ended and maybe passed to another holder) or Redis could not be reached (it ends on its own).
   */
  release(): Promise<boolean>;
}

export interface LeaseOptions {
  /**
   * Renew every third of the lease while held, so a long holder keeps it and a dead one loses it
   * within one lease. Without it the lease simply ends after `leaseMs`.
   */
  renew?: boolean;
}

/** The lease on `key` for `leaseMs`, or undefined when someone else holds it. Redis errors propagate. */
export async function takeLease(redis: Redis, key: string, leaseMs: number, opts: LeaseOptions = {}): Promise<Lease | undefined> {
  const token = randomUUID();
  if ((await redis.set(key, token, 'PX', leaseMs, 'NX')) !== 'OK') return undefined;
  // A failed renewal is left to the next one; if Redis stays away the lease ends on its own.
  const renewal = opts.renew
    ? setInterval(() => { redis.eval(RENEW_LUA, 1, key, token, leaseMs).catch(() => undefined); }, leaseMs / 3)
    : undefined;
  renewal?.unref();
  let released = false;
  return {
    key,
    token,
    async release() {
      if (released) return true;
      released = true;
      clearInterval(renewal);
      return (await redis.eval(RELEASE_LUA, 1, key, token).catch(() => 0)) === 1;
    },
  };
}
