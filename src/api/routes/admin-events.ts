// GET /admin/events: what an admin should know without reading logs (a webhook endpoint disabled by a
// 410 and whether its owner could be emailed; re-enabled, with the fate of its held deliveries).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../runtime/create-services.js';
import { routeSchema } from '../route-schema.js';
import { limitQuery } from '../common-schemas.js';

export async function adminEventRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get('/admin/events', { config: { auth: 'admin' as const }, schema: routeSchema({ operationId: 'adminEvents', summary: 'Recent events for admins, newest first', tags: ['admin'], query: z.object({ limit: limitQuery }).strict(), responses: { 403: 'forbidden' } }) },
    async (req) => ({ events: await s.events.list((req.query as { limit: number }).limit) }));
}
