// Process start-up shared by every command that needs state: environment validated, Redis found (or
// the embedded one started), config loaded, services created, Redis settings checked. One place, so
// `start`, `worker`, `api` and the management commands behave the same.
import os from 'node:os';
import path from 'node:path';
import type { Env } from '../config/env.js';
import type { VigieConfig } from '../config/load-config.js';
import { loadSetup } from '../config/check-setup.js';
import { cacheDir } from '../config/cache-dir.js';
import { openCatalogCache } from '../config/catalog-cache.js';
import { assertRedisSafe } from '../adapters/redis/connect-redis.js';
import { isVigieError, VigieError } from '../core/errors/vigie-error.js';
import { createServices, type Services } from './create-services.js';
import { findEmbeddedRedis, startEmbeddedRedis, type EmbeddedRedis } from './embedded-redis.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { processStartTime } from './process-alive.js';

export interface Booted {
  env: Env; config: VigieConfig; services: Services;
  /** Where the entity catalog came from: its snapshot (matcher included) or its files (compiled when first needed). */
  catalogFrom: 'snapshot' | 'files';
  embedded?: EmbeddedRedis;
  /** Held while the embedded Redis runs: one `vigie start` per data folder. */
  lock?: DataDirLock;
  shutdown(): Promise<void>;
}

/**
 * Checks Redis (reachable, settings safe). Long-running roles wait for it (a worker started before
 * Redis, as docker compose may do, starts when Redis comes up, without a crash loop); one-shot
 * commands fail fast with REDIS_UNAVAILABLE.
 */
async function checkRedis(services: Services, url: string, wait: boolean): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await assertRedisSafe(services.redis);
      return;
    } catch (err) {
      if (isVigieError(err)) throw err;
      const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
      if (!wait) throw new VigieError('REDIS_UNAVAILABLE', 'redis', `cannot reach Redis at ${safeUrl}: ${(err as Error).message}`, { cause: err });
      if (attempt === 1 || attempt % 10 === 0) services.log.warn({ event: 'redis.waiting', url: safeUrl, attempt }, 'waiting for Redis');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Locks the data folder, then starts its redis-server; on failure leaves neither behind. */
async function startEmbedded(dataDir: string): Promise<{ lock: DataDirLock; embedded: EmbeddedRedis }> {
  const lock = await lockDataDir(dataDir, new Date());
  try {
    const embedded = await startEmbeddedRedis(dataDir);
    lock.update({ redisUrl: embedded.url, redisPid: embedded.pid, redisStartTime: processStartTime(embedded.pid) });
    return { lock, embedded };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * Without REDIS_URL, a command other than `start` uses the embedded Redis of the `vigie start` running on
 * this data folder, and nothing else: a Redis that happens to listen on 6379 may be someone else's.
 */
function redisOfRunningStart(dataDir: string): string {
  const url = findEmbeddedRedis(dataDir);
  if (url) return url;
  throw new VigieError('REDIS_NOT_CONFIGURED', 'boot', `REDIS_URL is unset and no \`vigie start\` is running on the data folder ${path.resolve(dataDir)}. `
    + 'Run `npm start` (or `node bin/vigie.js start`) from this folder first, or set REDIS_URL to your Redis (e.g. REDIS_URL=redis://127.0.0.1:6379)');
}

export async function boot(opts: { embedded: boolean; configDir?: string; env?: NodeJS.ProcessEnv; waitForRedis?: boolean } = { embedded: false }): Promise<Booted> {
  const source = opts.env ?? process.env;
  // The entities and their matcher from the snapshot of a previous run (or `vigie match`) when the entity
  // files and the matcher code are the same; else the files, and the snapshot written at the first compile.
  const catalog = openCatalogCache(cacheDir(source, os.homedir()));
  const { env, config } = loadSetup(source, opts.configDir, (dir) => catalog.entities(dir)); // what `vigie config check` reports
  let embedded: EmbeddedRedis | undefined;
  let lock: DataDirLock | undefined;
  let redisUrl = env.REDIS_URL;
  if (!redisUrl && opts.embedded) {
    ({ lock, embedded } = await startEmbedded(env.VIGIE_DATA_DIR));
    redisUrl = embedded.url;
  } else if (!redisUrl) redisUrl = redisOfRunningStart(env.VIGIE_DATA_DIR);
  const services = createServices({ env, redisUrl, entities: config.entities, matcher: catalog.matcher, onMatcherCompiled: (compiled) => {
    if (catalog.keep('matcher' in compiled ? compiled.matcher : new Uint8Array(compiled.shared.bytes))) services.log.info({ event: 'catalog.snapshot.written', entities: config.entities.length }, 'entity catalog compiled; its snapshot written for the next start');
  } });
  const shutdown = async () => {
    await services.close();
    await embedded?.stop();
    lock?.release();
  };
  try {
    await checkRedis(services, redisUrl, opts.waitForRedis ?? false);
  } catch (err) {
    await shutdown();
    throw err;
  }
  return { env, config, services, embedded, lock, shutdown, catalogFrom: catalog.matcher ? 'snapshot' : 'files' };
}
