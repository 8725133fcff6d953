// Opens ioredis connections with the settings BullMQ's production guide asks for, and checks at boot
// that the server will not silently evict vigie's state (maxmemory-policy must be noeviction).
import { Redis, type RedisOptions } from 'ioredis';
import { VigieError } from '../../core/errors/vigie-error.js';

export type RedisRole = 'worker' | 'producer' | 'state';

export function connectRedis(url: string, role: RedisRole, extra: RedisOptions = {}): Redis {
  const options: RedisOptions = {
    // BullMQ workers block on Redis: they need maxRetriesPerRequest null. Producers and state calls fail
    // fast while Redis is down instead of queueing commands forever (the failing-fast pattern).
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    enableOfflineQueue: role !== 'producer',
    // Reconnect quickly after an outage: capped at 2 s instead of ioredis' 20 s default.
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 4), 2000),
    lazyConnect: false,
    // Commands issued in the same tick (Promise.all of independent reads) travel in one round trip.
    enableAutoPipelining: role === 'state',
    ...extra,
  };
  const redis = new Redis(url, options);
  redis.on('error', () => undefined); // reported by callers through their commands; avoid unhandled 'error'
  return redis;
}

export interface RedisSettingsReport {
  ok: boolean;
  problems: string[];
  version: string;
  maxmemoryPolicy: string;
  appendonly: string;
}

/** Reads CONFIG/INFO and says what is unsafe; CONFIG may be disabled on managed Redis, which is not an error. */
export async function inspectRedis(redis: Redis): Promise<RedisSettingsReport> {
  const info = await redis.info('server');
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  const read = async (name: string) => {
    try {
      const res = (await redis.config('GET', name)) as string[];
      return res[1] ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
  const maxmemoryPolicy = await read('maxmemory-policy');
  const appendonly = await read('appendonly');
  const problems: string[] = [];
  if (maxmemoryPolicy !== 'noeviction' && maxmemoryPolicy !== 'unknown') {
    problems.push(`maxmemory-policy is ${maxmemoryPolicy}; vigie needs noeviction (evicted keys are lost jobs and alerts)`);
  }
  return { ok: problems.length === 0, problems, version, maxmemoryPolicy, appendonly };
}

export async function assertRedisSafe(redis: Redis): Promise<RedisSettingsReport> {
  const report = await inspectRedis(redis);
  if (!report.ok) throw new VigieError('REDIS_MISCONFIGURED', 'redis', report.problems.join('; '));
  return report;
}
