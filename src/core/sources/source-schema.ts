// Validation of source definitions (config/sources.yaml, the CLI and the API share it).
// Pure: turns untrusted values into SourceConfig or a list of problems.
import { z } from 'zod';
import type { SourceConfig } from '../model/source.js';
import { displayName } from '../model/display-name.js';

const selector = z.string().trim().min(1).max(300);

export const sourceInputSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id must be lowercase letters, digits and dashes').optional(),
    name: displayName(200).optional(),
    url: z.string().url().max(2048).refine((u) => /^https?:\/\//i.test(u), 'only http and https URLs'),
    kind: z.enum(['feed', 'html']).default('feed'),
    /** Seconds between polls; 1 s is accepted for tests and local demos. */
    interval: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(900),
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
  .refine((s) => s.kind !== 'html' || s.listing !== undefined, { message: 'html sources need listing selectors', path: ['listing'] });

export type SourceInput = z.input<typeof sourceInputSchema>;

/** A stable id from the URL when none is given: host and path, slugged. */
export function sourceIdFromUrl(url: string): string {
  const u = new URL(url);
  const slug = `${u.hostname.replace(/^www\./, '')}${u.pathname}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 64).replace(/-+$/, '') || 'source';
}

export function toSourceConfig(input: z.output<typeof sourceInputSchema>): SourceConfig {
  const id = input.id ?? sourceIdFromUrl(input.url);
  return {
    id,
    name: input.name ?? id,
    url: input.url,
    kind: input.kind,
    intervalSeconds: input.interval,
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
