// /v1/sources/import and /v1/sources/export (admin): the source list as OPML, to move from or to a feed
// reader. Registered as its own plugin so the XML body parser and the larger body limit stay on these routes.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decodeText } from '../../core/feed/decode-text.js';
import { OPML_LIMITS } from '../../core/sources/parse-opml.js';
import { renderOpml } from '../../core/sources/render-opml.js';
import { importSources } from '../../pipeline/import-sources.js';
import type { Services } from '../../runtime/create-services.js';
import { ApiError } from '../api-errors.js';
import { routeSchema } from '../route-schema.js';

const tags = ['sources'];
const admin = { auth: 'admin' as const };
const OPML_TYPES = ['text/x-opml', 'application/xml', 'text/xml'];
/** Documentation only: the body arrives as bytes (the parser above) and any other type is answered 415. */
const opmlBody = z.unknown().meta({ type: 'string', description: 'the OPML 1.0/2.0 file, in its own encoding (BOM or XML declaration; UTF-8 by default)' });
const importQuery = z.object({ interval: z.coerce.number().int().min(1).max(7 * 24 * 3600).optional() }).strict();

export async function sourceOpmlRoutes(app: FastifyInstance, s: Services): Promise<void> {
  // Bytes, not a string: the file's own encoding (BOM, XML declaration) decides, as for a fetched feed.
  app.addContentTypeParser(OPML_TYPES, { parseAs: 'buffer', bodyLimit: OPML_LIMITS.maxBytes }, (_req, body, done) => done(null, body));

  app.post('/v1/sources/import', {
    config: admin, bodyLimit: OPML_LIMITS.maxBytes,
    schema: {
      ...routeSchema({
        operationId: 'importSourcesOpml', summary: 'Add the feeds of an OPML file (body: the file, as text/x-opml, application/xml or text/xml); categories become tags, also of the feeds already there',
        tags, query: importQuery, body: opmlBody, responses: { 413: 'opml_too_large or payload_too_large', 415: 'unsupported_media_type', 422: 'opml_parse_error (details.line) or not_opml' },
      }),
      consumes: OPML_TYPES,
    },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new ApiError('unsupported_media_type', `send the OPML file as ${OPML_TYPES.join(', ')}`);
    const { text } = decodeText(req.body, { contentType: req.headers['content-type'], kind: 'xml' });
    const report = await importSources(s, text, { intervalSeconds: (req.query as z.output<typeof importQuery>).interval });
    return { counts: { added: report.added.length, updated: report.updated.length, skipped: report.skipped.length, refused: report.refused.length }, ...report };
  });

  app.get('/v1/sources/export', { config: admin, schema: routeSchema({ operationId: 'exportSourcesOpml', summary: 'Feed sources as OPML 2.0 (tags as categories); HTML listing sources are named in the vigie-sources-left-out header', tags }) },
    async (_req, reply) => {
      const { xml, left } = renderOpml(await s.sources.list(), { now: s.clock() });
      if (left.length > 0) reply.header('vigie-sources-left-out', left.join(','));
      return reply.type('text/x-opml; charset=utf-8').header('content-disposition', 'attachment; filename="vigie-sources.opml"').send(xml);
    });
}
