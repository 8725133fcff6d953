// Builds the one object every pipeline receives: stores, queues, the outbound gate, catalogs, mailer,
// logger, metrics and the clock. Created once per process at the edge (start/worker/api), closed on exit.
import { randomBytes } from 'node:crypto';
import type { Env } from '../config/env.js';
import { connectRedis, type RedisClient } from '../adapters/redis/connect-redis.js';
import { createKeys, type Keys } from '../adapters/redis/keys.js';
import { createSourceStore } from '../adapters/redis/source-store.js';
import { createSeenStore } from '../adapters/redis/seen-store.js';
import { createArticleStore } from '../adapters/redis/article-store.js';
import { createSubscriptionStore } from '../adapters/redis/subscription-store.js';
import { createAlertStore } from '../adapters/redis/alert-store.js';
import { createStoryStore } from '../adapters/redis/story-store.js';
import { createUpdateStore } from '../adapters/redis/update-store.js';
import { createDigestStore } from '../adapters/redis/digest-store.js';
import { createEntityStore } from '../adapters/redis/entity-store.js';
import { createCandidateStore } from '../adapters/redis/candidate-store.js';
import { createHostSlotStore } from '../adapters/redis/host-slot-store.js';
import { createEventStore } from '../adapters/redis/event-store.js';
import { createSourceHealthStore } from '../adapters/redis/source-health-store.js';
import { createAdminEventStore } from '../adapters/redis/admin-event-store.js';
import { createPushStore } from '../adapters/redis/push-store.js';
import { createQueues, type Queues } from '../adapters/queue/queues.js';
import { createSafeFetch, type SafeFetcher } from '../adapters/http/safe-fetch.js';
import { urlPolicy, type UrlPolicy } from '../config/check-target-url.js';
import { createMailer, type Mailer } from '../adapters/smtp/create-mailer.js';
import { createAnalysisPool, defaultPoolThreads, type AnalysisPool } from '../adapters/pool/create-analysis-pool.js';
import { DEFAULT_WEBHOOK_SCHEDULE_MS } from '../core/deliver/retry-schedule.js';
import type { Entity } from '../core/entities/entity.js';
import type { Matcher } from '../core/match/compile-matcher.js';
import { createEntityCatalog, type CompiledCatalog } from '../pipeline/entity-catalog.js';
import { createRuleCatalog } from '../pipeline/rule-catalog.js';
import { createLogger, type Logger } from './create-logger.js';
import { createMetrics, type Metrics } from './create-metrics.js';

export interface ServiceOptions {
  env: Env;
  redisUrl: string;
  entities: Entity[];
  /** The compiled matcher of `entities` when the caller has one (a snapshot read): not compiled again. */
  matcher?: Matcher;
  /** Told of the compiled `entities` (a matcher, or a thread's snapshot bytes) when the process had to compile them (boot writes their snapshot). */
  onMatcherCompiled?: (compiled: CompiledCatalog) => void;
  logger?: Logger;
  clock?: () => Date;
  /** Injected DNS for tests (never real DNS in the test suite). */
  lookup?: Parameters<typeof createSafeFetch>[0]['lookup'];
}

