// Who is calling: `Authorization: Bearer <key>` resolved to an API key record (admin or subscriber).
// Routes declare `config.auth` ('public' | 'key' | 'admin'); ownership checks live in owner-scope.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyRecord, ApiKeyStore } from '../adapters/redis/api-key-store.js';
import { ApiError } from './api-errors.js';

export type AuthLevel = 'public' | 'key' | 'admin';

declare module 'fastify' {
  interface FastifyRequest { principal?: ApiKeyRecord }
  interface FastifyContextConfig { auth?: AuthLevel }
}

/** RFC 6750 §2.1: `Bearer` (case-insensitive scheme) followed by the token. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header ?? '');
  return m?.[1];
}

export function installAuth(app: FastifyInstance, store: ApiKeyStore): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (req, reply) => {
    const level = req.routeOptions.config?.auth ?? 'key';
    const url = req.routeOptions.url;
    if (level === 'public' || url === undefined || url === '/docs' || url.startsWith('/docs/')) return;
    const token = bearerToken(req.headers.authorization);
    const record = token ? await store.verify(token) : undefined;
    if (!record) {
      reply.header('www-authenticate', 'Bearer realm="vigie"');
      throw new ApiError('unauthorized', token ? 'unknown or revoked API key' : 'send an API key as Authorization: Bearer <key>');
    }
    req.principal = record;
    if (level === 'admin' && record.role !== 'admin') throw new ApiError('forbidden', 'this needs an admin key');
  });
}

/** The caller (set by the auth hook on every non-public route). */
export function principalOf(req: FastifyRequest): ApiKeyRecord {
  if (!req.principal) throw new ApiError('unauthorized', 'no API key');
  return req.principal;
}

export const isAdmin = (req: FastifyRequest): boolean => req.principal?.role === 'admin';
