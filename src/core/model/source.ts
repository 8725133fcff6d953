// A source is something vigie polls: an RSS/Atom/RDF feed, or an HTML listing page read with selectors.
import type { Lang } from '../entities/entity.js';

export interface SourceConfig {
  /** Stable id, lowercase letters, digits and dashes (e.g. `sohr-en`). */
  id: string;
  name: string;
  url: string;
  kind: 'feed' | 'html';
  /** Poll interval in seconds (>= 1; tests and demos use 1): fixed, or where an adaptive one starts. */
  intervalSeconds: number;
  /** Bounds of an adaptive interval (follows the publish rate); absent: `intervalSeconds` is fixed. */
  minIntervalSeconds?: number;
  maxIntervalSeconds?: number;
  /** Silence longer than this makes the source unhealthy; absent: learned from its publish history. */
  expectedPeriodSeconds?: number;
  /** Language hint for items whose page does not declare one. */
  lang?: Lang;
  /** Fetch each new item's page and extract its text (false: use the feed's own content). */
  fetchArticles: boolean;
  /** Only fetch the page when the title/summary already match some entity (two-pass matching). */
  fetchOnlyWhenMatched?: boolean;
  /** For `html` sources: CSS selectors of the listing page. */
  listing?: { item: string; link?: string; title?: string; summary?: string; date?: string };
  /** Per-site extraction selectors for this source's article pages. */
  extract?: { content?: string; title?: string; published?: string; remove?: string[] };
  enabled: boolean;
  /** Labels to group sources by (OPML categories on import and export; a nested category is `a/b`). */
  tags?: string[];
  /** The site the feed belongs to (OPML `htmlUrl`); shown, never fetched. */
  siteUrl?: string;
}

export type SourceHealth = 'ok' | 'failing' | 'unhealthy' | 'new';

export interface SourceState {
  health: SourceHealth;
  lastPollAt?: string;
  lastSuccessAt?: string;
  lastErrorCode?: string;
  lastErrorMessage?: string;
  consecutiveFailures: number;
  /** Earliest time the next fetch may happen (Retry-After, Cache-Control, <ttl>, backoff). */
  notBefore?: string;
  itemsSeen: number;
}
