// The HTTP app factory (no listen here): error catalogue, schema validation, auth, rate limits, the
// OpenAPI document at /docs, then one plugin file per resource under ./routes/.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import type { Services } from '../runtime/create-services.js';
import { createApiKeyStore } from '../adapters/redis/api-key-store.js';
import { ApiError, clientErrorHandler, installErrorHandlers, sendError, toErrorResponse } from './api-errors.js';
import { installAuth } from './auth.js';
import { noSerializerCompiler, zodValidatorCompiler } from './route-schema.js';
import { healthRoutes } from './routes/health.js';
import { sourceRoutes } from './routes/sources.js';
import { sourceOpmlRoutes } from './routes/sources-opml.js';
import { entityRoutes } from './routes/entities.js';
import { entityCandidateRoutes } from './routes/entity-candidates.js';
import { subscriptionRoutes } from './routes/subscriptions.js';
import { alertRoutes } from './routes/alerts.js';
import { alertMapRoutes } from './routes/alert-map.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { matchRoutes } from './routes/match.js';
import { unsubscribeRoutes } from './routes/unsubscribe.js';
import { adminQueueRoutes } from './routes/admin-queues.js';
import { adminEventRoutes } from './routes/admin-events.js';
import { webRoutes } from './routes/web.js';
import { meRoutes } from './routes/me.js';
import { websubRoutes } from './routes/websub.js';

export interface AppOptions {
  services: Services;
  workersAlive?: () => boolean;
  /** Requests per key (or per address without a key) per window; default 600 a minute. */
  rateLimit?: { max: number; timeWindowMs: number };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { services: s } = opts;
  // Per-request start/end lines are off: errors are logged once by the error handler (api-errors.ts).
  const app = Fastify({
    loggerInstance: s.log.child({ module: 'api' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    // Errors raised before routing (unparsable HTTP, a bad percent-escape in the path) in the catalogue's shape.
    clientErrorHandler,
    frameworkErrors: (err, req, reply) => {
      const { status, body } = toErrorResponse(err, req);
      return sendError(reply, status, body);
    },
  });
  installErrorHandlers(app);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(noSerializerCompiler);
  // JSON only (plus the unsubscribe form): a text/plain body is answered 415, not guessed at.
  app.removeContentTypeParser('text/plain');
  // RFC 8058 one-click unsubscribe posts `List-Unsubscribe=One-Click` as a form.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'vigie API', version: '0.1.0', description: 'News monitoring and alerting: sources, entities, subscriptions, alerts, deliveries. Send `Authorization: Bearer <key>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // Counters in Redis, so every API process counts against one limit; if Redis fails, requests are not
  // refused for it (they fail on their own Redis calls, with 503).
  await app.register(rateLimit, {
    max: opts.rateLimit?.max ?? 600, timeWindow: opts.rateLimit?.timeWindowMs ?? 60_000, hook: 'preHandler',
    redis: s.redis, nameSpace: s.keys.rateLimit, skipOnError: true,
    keyGenerator: (req) => req.principal?.id ?? `ip:${req.ip}`,
    errorResponseBuilder: (_req, ctx) => Object.assign(new ApiError('rate_limited', `rate limit of ${ctx.max} requests per ${ctx.after} reached`), { statusCode: 429, retryAfter: Math.ceil(ctx.ttl / 1000) }),
  });
  installAuth(app, createApiKeyStore(s.redis, s.keys));

  await healthRoutes(app, s, opts.workersAlive);
  await meRoutes(app);
  await sourceRoutes(app, s);
  // A child context: its XML body parser and 10 MiB limit apply to the OPML routes only.
  await app.register(async (child) => sourceOpmlRoutes(child, s));
  await entityRoutes(app, s);
  await entityCandidateRoutes(app, s);
  await subscriptionRoutes(app, s);
  await alertMapRoutes(app, s);
  await alertRoutes(app, s);
  await deliveryRoutes(app, s);
  await matchRoutes(app, s);
  await unsubscribeRoutes(app, s);
  await adminQueueRoutes(app, s);
  await adminEventRoutes(app, s);
  await websubRoutes(app, s);
  await webRoutes(app);
  return app;
}
