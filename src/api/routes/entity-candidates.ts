// /v1/entity-candidates: named groups seen in articles that the catalog lacks, for admins to accept
// (they become actors every worker matches from its next article) or reject (never proposed again).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../runtime/create-services.js';
import { acceptCandidate, rejectCandidate } from '../../pipeline/decide-candidate.js';
import { isVigieError } from '../../core/errors/vigie-error.js';
import { ApiError } from '../api-errors.js';
import { routeSchema } from '../route-schema.js';
import { limitQuery } from '../common-schemas.js';
import { displayName } from '../../core/model/display-name.js';

const tags = ['entities'];
const admin = { auth: 'admin' as const };
const keyParam = z.object({ key: z.string().min(1).max(200) }).strict();
const listQuery = z.object({ status: z.enum(['proposed', 'accepted', 'rejected', 'all']).default('proposed'), limit: limitQuery }).strict();
const acceptBody = z.object({
  parent: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/).optional().describe('parent actor id (default: the known actor most often named near it)'),
  name: displayName(200).optional().describe('canonical name (default: the spelling seen most often)'),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/).optional().describe('entity id (default: actor-<name>)'),
}).strict();

/** Catalog problems (unknown parent) as the API's 422; the rest as the error handler maps them. */
async function asApi<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isVigieError(err) && err.code === 'ENTITY_INVALID') throw new ApiError('unprocessable', err.message, err.details);
    throw err;
  }
}

export async function entityCandidateRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get('/v1/entity-candidates', { config: admin, schema: routeSchema({ operationId: 'listEntityCandidates', summary: 'Candidate actors seen in articles (count, first and last seen, sources, languages, evidence, known actors near them), last seen first', tags, query: listQuery, responses: { 403: 'forbidden' } }) },
    async (req) => {
      const q = req.query as z.output<typeof listQuery>;
      return { candidates: await s.candidates.list({ status: q.status, limit: q.limit }) };
    });

  app.post('/v1/entity-candidates/:key/accept', { config: admin, schema: routeSchema({ operationId: 'acceptEntityCandidate', summary: 'Make a candidate an actor (with a parent); the matcher recompiles and the next article sees it', tags, params: keyParam, body: acceptBody, responses: { 403: 'forbidden', 404: 'not_found', 422: 'unknown parent' } }) },
    async (req) => asApi(() => acceptCandidate(s, (req.params as { key: string }).key, (req.body ?? {}) as z.output<typeof acceptBody>)));

  app.post('/v1/entity-candidates/:key/reject', { config: admin, schema: routeSchema({ operationId: 'rejectEntityCandidate', summary: 'Reject a candidate: it is never counted or proposed again', tags, params: keyParam, responses: { 403: 'forbidden', 404: 'not_found' } }) },
    async (req) => ({ candidate: await rejectCandidate(s, (req.params as { key: string }).key) }));
}
