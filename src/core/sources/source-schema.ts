// Validation of source definitions (config/sources.yaml, the CLI and the API share it).
// Pure: turns untrusted values into SourceConfig or a list of problems.
import { z } from 'zod';
import type { SourceConfig } from '../model/source.js';
import { displayName } from '../model/display-name.js';
import { DEFAULT_MAX_INTERVAL_SECONDS, DEFAULT_MIN_INTERVAL_SECONDS } from '../poll/choose-poll-interval.js';

const selector = z.string().trim().min(1).max(300);
const seconds = z.coerce.number().int().min(1).max(7 * 24 * 3600);
/** Where an adaptive interval starts before the source's rate is known (the former fixed default). */
const START_INTERVAL_SECONDS = 900;

export const sourceInputSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id must be lowercase letters, digits and dashes').optional(),
    name: displayName(200).optional(),
    url: z.string().url().max(2048).refine((u) => /^https?:\/\//i.test(u), 'only http and https URLs'),
    kind: z.enum(['feed', 'html']).default('feed'),
    /** Fixed seconds between polls (1 s is accepted for tests and local demos); absent: adaptive. */
    interval: seconds.optional(),
    /** Bounds of the adaptive interval, which follows the source's publish rate (defaults 5 min, 6 h). */
    minInterval: seconds.optional(),
    maxInterval: seconds.optional(),
    /** Silence longer than this makes the source unhealthy (default: learned from its history). */
    expectedPeriod: z.coerce.number().int().min(60).max(90 * 24 * 3600).optional(),
    lang: z.enum(['en', 'fr', 'ar']).optional(),
    fetchArticles: z.boolean().default(true),
    fetchOnlyWhenMatched: z.boolean().default(false),
    listing: z
      .object({ item: selector, link: selector.optional(), title: selector.optional(), summary: selector.optional(), date: selector.optional() })
      .strict()
      .optional(),
    extract: z
      .object({ content: selector.optional(), title: selector.optional(), published: selector.optional(), remove: z.array(selector).optional() })
      .strict()
      .optional(),
    enabled: z.boolean().default(true),
    note: z.string().max(2000).optional(),
    tags: z.array(displayName(200)).max(32).optional(),
    /** The site the feed belongs to (OPML htmlUrl): shown, never fetched. */
    siteUrl: z.string().url().max(2048).refine((u) => /^https?:\/\//i.test(u), 'only http and https URLs').optional(),
  })
  .strict()
  .refine((s) => s.kind !== 'html' || s.listing !== undefined, { message: 'html sources need listing selectors', path: ['listing'] })
  .refine((s) => s.interval === undefined || (s.minInterval === undefined && s.maxInterval === undefined),
    { message: 'interval fixes the interval; minInterval and maxInterval bound an adaptive one: give one or the other', path: ['interval'] })
  .refine((s) => (s.minInterval ?? DEFAULT_MIN_INTERVAL_SECONDS) <= (s.maxInterval ?? DEFAULT_MAX_INTERVAL_SECONDS),
    { message: 'minInterval must not exceed maxInterval (defaults 300 and 21600)', path: ['minInterval'] });

export type SourceInput = z.input<typeof sourceInputSchema>;

/** A stable id from the URL when none is given: host and path, slugged. */
export function sourceIdFromUrl(url: string): string {
  const u = new URL(url);
  const slug = `${u.hostname.replace(/^www\./, '')}${u.pathname}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 64).replace(/-+$/, '') || 'source';
}

/** A fixed interval, or the bounds of an adaptive one and where it starts. */
function pacing(input: z.output<typeof sourceInputSchema>): Pick<SourceConfig, 'intervalSeconds' | 'minIntervalSeconds' | 'maxIntervalSeconds'> {
  if (input.interval !== undefined) return { intervalSeconds: input.interval };
  const min = input.minInterval ?? DEFAULT_MIN_INTERVAL_SECONDS;
  const max = input.maxInterval ?? DEFAULT_MAX_INTERVAL_SECONDS;
  return { intervalSeconds: Math.min(max, Math.max(min, START_INTERVAL_SECONDS)), minIntervalSeconds: min, maxIntervalSeconds: max };
}

export function toSourceConfig(input: z.output<typeof sourceInputSchema>): SourceConfig {
  const id = input.id ?? sourceIdFromUrl(input.url);
  return {
    id,
    name: input.name ?? id,
    url: input.url,
    kind: input.kind,
    ...pacing(input),
    ...(input.expectedPeriod !== undefined ? { expectedPeriodSeconds: input.expectedPeriod } : {}),
    lang: input.lang,
    fetchArticles: input.fetchArticles,
    fetchOnlyWhenMatched: input.fetchOnlyWhenMatched,
    listing: input.listing,
    extract: input.extract,
    enabled: input.enabled,
    ...(input.tags !== undefined && input.tags.length > 0 ? { tags: input.tags } : {}),
    ...(input.siteUrl !== undefined ? { siteUrl: input.siteUrl } : {}),
  };
}

/** Validates a list of source inputs, returning every problem at once (with the entry's index and id). */
export function validateSources(inputs: unknown[]): { sources: SourceConfig[]; problems: string[] } {
  const sources: SourceConfig[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  inputs.forEach((raw, index) => {
    const parsed = sourceInputSchema.safeParse(raw);
    const label = `sources[${index}]${typeof raw === 'object' && raw && 'id' in raw ? ` (${String((raw as { id: unknown }).id)})` : ''}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${label}.${issue.path.join('.')}: ${issue.message}`);
      return;
    }
    const source = toSourceConfig(parsed.data);
    if (ids.has(source.id)) problems.push(`${label}: duplicate id ${source.id}`);
    ids.add(source.id);
    sources.push(source);
  });
  return { sources, problems };
}
