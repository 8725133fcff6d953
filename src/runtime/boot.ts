// Process start-up shared by every command that needs state: environment validated, Redis found (or
// the embedded one started), config loaded, services created, Redis settings checked. One place, so
// `start`, `worker`, `api` and the management commands behave the same.
import type { Env } from '../config/env.js';
import type { VigieConfig } from '../config/load-config.js';
import { loadSetup } from '../config/check-setup.js';
import { assertRedisSafe } from '../adapters/redis/connect-redis.js';
import { isVigieError, VigieError } from '../core/errors/vigie-error.js';
import { createServices, type Services } from './create-services.js';
import { findEmbeddedRedis, startEmbeddedRedis, type EmbeddedRedis } from './embedded-redis.js';

export interface Booted { env: Env; config: VigieConfig; services: Services; embedded?: EmbeddedRedis; shutdown(): Promise<void> }

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

export async function boot(opts: { embedded: boolean; configDir?: string; env?: NodeJS.ProcessEnv; waitForRedis?: boolean } = { embedded: false }): Promise<Booted> {
  const { env, config } = loadSetup(opts.env ?? process.env, opts.configDir); // what `vigie config check` reports
  let embedded: EmbeddedRedis | undefined;
  let redisUrl = env.REDIS_URL;
  if (!redisUrl) {
    // Without REDIS_URL: the embedded server of a `vigie start` running in this folder, else the default port.
    if (!opts.embedded) redisUrl = findEmbeddedRedis(env.VIGIE_DATA_DIR) ?? 'redis://127.0.0.1:6379';
    else {
      embedded = await startEmbeddedRedis(env.VIGIE_DATA_DIR);
      redisUrl = embedded.url;
    }
  }
  const services = createServices({ env, redisUrl, entities: config.entities });
  try {
    await checkRedis(services, redisUrl, opts.waitForRedis ?? false);
  } catch (err) {
    await services.close();
    await embedded?.stop();
    throw err;
  }
  return {
    env, config, services, embedded,
    shutdown: async () => {
      await services.close();
      await embedded?.stop();
    },
  };
}
