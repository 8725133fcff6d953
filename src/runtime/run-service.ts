// Runs vigie as a long-lived process: workers and/or the HTTP app, with a heartbeat for /readyz and a
// graceful shutdown on SIGINT/SIGTERM (stop claiming work, finish what is in flight, then exit).
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../api/build-app.js';
import { applyConfig } from '../pipeline/apply-config.js';
import { createWorkers, type WorkerSet } from '../../workers/create-workers.js';
import { boot } from './boot.js';

export interface RunOptions { workers: boolean; api: boolean; embedded: boolean; port?: number; host?: string; configDir?: string }

export async function runService(opts: RunOptions): Promise<void> {
  const booted = await boot({ embedded: opts.embedded, configDir: opts.configDir, waitForRedis: true });
  const { services: s, env } = booted;
  const stale = booted.lock?.recovered;
  if (stale) s.log.warn({ event: 'data.lock.recovered', pid: stale.holder.pid, startedAt: stale.holder.startedAt, orphanRedisStopped: stale.orphanRedisStopped }, 'took over the data folder of a vigie start that is gone');
  s.log.info({ event: 'catalog.loaded', entities: booted.config.entities.length, from: booted.catalogFrom },
    booted.catalogFrom === 'snapshot' ? 'entity catalog read from its snapshot' : 'entity catalog read from its files (compiled at the first article)');
  if (booted.embedded) s.log.info({ event: 'redis.embedded.started', url: booted.embedded.url, dataDir: env.VIGIE_DATA_DIR }, 'embedded redis-server started');
  let workers: WorkerSet | undefined;
  let app: FastifyInstance | undefined;
  /** The one teardown, in order: stop answering, let jobs in flight finish, then Redis and the lock. */
  const closeAll = async (): Promise<void> => {
    await app?.close();
    await workers?.close();
    await booted.shutdown();
  };
  try {
    const applied = await applyConfig(s, booted.config);
    for (const n of applied.newSecrets) {
      // Shown once, like a secret made by `vigie subscriptions add`; it is never logged again.
      process.stdout.write(`webhook secret for ${n.id} channel ${n.channelId}: ${n.secret}\n`);
    }
    s.log.info({ event: 'config.applied', sources: applied.sources, subscriptions: applied.subscriptions }, 'config applied');
    if (opts.workers) workers = createWorkers(s);
    if (opts.api) {
      app = await buildApp({ services: s, workersAlive: () => (workers ? workers.workers.every((w) => w.isRunning()) : true) });
      const port = opts.port ?? env.VIGIE_HTTP_PORT;
      const address = await app.listen({ port, host: opts.host ?? env.VIGIE_HTTP_HOST });
      booted.lock?.update({ http: address }); // so a second start in this folder can say where this one answers
      s.log.info({ event: 'http.listening', address }, `listening on ${address}`);
      process.stdout.write(`vigie listening on ${address} (health: ${address}/healthz)\n`);
    }
  } catch (err) {
    // A busy port or a bad config: stop what was started (the embedded Redis, the lock) before failing.
    await closeAll();
    throw err;
  }
  s.log.info({ event: 'service.started', workers: Boolean(workers), api: Boolean(app) }, 'vigie started');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    s.log.info({ event: 'service.stopping', signal }, 'stopping: finishing jobs in flight');
    // Jobs in flight get their deadlines (webhook 15 s, fetch 30 s) to finish; if Redis is gone the
    // close cannot complete, so the process leaves anyway: whatever was in flight is re-run elsewhere.
    setTimeout(() => {
      s.log.error({ event: 'service.stop.timeout' }, 'shutdown took too long; exiting');
      process.exit(1);
    }, 40_000).unref();
    await closeAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
