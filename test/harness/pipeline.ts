// The whole pipeline in the test process: a private Redis, the services, real BullMQ workers, and
// helpers to add loopback sources and subscriptions the way the CLI does. For crash tests use
// vigie-process.ts instead (workers as child processes).
import { startTestRedis, type TestRedis } from './redis-server.js';
import { shippedCatalog } from './shipped-catalog.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { createLogger } from '../../src/runtime/create-logger.js';
import { createWorkers, type WorkerSet } from '../../workers/create-workers.js';
import { scheduleSource } from '../../src/pipeline/apply-config.js';
import { sourceInputSchema, toSourceConfig, type SourceInput } from '../../src/core/sources/source-schema.js';
import { subscriptionInputSchema, type SubscriptionInput } from '../../src/core/subscriptions/subscription-input.js';
import { saveSubscription } from '../../src/pipeline/save-subscription.js';

/** What the pipeline needs of a test Redis: a single server (redis-server.ts) or a cluster (redis-cluster.ts). */
export interface PipelineRedis { url: string; close(): Promise<void> }

export interface Pipeline {
  redis: PipelineRedis;
  services: Services;
  workers: WorkerSet;
  addSource(input: SourceInput): Promise<string>;
  subscribe(input: SubscriptionInput, owner?: string): Promise<{ id: string; secret?: string; channelIds: string[] }>;
  close(): Promise<void>;
}

/** With `opts.redis` (for instance a cluster) the pipeline runs on it and leaves closing it to the caller. */
export async function startPipeline(envOverrides: Record<string, string> = {}, opts: { redis?: PipelineRedis } = {}): Promise<Pipeline> {
  const owned: TestRedis | undefined = opts.redis ? undefined : await startTestRedis();
  const redis: PipelineRedis = opts.redis ?? owned!;
  const env = loadEnv({
    VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_BACKFILL: '0', VIGIE_LOG_LEVEL: process.env.VIGIE_TEST_LOG ?? 'silent',
    VIGIE_WEBHOOK_SCHEDULE_MS: '200,400,800', VIGIE_WEBHOOK_TIMEOUT_MS: '2000', VIGIE_LOCK_MS: '5000', VIGIE_STALLED_MS: '2000',
    ...envOverrides,
  });
  const { entities, matcher } = await shippedCatalog();
  const services = createServices({ env, redisUrl: redis.url, entities, matcher, logger: createLogger(env.VIGIE_LOG_LEVEL) });
  const workers = createWorkers(services);
  return {
    redis, services, workers,
    async addSource(input) {
      const source = toSourceConfig(sourceInputSchema.parse(input));
      await services.sources.put(source);
      await scheduleSource(services, source);
      return source.id;
    },
    async subscribe(input, owner = 'test') {
      const { subscription, secrets } = await saveSubscription(services, subscriptionInputSchema.parse(input), { owner });
      return { id: subscription.id, secret: secrets[0]?.secret, channelIds: subscription.channels.map((c) => c.id) };
    },
    async close() {
      await workers.close();
      await services.queues.poll.obliterate({ force: true }).catch(() => undefined);
      await services.close();
      await owned?.close();
    },
  };
}
