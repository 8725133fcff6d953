// One API under test: a private Redis, real services over the fixture gazetteer, the Fastify app (used
// with app.inject), and three keys: an admin and two subscribers (alice, bob).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { buildApp } from '../../src/api/build-app.js';
import { createApiKeyStore, type ApiKeyRecord, type ApiKeyStore } from '../../src/adapters/redis/api-key-store.js';
import type { Entity } from '../../src/core/entities/entity.js';
import type { Article } from '../../src/core/model/article.js';
import { FIXTURE_ENTITIES } from './fixture-entities.js';

export interface Caller { key: string; record: ApiKeyRecord }
export interface ApiHarness {
  redis: TestRedis;
  services: Services;
  app: FastifyInstance;
  keyStore: ApiKeyStore;
  admin: Caller;
  alice: Caller;
  bob: Caller;
  /** app.inject with `Authorization: Bearer <key>` (no header when key is undefined). */
  call(key: string | undefined, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const TEST_ENV = {
  VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_LOG_LEVEL: 'silent', VIGIE_SIGNING_KEY: 'test-signing-key-0123456789abcdef',
  VIGIE_PUBLIC_URL: 'http://127.0.0.1:8080', VIGIE_PREFIX: 'apitest', VIGIE_WEBHOOK_TIMEOUT_MS: '5000',
};

export async function startApiHarness(opts: { rateLimit?: { max: number; timeWindowMs: number }; entities?: Entity[]; env?: Record<string, string> } = {}): Promise<ApiHarness> {
  const redis = await startTestRedis();
  const env = loadEnv({ ...TEST_ENV, ...opts.env });
  const services = createServices({ env, redisUrl: redis.url, entities: opts.entities ?? FIXTURE_ENTITIES });
  const app = await buildApp({ services, rateLimit: opts.rateLimit });
  await app.ready();
  const keyStore = createApiKeyStore(services.redis, services.keys);
  const now = new Date();
  const admin = await keyStore.create({ name: 'ops', role: 'admin', now });
  const alice = await keyStore.create({ name: 'alice', role: 'subscriber', now });
  const bob = await keyStore.create({ name: 'bob', role: 'subscriber', now });
  return {
    redis, services, app, keyStore, admin, alice, bob,
    call: (key, o) => app.inject({ ...o, headers: { ...(o.headers ?? {}), ...(key ? { authorization: `Bearer ${key}` } : {}) } }),
    close: async () => {
      await app.close();
      await services.close();
      await redis.close();
    },
  };
}

/** A stored article as the article stage would leave it. */
export function article(id: string, fields: Partial<Article> & { text: string; fetchedAt: string }): Article {
  return { id, url: `https://news.example/${id}`, sourceId: 'src-a', title: '', summary: '', lang: 'en', ...fields };
}
