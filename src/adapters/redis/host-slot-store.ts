// Per-host request slots shared by every process on one Redis (HostSlots): a sorted set per host of
// holder tokens scored by lease end, in Redis time. A holder renews its lease every third of it while
// it holds the slot, and taking a slot first drops expired leases, so a worker killed mid-fetch costs
// its slot for one lease (10 s) at most. A process that finds the host full polls again after a short,
// jittered wait (fetches last seconds; a queue would add little).
import { randomUUID } from 'node:crypto';
import type { RedisClient } from './connect-redis.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import type { HostSlots } from '../http/host-slots.js';
import type { Keys } from './keys.js';

/** KEYS[1] the host's set; ARGV lease ms, slot count, token. Returns 1 when the slot is taken. */
const TAKE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return 1
end
return 0`;

/** KEYS[1] the host's set; ARGV lease ms, token. Extends the token's lease if it still holds a slot. */
const RENEW_LUA = `
if redis.call('ZSCORE', KEYS[1], ARGV[2]) then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return 0`;

export interface HostSlotStoreOptions {
  /** Slots per host across the deployment. */
  limit: number;
  /** How long a slot outlives a holder that stopped renewing it; default 10 s. */
  leaseMs?: number;
  /** Wait before asking again when the host is full (jittered up to twice that); default 100 ms. */
  pollMs?: number;
}

function unavailable(err: unknown): VigieError {
  return new VigieError('REDIS_UNAVAILABLE', 'fetch', `shared per-host slots: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) { reject(signal.reason); return; }
    const onAbort = (): void => { clearTimeout(timer); reject(signal.reason); };
    const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createHostSlotStore(redis: RedisClient, keys: Keys, opts: HostSlotStoreOptions): HostSlots {
  const pollMs = opts.pollMs ?? 100;
  const leaseMs = opts.leaseMs ?? 10_000;
  return {
    async acquire(host, signal) {
      const key = keys.hostSlots(host);
      const token = randomUUID();
      for (;;) {
        if (signal.aborted) throw signal.reason;
        let taken: unknown;
        try {
          taken = await redis.eval(TAKE_LUA, 1, key, leaseMs, opts.limit, token);
        } catch (err) {
          throw unavailable(err);
        }
        if (taken === 1) {
          // A failed renewal is left to the next one; if Redis stays away, the lease ends on its own.
          const renew = setInterval(() => { redis.eval(RENEW_LUA, 1, key, leaseMs, token).catch(() => undefined); }, leaseMs / 3);
          renew.unref();
          let released = false;
          return () => {
            if (released) return;
            released = true;
            clearInterval(renew);
            redis.zrem(key, token).catch(() => undefined);
          };
        }
        await sleep(pollMs * (1 + Math.random()), signal);
      }
    },
  };
}
