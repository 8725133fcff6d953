// GET /v1/me: who this key is (id, name, role), so the web page knows what to show.
import type { FastifyInstance } from 'fastify';
import { principalOf } from '../auth.js';
import { routeSchema } from '../route-schema.js';

export async function meRoutes(app: FastifyInstance): Promise<void> {
  app.get('/v1/me', { schema: routeSchema({ operationId: 'whoAmI', summary: 'The calling key: id, name and role (never the key)', tags: ['keys'] }) },
    async (req) => {
      const { id, name, role } = principalOf(req);
      return { id, name, role };
    });
}
