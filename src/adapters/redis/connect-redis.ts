// Opens ioredis connections with the settings BullMQ's production guide asks for, and checks at boot
// that the server will not silently evict vigie's state (maxmemory-policy must be noeviction).
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { VigieError } from '../../core/errors/vigie-error.js';
import { parseRedisUrl } from '../../config/parse-redis-url.js';

export type RedisRole = 'worker' | 'producer' | 'state';

/**
 * One server or a Redis Cluster: both speak the same commands. On a cluster every key vigie and BullMQ
 * use carries the deployment's hash tag (keys.ts), so MULTI, pipelines and Lua scripts stay on one slot.
 */
export type RedisClient = Redis | Cluster;

export function isCluster(redis: RedisClient): redis is Cluster {
  return (redis as Cluster).isCluster === true;
}

/**
 * Commands that wait on the server: never put in an auto-pipeline (BullMQ sends them on its own blocking
 * connection, which ioredis duplicates from the worker's with these options).
 */
const BLOCKING_COMMANDS = ['bzpopmin', 'bzpopmax', 'bzmpop', 'blpop', 'brpop', 'blmove', 'blmpop', 'brpoplpush', 'xread', 'xreadgroup', 'wait', 'waitaof'];

export function connectRedis(url: string, role: RedisRole, extra: RedisOptions = {}): RedisClient {
  // Reconnect quickly after an outage: capped at 2 s instead of ioredis' 20 s default.
  const retryStrategy = (times: number) => Math.min(200 * 2 ** Math.min(times, 4), 2000);
  const options: RedisOptions = {
    // BullMQ workers block on Redis: they need maxRetriesPerRequest null. Producers and state calls fail
    // fast while Redis is down instead of queueing commands forever (the failing-fast pattern).
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    enableOfflineQueue: role !== 'producer',
    retryStrategy,
    lazyConnect: false,
    ...extra,
  };
  const target = parseRedisUrl(url);
  // Commands issued in the same tick (Promise.all of independent reads) travel in one round trip, and
  // while one batch is on the wire the next ones queue up. On the workers' connection to one server this
  // batches the script call BullMQ makes as each job ends (moveToFinished) across the jobs in flight: one
  // socket write for many jobs instead of one per job. Not on a cluster: there BullMQ's workers, once
  // auto-pipelined, failed to refresh the slot map (cluster.test.ts), so they keep one write per call.
  const batchedWorker = role === 'worker' && target.kind === 'single';
  options.enableAutoPipelining = extra.enableAutoPipelining ?? (role === 'state' || batchedWorker);
  if (batchedWorker) options.autoPipeliningIgnoredCommands = extra.autoPipeliningIgnoredCommands ?? BLOCKING_COMMANDS;
  const redis: RedisClient = target.kind === 'single' ? new Redis(url, options) : new Cluster(target.nodes, clusterOptions(target, options));
  redis.on('error', () => undefined); // reported by callers through their commands; avoid unhandled 'error'
  return redis;
}

/** The same behaviour on a cluster: per-node settings go in redisOptions (where BullMQ reads them too). */
function clusterOptions(target: Extract<ReturnType<typeof parseRedisUrl>, { kind: 'cluster' }>, o: RedisOptions): ClusterOptions {
  const { enableOfflineQueue, enableAutoPipelining, retryStrategy, lazyConnect, ...perNode } = o;
  return {
    enableOfflineQueue, enableAutoPipelining, lazyConnect,
    clusterRetryStrategy: retryStrategy ? (times) => retryStrategy(times) ?? null : undefined,
    redisOptions: {
      ...perNode,
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
    },
  };
}

export interface RedisSettingsReport {
  ok: boolean;
  problems: string[];
  version: string;
  maxmemoryPolicy: string;
  appendonly: string;
}

async function readConfig(redis: Redis | Cluster, name: string): Promise<string> {
  try {
    const res = (await redis.config('GET', name)) as string[];
    return res[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Reads CONFIG/INFO and says what is unsafe; CONFIG may be disabled on managed Redis, which is not an error. */
export async function inspectRedis(redis: RedisClient): Promise<RedisSettingsReport> {
  const info = await redis.info('server'); // on a cluster, also waits for the slot map
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  // On a cluster each node has its own settings, and vigie's slot may move to any of them (a replica
  // promoted by failover, a reshard): every node must keep vigie's keys.
  const servers: Array<Redis | Cluster> = isCluster(redis) ? redis.nodes('all') : [redis];
  const policies = await Promise.all(servers.map((n) => readConfig(n, 'maxmemory-policy')));
  const maxmemoryPolicy = policies.find((p) => p !== 'noeviction' && p !== 'unknown') ?? policies[0] ?? 'unknown';
  const appendonly = await readConfig(servers[0] ?? redis, 'appendonly');
  const problems: string[] = [];
  if (maxmemoryPolicy !== 'noeviction' && maxmemoryPolicy !== 'unknown') {
    problems.push(`maxmemory-policy is ${maxmemoryPolicy}; vigie needs noeviction (evicted keys are lost jobs and alerts)`);
  }
  return { ok: problems.length === 0, problems, version, maxmemoryPolicy, appendonly };
}

export async function assertRedisSafe(redis: RedisClient): Promise<RedisSettingsReport> {
  const report = await inspectRedis(redis);
  if (!report.ok) throw new VigieError('REDIS_MISCONFIGURED', 'redis', report.problems.join('; '));
  return report;
}
