// /v1/deliveries: the delivery log (status, next attempt, attempts), by status (held, waiting ones), the
// dead list, and replay of a dead or failed delivery (same id, so the same webhook-id: receivers
// deduplicate it). Subscribers see only their own; admins see every one, the admin channels' included.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Delivery } from '../../core/model/alert.js';
import { JOB_OPTIONS } from '../../adapters/queue/queues.js';
import type { Services } from '../../runtime/create-services.js';
import { ApiError, notFound } from '../api-errors.js';
import { isAdmin } from '../auth.js';
import { ADMIN_SUBSCRIPTION_ID } from '../../core/deliver/admin-channels.js';
import { assertOwnsSubscriptionId, ownSubscription, visibleSubscriptions } from '../owner-scope.js';
import { routeSchema } from '../route-schema.js';
import { idParam, limitQuery } from '../common-schemas.js';

const tags = ['deliveries'];
const STATUSES = ['pending', 'sending', 'failed', 'held', 'submitted', 'dead', 'discarded'] as const;
const listQuery = z.object({
  subscription: z.string().max(100).optional(),
  status: z.enum(STATUSES).optional().describe('only this status; held, pending, sending and failed are read from their index, whatever their age'),
  limit: limitQuery,
}).strict();

/** Candidate ids: from the status index when there is one (held, waiting), else the subscriptions' newest. */
async function candidates(s: Services, subIds: string[], q: z.output<typeof listQuery>): Promise<string[]> {
  if (q.status === 'held') return s.alerts.listHeld(10_000);
  if (q.status === 'pending' || q.status === 'sending' || q.status === 'failed') return s.alerts.listWaiting(10_000);
  return s.alerts.newestDeliveryIds(subIds, q.limit * (q.status ? 10 : 1));
}

/**
 * The subscription ids whose deliveries the caller may list: its own, or every one for an admin, with
 * the admin channels' reserved id (source-health notices, notify-admins.ts), which no subscription holds.
 */
async function listedSubscriptionIds(s: Services, req: FastifyRequest, only: string | undefined): Promise<string[]> {
  if (only === ADMIN_SUBSCRIPTION_ID && isAdmin(req)) return [only];
  if (only) return [(await ownSubscription(s, req, only)).id];
  const ids = (await visibleSubscriptions(s, req)).map((sub) => sub.id);
  return isAdmin(req) ? [...ids, ADMIN_SUBSCRIPTION_ID] : ids;
}

async function ownDelivery(s: Services, req: FastifyRequest, id: string): Promise<Delivery> {
  const d = await s.alerts.getDelivery(id);
  if (!d) throw notFound('such delivery');
  await assertOwnsSubscriptionId(s, req, d.subscriptionId, 'such delivery');
  return d;
}

async function loadAll(s: Services, ids: string[]): Promise<Delivery[]> {
  return (await Promise.all(ids.map((id) => s.alerts.getDelivery(id)))).filter((d): d is Delivery => d !== undefined);
}

export async function deliveryRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get('/v1/deliveries', { schema: routeSchema({ operationId: 'listDeliveries', summary: 'Deliveries of the caller\'s subscriptions (or one), newest first, or of one status', tags, query: listQuery }) },
    async (req) => {
      const q = req.query as z.output<typeof listQuery>;
      const mine = new Set(await listedSubscriptionIds(s, req, q.subscription));
      const all = await loadAll(s, await candidates(s, [...mine], q));
      return { deliveries: all.filter((d) => mine.has(d.subscriptionId) && (!q.status || d.status === q.status)).slice(0, q.limit) };
    });

  app.get('/v1/deliveries/dead', { schema: routeSchema({ operationId: 'listDeadDeliveries', summary: 'Deliveries that gave up (can be replayed)', tags, query: z.object({ limit: limitQuery }).strict() }) },
    async (req) => {
      const { limit } = req.query as { limit: number };
      const dead = await loadAll(s, await s.alerts.listDead(isAdmin(req) ? limit : 1000));
      if (isAdmin(req)) return { deliveries: dead };
      const mine = new Set((await visibleSubscriptions(s, req)).map((x) => x.id));
      return { deliveries: dead.filter((d) => mine.has(d.subscriptionId)).slice(0, limit) };
    });

  app.get('/v1/deliveries/:id', { schema: routeSchema({ operationId: 'getDelivery', summary: 'One delivery with its attempt log', tags, params: idParam, responses: { 404: 'not_found' } }) },
    async (req) => {
      const d = await ownDelivery(s, req, (req.params as { id: string }).id);
      return { delivery: d, attempts: await s.alerts.attempts(d.id) };
    });

  app.post('/v1/deliveries/:id/replay', { schema: routeSchema({ operationId: 'replayDelivery', summary: 'Send a dead, failed, submitted or discarded delivery again (same webhook-id)', tags, params: idParam, responses: { 202: 'queued', 404: 'not_found', 409: 'pending or sending' } }) },
    async (req, reply) => {
      const d = await ownDelivery(s, req, (req.params as { id: string }).id);
      if (!(await s.alerts.resetForReplay(d.id))) throw new ApiError('conflict', `delivery ${d.id} is ${d.status}; only dead, failed, submitted or discarded ones are replayed`);
      const jobId = `${d.id}-replay-${Date.now()}`;
      await s.queues.deliver.add('deliver', { deliveryId: d.id }, { ...JOB_OPTIONS.deliver, jobId });
      return reply.code(202).send({ queued: true, jobId, deliveryId: d.id });
    });
}
