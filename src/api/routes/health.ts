// /healthz (the process answers), /readyz (Redis reachable and sane, workers alive) and /metrics
// (Prometheus, with queue depths read from BullMQ at scrape time). An orchestrator probes these while
// Redis may be down or hung: healthz never touches Redis, and readyz and metrics wait a bounded time.
import type { FastifyInstance } from 'fastify';
import { inspectRedis } from '../../adapters/redis/connect-redis.js';
import { QUEUE } from '../../adapters/queue/queues.js';
import type { Services } from '../../runtime/create-services.js';
import { routeSchema } from '../route-schema.js';
import { withDeadline } from '../with-deadline.js';

// Public and outside the rate limiter: its counters live in Redis, and a probe must not wait on it.
const probe = { auth: 'public' as const, rateLimit: false as const };
const tags = ['operations'];
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;
/** Readiness and the metrics' queue gauges answer within 1 s (the issue's limit for orchestrators). */
const PROBE_DEADLINE_MS = 800;

export async function queueCounts(s: Services): Promise<Array<{ name: string; counts: Record<string, number> }>> {
  return Promise.all((Object.keys(QUEUE) as Array<keyof typeof QUEUE>).map(async (name) => ({
    name, counts: await s.queues[name].getJobCounts(...QUEUE_STATES),
  })));
}

async function checkRedis(s: Services): Promise<{ redis: string; redisSettings?: string; problems: string[] }> {
  // A connection that is not ready (reconnecting, closed) is unreachable now: no command is queued.
  if (s.redis.status !== 'ready') return { redis: 'unreachable', problems: [] };
  try {
    const report = await withDeadline(inspectRedis(s.redis), PROBE_DEADLINE_MS);
    return { redis: 'ok', redisSettings: report.ok ? 'ok' : 'unsafe', problems: report.problems };
  } catch {
    return { redis: 'unreachable', problems: [] };
  }
}

/** Refreshes the queue gauges within a deadline; one refresh at a time, so scrapes never pile up calls. */
function queueGaugeRefresher(s: Services): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  return async () => {
    inFlight ??= queueCounts(s).then((all) => {
      for (const q of all) for (const [state, n] of Object.entries(q.counts)) s.metrics.queueDepth.set({ queue: q.name, state }, n);
    }).finally(() => { inFlight = undefined; });
    // Redis down or slow: serve the process metrics anyway; the gauges keep their last values.
    await withDeadline(inFlight, PROBE_DEADLINE_MS).catch(() => undefined);
  };
}

export async function healthRoutes(app: FastifyInstance, s: Services, workersAlive?: () => boolean): Promise<void> {
  app.get('/healthz', { config: probe, schema: routeSchema({ operationId: 'healthz', summary: 'Liveness: the process answers (no Redis call)', tags, public: true }) },
    async () => ({ status: 'ok' }));

  app.get('/readyz', { config: probe, schema: routeSchema({ operationId: 'readyz', summary: 'Readiness: Redis reachable, Redis settings safe, workers alive; 503 within 1 s otherwise', tags, public: true, responses: { 503: 'not ready' } }) },
    async (_req, reply) => {
      const { problems, ...redis } = await checkRedis(s);
      const checks: Record<string, string> = { ...redis };
      if (workersAlive) checks.workers = workersAlive() ? 'ok' : 'down';
      const ok = Object.values(checks).every((v) => v === 'ok');
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not-ready', checks, ...(problems.length ? { problems } : {}) });
    });

  const refreshQueueGauges = queueGaugeRefresher(s);
  app.get('/metrics', { config: probe, schema: routeSchema({ operationId: 'metrics', summary: 'Prometheus metrics (text exposition format); queue gauges keep their last values while Redis is down', tags, public: true }) },
    async (_req, reply) => {
      await refreshQueueGauges();
      reply.header('content-type', s.metrics.registry.contentType);
      return s.metrics.registry.metrics();
    });
}
