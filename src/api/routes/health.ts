// /healthz (the process answers), /readyz (Redis reachable and sane, workers alive) and /metrics
// (Prometheus, with queue depths read from BullMQ at scrape time).
import type { FastifyInstance } from 'fastify';
import { inspectRedis } from '../../adapters/redis/connect-redis.js';
import { QUEUE } from '../../adapters/queue/queues.js';
import type { Services } from '../../runtime/create-services.js';
import { routeSchema } from '../route-schema.js';

const pub = { auth: 'public' as const };
const tags = ['operations'];
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

export async function queueCounts(s: Services): Promise<Array<{ name: string; counts: Record<string, number> }>> {
  return Promise.all((Object.keys(QUEUE) as Array<keyof typeof QUEUE>).map(async (name) => ({
    name, counts: await s.queues[name].getJobCounts(...QUEUE_STATES),
  })));
}

export async function healthRoutes(app: FastifyInstance, s: Services, workersAlive?: () => boolean): Promise<void> {
  app.get('/healthz', { config: pub, schema: routeSchema({ operationId: 'healthz', summary: 'Liveness: the process answers', tags, public: true }) },
    async () => ({ status: 'ok' }));

  app.get('/readyz', { config: pub, schema: routeSchema({ operationId: 'readyz', summary: 'Readiness: Redis reachable, Redis settings safe, workers alive', tags, public: true, responses: { 503: 'not ready' } }) },
    async (_req, reply) => {
      const checks: Record<string, string> = {};
      const problems: string[] = [];
      try {
        await s.redis.ping();
        checks.redis = 'ok';
        const report = await inspectRedis(s.redis);
        checks.redisSettings = report.ok ? 'ok' : 'unsafe';
        problems.push(...report.problems);
      } catch {
        checks.redis = 'unreachable';
      }
      if (workersAlive) checks.workers = workersAlive() ? 'ok' : 'down';
      const ok = Object.values(checks).every((v) => v === 'ok');
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not-ready', checks, ...(problems.length ? { problems } : {}) });
    });

  app.get('/metrics', { config: pub, schema: routeSchema({ operationId: 'metrics', summary: 'Prometheus metrics (text exposition format)', tags, public: true }) },
    async (_req, reply) => {
      try {
        for (const q of await queueCounts(s)) for (const [state, n] of Object.entries(q.counts)) s.metrics.queueDepth.set({ queue: q.name, state }, n);
      } catch {
        // Redis down: serve the process metrics anyway; the gauges keep their last values.
      }
      reply.header('content-type', s.metrics.registry.contentType);
      return s.metrics.registry.metrics();
    });
}
