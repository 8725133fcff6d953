// /websub/:sourceId: the WebSub callback of one source. GET is a hub's verification of intent (the
// challenge is echoed only for what vigie asked); POST is a push, read as raw bytes so the signature is
// checked on exactly what the hub signed. §8: a bad signature is still answered 2xx, and ignored.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CAPS } from '../../adapters/http/safe-fetch.js';
import { receivePush } from '../../pipeline/receive-push.js';
import { verifyIntent } from '../../pipeline/websub-verify.js';
import type { Services } from '../../runtime/create-services.js';
import { routeSchema } from '../route-schema.js';

const tags = ['websub'];
const config = { auth: 'public' as const };
const params = z.object({ sourceId: z.string().min(1).max(200) }).strict();
const header = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export async function websubRoutes(app: FastifyInstance, s: Services): Promise<void> {
  await app.register(async (scope) => {
    // A push carries the topic's own media type (RSS, Atom, XML, anything): taken as bytes, up to a feed's cap.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: CAPS.feedBytes }, (_req, body, done) => done(null, body));

    scope.get('/websub/:sourceId', { config, schema: routeSchema({ operationId: 'websubVerify', summary: 'WebSub verification of intent (hub.challenge echoed)', tags, public: true, params, responses: { 404: 'not a subscription vigie asked for' } }) },
      async (req, reply) => {
        const { sourceId } = req.params as { sourceId: string };
        const answer = await verifyIntent(s, sourceId, req.query as Record<string, unknown>);
        if (answer.status === 200) return reply.code(200).type('text/plain; charset=utf-8').send(answer.challenge);
        if (answer.status === 204) return reply.code(204).send();
        return reply.code(404).type('text/plain; charset=utf-8').send('not found');
      });

    scope.post('/websub/:sourceId', { config, schema: routeSchema({ operationId: 'websubPush', summary: 'WebSub content distribution (X-Hub-Signature checked)', tags, public: true, params, responses: { 202: 'accepted (or ignored: bad signature)', 410: 'no subscription for this callback' } }) },
      async (req, reply) => {
        const { sourceId } = req.params as { sourceId: string };
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const outcome = await receivePush(s, sourceId, {
          body, contentType: header(req.headers['content-type']), linkHeader: header(req.headers.link), signature: header(req.headers['x-hub-signature']),
        });
        // §7: 410 tells the hub this callback is gone, so it may drop the subscription.
        return reply.code(outcome.status === 'unknown' ? 410 : 202).send();
      });
  });
}
