// /admin/queues: a small queue dashboard for admins (counts per state, failed jobs, retry), in place
// of Bull Board. The HTML page holds no data; it reads /admin/queues.json with the admin key.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { QUEUE } from '../../adapters/queue/queues.js';
import type { Services } from '../../runtime/create-services.js';
import { ApiError, notFound } from '../api-errors.js';
import { routeSchema } from '../route-schema.js';
import { queueCounts } from './health.js';

const tags = ['admin'];
const admin = { auth: 'admin' as const };
const retryParams = z.object({
  queue: z.enum(Object.keys(QUEUE) as [keyof typeof QUEUE, ...Array<keyof typeof QUEUE>]),
  jobId: z.string().regex(/^[A-Za-z0-9_:.-]{1,300}$/),
}).strict();

export async function adminQueueRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get('/admin/queues.json', { config: admin, schema: routeSchema({ operationId: 'adminQueues', summary: 'Queues with job counts per state and their failed jobs', tags, query: z.object({ failed: z.coerce.number().int().min(0).max(200).default(20) }).strict(), responses: { 403: 'forbidden' } }) },
    async (req) => {
      const { failed: n } = req.query as { failed: number };
      const counts = await queueCounts(s);
      return {
        queues: await Promise.all(counts.map(async (q) => ({
          ...q,
          failed: n === 0 ? [] : (await s.queues[q.name as keyof typeof QUEUE].getFailed(0, n - 1)).map((j) => ({
            id: j.id, name: j.name, failedReason: j.failedReason, attemptsMade: j.attemptsMade, finishedOn: j.finishedOn ? new Date(j.finishedOn).toISOString() : undefined,
          })),
        }))),
      };
    });

  app.post('/admin/queues/:queue/jobs/:jobId/retry', { config: admin, schema: routeSchema({ operationId: 'adminRetryJob', summary: 'Retry one failed job', tags, params: retryParams, responses: { 403: 'forbidden', 404: 'no such job', 409: 'job is not failed' } }) },
    async (req) => {
      const { queue, jobId } = req.params as z.output<typeof retryParams>;
      const job = await s.queues[queue].getJob(jobId);
      if (!job) throw notFound(`job ${jobId} in ${queue}`);
      if (!(await job.isFailed())) throw new ApiError('conflict', `job ${jobId} is not failed`);
      await job.retry('failed');
      return { retried: true, queue, jobId };
    });
}
