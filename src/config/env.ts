// Process settings from the environment, validated once at start with every problem reported at once,
// then frozen. Nothing else in vigie reads process.env.
import { z } from 'zod';
import { isVigieError, VigieError } from '../core/errors/vigie-error.js';
import { parseAllowNetworks } from '../adapters/http/ip-policy.js';
import { parseRedisUrl } from './parse-redis-url.js';

/** A bad CIDR is an environment problem like any other: reported with the rest, before anything starts. */
const allowNetworks = z.string().default('').superRefine((csv, ctx) => {
  for (const entry of csv.split(',')) {
    try {
      parseAllowNetworks(entry);
    } catch (err) {
      if (!isVigieError(err)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message.replace(/^fetch: /, '') });
    }
  }
});

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  /** One server (redis://, rediss://) or a Redis Cluster (redis-cluster://host:port,host:port); see parse-redis-url.ts. */
  REDIS_URL: z.string().superRefine((url, ctx) => {
    try {
      parseRedisUrl(url);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }).optional(),
  VIGIE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).default('vigie'),
  VIGIE_DATA_DIR: z.string().default('./data'),
  VIGIE_CONFIG_DIR: z.string().optional(),
  VIGIE_ALLOW_NETWORKS: allowNetworks,
  VIGIE_HTTP_PORT: int(0, 65535).default(8080),
  VIGIE_HTTP_HOST: z.string().default('127.0.0.1'),
  /** Where people and hubs reach the API. Left unset, links use the local default and WebSub push is off. */
  VIGIE_PUBLIC_URL: z.string().url().default('http://127.0.0.1:8080'),
  /** Lease asked of WebSub hubs (they may grant less); renewed before it ends. Default 10 days. */
  VIGIE_WEBSUB_LEASE_SECONDS: int(60, 365 * 24 * 3600).default(864_000),
  /** Safety poll interval of a source while push is on (never shorter than the source's own). Default 1 h. */
  VIGIE_WEBSUB_POLL_SECONDS: int(1, 7 * 24 * 3600).default(3600),
  VIGIE_SIGNING_KEY: z.string().min(16).optional(),
  VIGIE_BACKFILL: int(0, 500).default(2),
  VIGIE_ARTICLE_RETENTION_DAYS: int(1, 3650).default(30),
  VIGIE_POLL_CONCURRENCY: int(1, 200).default(10),
  VIGIE_ARTICLE_CONCURRENCY: int(1, 200).default(8),
  VIGIE_DELIVER_CONCURRENCY: int(1, 500).default(50),
  VIGIE_ENDPOINT_CONCURRENCY: int(1, 200).default(16),
  /** Worker threads for feed parsing, extraction and matching (create-analysis-pool.ts); 0 runs them on the
   * event loop. Unset: one per core (os.availableParallelism()). */
  VIGIE_POOL_THREADS: int(0, 256).optional(),
  VIGIE_LOCK_MS: int(1000, 600_000).default(15_000),
  VIGIE_STALLED_MS: int(500, 600_000).default(5_000),
  /** Comma-separated webhook retry delays in ms (tests inject short ones); default is about a day. */
  VIGIE_WEBHOOK_SCHEDULE_MS: z.string().regex(/^\d+(,\d+)*$/).optional(),
  VIGIE_WEBHOOK_TIMEOUT_MS: int(100, 60_000).default(15_000),
  /**
   * Seconds an alert's update waits for more news before it goes out (alert.updated): later articles within
   * it are told in one update, so a subscriber gets at most one update per alert per interval. Default 10 min.
   */
  VIGIE_UPDATE_MIN_INTERVAL: int(1, 7 * 24 * 3600).default(600),
  /**
   * 1: the API accepts http:// webhook URLs to any host (development). Default: https is required, except
   * for an address inside VIGIE_ALLOW_NETWORKS (a local receiver).
   */
  VIGIE_ALLOW_HTTP_WEBHOOKS: z.enum(['0', '1']).default('0'),
  VIGIE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be smtp:// or smtps://').optional(),
  SMTP_FROM: z.string().default('vigie <alerts@vigie.local>'),
  /**
   * Admin channels for source-health events (source.unhealthy, source.recovered), set once here: a webhook
   * signed like alerts (Standard Webhooks, with this whsec_ secret) and/or an email address (needs SMTP_URL).
   */
  VIGIE_ADMIN_WEBHOOK_URL: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'must be http:// or https://').optional(),
  VIGIE_ADMIN_WEBHOOK_SECRET: z.string().regex(/^(whsec_)?[A-Za-z0-9+/]{22,}={0,2}$/, 'must be whsec_ + base64 (16 bytes or more)').optional(),
  VIGIE_ADMIN_EMAIL: z.string().regex(/^[^\s@<>",;:()\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'must be one plain email address').optional(),
}).superRefine((e, ctx) => {
  // An unsigned admin webhook could be forged by anyone who learns its URL; a secret alone is a typo.
  if (e.VIGIE_ADMIN_WEBHOOK_URL && !e.VIGIE_ADMIN_WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['VIGIE_ADMIN_WEBHOOK_SECRET'], message: 'required with VIGIE_ADMIN_WEBHOOK_URL' });
  if (e.VIGIE_ADMIN_EMAIL && !e.SMTP_URL) ctx.addIssue({ code: 'custom', path: ['VIGIE_ADMIN_EMAIL'], message: 'needs SMTP_URL to send' });
  if (e.VIGIE_ADMIN_WEBHOOK_SECRET && !e.VIGIE_ADMIN_WEBHOOK_URL) ctx.addIssue({ code: 'custom', path: ['VIGIE_ADMIN_WEBHOOK_URL'], message: 'required with VIGIE_ADMIN_WEBHOOK_SECRET' });
});

export type Env = Readonly<z.output<typeof envSchema> & {
  /** VIGIE_PUBLIC_URL was given (not the default): only then can a hub reach the WebSub callback. */
  publicUrlSet: boolean;
}>;

/** Parses the given environment (process.env at the edge); throws CONFIG_INVALID listing every problem. */
export function loadEnv(source: NodeJS.ProcessEnv): Env {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new VigieError('CONFIG_INVALID', 'env', `invalid environment:\n  - ${problems.join('\n  - ')}`, {
      details: { problems },
    });
  }
  return Object.freeze({ ...parsed.data, publicUrlSet: picked.VIGIE_PUBLIC_URL !== undefined });
}
