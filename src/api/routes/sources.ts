// /v1/sources (admin): the feeds and pages vigie polls, with their health and last error, and "poll
// now". Validation is the config's own (sourceInputSchema); scheduling is applyConfig's scheduleSource.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { sourceInputSchema, toSourceConfig } from '../../core/sources/source-schema.js';
import type { SourceConfig } from '../../core/model/source.js';
import { JOB_OPTIONS } from '../../adapters/queue/queues.js';
import { scheduleSource } from '../../pipeline/apply-config.js';
import { removeSource } from '../../pipeline/remove-source.js';
import { sourceView as view } from '../../pipeline/source-view.js';
import type { Services } from '../../runtime/create-services.js';
import { ApiError, notFound } from '../api-errors.js';
import { checkPublicUrl } from '../check-public-url.js';
import { routeSchema } from '../route-schema.js';
import { idParam } from '../common-schemas.js';

const tags = ['sources'];
const admin = { auth: 'admin' as const };


async function save(s: Services, body: z.output<typeof sourceInputSchema>, id?: string): Promise<SourceConfig> {
  checkPublicUrl(body.url, 'source', s.urlPolicy, 'body.url');
  if (id && body.id && body.id !== id) throw new ApiError('unprocessable', `body.id ${body.id} differs from the path id ${id}`, { field: 'body.id' });
  const source = toSourceConfig({ ...body, id: id ?? body.id });
  await s.sources.put(source);
  await scheduleSource(s, source);
  return source;
}

export async function sourceRoutes(app: FastifyInstance, s: Services): Promise<void> {
  app.get('/v1/sources', { config: admin, schema: routeSchema({ operationId: 'listSources', summary: 'Sources with health, last poll and last error', tags, responses: { 403: 'forbidden' } }) },
    async () => ({ sources: await Promise.all((await s.sources.list()).map((x) => view(s, x))) }));

  app.post('/v1/sources', { config: admin, schema: routeSchema({ operationId: 'createSource', summary: 'Add a source and schedule its polling', tags, body: sourceInputSchema, responses: { 201: 'created', 409: 'conflict: id exists', 422: 'url_not_public' } }) },
    async (req, reply) => {
      const body = req.body as z.output<typeof sourceInputSchema>;
      const id = toSourceConfig(body).id;
      if (await s.sources.get(id)) throw new ApiError('conflict', `source ${id} exists; use PUT /v1/sources/${id}`);
      return reply.code(201).send({ source: await view(s, await save(s, body)) });
    });

  app.get('/v1/sources/:id', { config: admin, schema: routeSchema({ operationId: 'getSource', summary: 'One source with its state', tags, params: idParam, responses: { 404: 'not_found' } }) },
    async (req) => {
      const source = await s.sources.get((req.params as { id: string }).id);
      if (!source) throw notFound('such source');
      return { source: await view(s, source) };
    });

  app.put('/v1/sources/:id', { config: admin, schema: routeSchema({ operationId: 'putSource', summary: 'Create or replace a source', tags, params: idParam, body: sourceInputSchema }) },
    async (req) => ({ source: await view(s, await save(s, req.body as z.output<typeof sourceInputSchema>, (req.params as { id: string }).id)) }));

  app.delete('/v1/sources/:id', { config: admin, schema: routeSchema({ operationId: 'deleteSource', summary: 'Remove a source, stop polling it and unsubscribe its WebSub push', tags, params: idParam, responses: { 404: 'not_found' } }) },
    async (req, reply) => {
      const source = await s.sources.get((req.params as { id: string }).id);
      if (!source) throw notFound('such source');
      await removeSource(s, source.id);
      return reply.code(204).send();
    });

  app.post('/v1/sources/:id/poll', { config: admin, schema: routeSchema({ operationId: 'pollSourceNow', summary: 'Queue a poll of this source now', tags, params: idParam, responses: { 202: 'queued', 404: 'not_found' } }) },
    async (req, reply) => {
      const source = await s.sources.get((req.params as { id: string }).id);
      if (!source) throw notFound('such source');
      const jobId = `poll-now-${source.id}-${randomBytes(4).toString('hex')}`;
      await s.queues.poll.add('poll', { sourceId: source.id }, { ...JOB_OPTIONS.poll, jobId });
      return reply.code(202).send({ queued: true, jobId });
    });
}