export function createServices(opts: ServiceOptions) {
  const { env } = opts;
  const log = opts.logger ?? createLogger(env.VIGIE_LOG_LEVEL);
  const redis: RedisClient = connectRedis(opts.redisUrl, 'state');
  const keys: Keys = createKeys(env.VIGIE_PREFIX);
  const retention = env.VIGIE_ARTICLE_RETENTION_DAYS * 24 * 3600;
  const queueConnection = connectRedis(opts.redisUrl, 'producer');
  const queues: Queues = createQueues(queueConnection, keys.bullPrefix);
  const allowNetworks = env.VIGIE_ALLOW_NETWORKS.split(',').map((x) => x.trim()).filter(Boolean);
  const policy: UrlPolicy = urlPolicy(env); // fails fast with CONFIG_INVALID on a bad CIDR
  // Polite to news sites: 2 requests in flight per host, in this process and across every process on
  // this Redis (leased slots). Webhooks get their own pool, limited per endpoint by the delivery stage
  // instead, so one receiver can take a high delivery rate.
  const fetcher: SafeFetcher = createSafeFetch({ allowNetworks, lookup: opts.lookup, perHostConcurrency: 2,
    sharedSlots: createHostSlotStore(redis, keys, { limit: 2 }) });
  const webhookFetcher: SafeFetcher = createSafeFetch({ allowNetworks, lookup: opts.lookup, perHostConcurrency: 1000 });
  const subscriptions = createSubscriptionStore(redis, keys);
  const entityEdits = createEntityStore(redis, keys);
  const metrics: Metrics = createMetrics();
  const mailer: Mailer | undefined = env.SMTP_URL ? createMailer(env.SMTP_URL) : undefined;
  let signingKey: string | undefined = env.VIGIE_SIGNING_KEY;
  // Parsing, extraction and matching run on these threads, so they never hold up the event loop.
  // A thread that starts while this process holds a compiled catalog reads it at once (warm-up), so the
  // first article does not wait ~1 s for it; a process that has not compiled one does not compile for it.
  // An entity edit is compiled on one of those threads: the event loop only serializes the shipped entities, once.
  // (Through services.analysis, as every stage reaches the pool.)
  const entities = createEntityCatalog(opts.entities, entityEdits, opts.matcher, {
    compile: (base, overlay) => services.analysis.compileCatalog(base, overlay),
    onCompileFailed: (err, version) => log.error({ event: 'entities.compile.failed', code: err.code, version, err: err.message },
      'the entity catalog with the latest edits could not be compiled; the previous one stays in use'),
    onBaseCompiled: opts.onMatcherCompiled,
  });
  const analysis: AnalysisPool = createAnalysisPool({
    threads: env.VIGIE_POOL_THREADS ?? defaultPoolThreads(),
    catalogInHand: () => entities.peek(),
    onThreadWarm: (t) => {
      if (t.error) log.warn({ event: 'pool.thread.warm.failed', ...t }, 'an analysis thread could not read the catalog ahead of its tasks');
      else if (t.read) log.info({ event: 'pool.thread.warm', ...t }, 'an analysis thread read the catalog ahead of its tasks');
    },
  });

  const services = {
    env, log, redis, keys, queues, fetcher, webhookFetcher, metrics, mailer, analysis,
    /** The one rule for source and webhook URLs people hand in (API, CLI, config files). */
    urlPolicy: policy,
    redisUrl: opts.redisUrl,
    clock: opts.clock ?? (() => new Date()),
    sources: createSourceStore(redis, keys),
    seen: createSeenStore(redis, keys),
    articles: createArticleStore(redis, keys, retention),
    subscriptions,
    alerts: createAlertStore(redis, keys, retention),
    /** alert.updated: what each alert's subscriber was told and the later readings not yet sent. */
    updates: createUpdateStore(redis, keys, retention),
    stories: createStoryStore(redis, keys, 48, log),
    digests: createDigestStore(redis, keys),
    events: createEventStore(redis, keys),
    /** Adaptive polling and source-health alerts: publish history, current interval, health record. */
    sourceHealth: createSourceHealthStore(redis, keys),
    adminEvents: createAdminEventStore(redis, keys, retention),
    push: createPushStore(redis, keys),
    entityEdits,
    /** Named groups seen in articles that the catalog lacks, waiting for an admin (accept-candidate.ts). */
    candidates: createCandidateStore(redis, keys, retention),
    entities,
    rules: createRuleCatalog(subscriptions, log),
    webhookSchedule: env.VIGIE_WEBHOOK_SCHEDULE_MS ? env.VIGIE_WEBHOOK_SCHEDULE_MS.split(',').map(Number) : [...DEFAULT_WEBHOOK_SCHEDULE_MS],
    mailDomain: new URL(env.VIGIE_PUBLIC_URL).hostname.replace(/^\[|\]$/g, '').replace(/[^A-Za-z0-9.-]/g, '') || 'vigie.local',
    /** HMAC key for unsubscribe links and feed tokens: from the environment, else made once and kept in Redis. */
    async signingKey(): Promise<string> {
      if (signingKey) return signingKey;
      await redis.set(keys.signingKey, randomBytes(32).toString('base64url'), 'NX');
      signingKey = (await redis.get(keys.signingKey)) ?? undefined;
      if (!signingKey) throw new Error('signing key could not be stored');
      return signingKey;
    },
    async close(): Promise<void> {
      await queues.close();
      await fetcher.close();
      await webhookFetcher.close();
      await analysis.close();
      mailer?.close();
      redis.disconnect();
      queueConnection.disconnect();
    },
  };
  return services;
}

export type Services = ReturnType<typeof createServices>;
