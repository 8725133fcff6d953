// An article is an item's page (or the item itself) with its extracted text, stored once per canonical URL.
import type { ArticleEvent } from '../events/event.js';

export interface Article {
  /** Deterministic id from the canonical URL (`art_` + hex hash). */
  id: string;
  url: string;
  sourceId: string;
  /** Other sources that brought the same canonical URL. */
  alsoFrom?: string[];
  title: string;
  summary: string;
  /** Paragraphs separated by a blank line. */
  text: string;
  lang?: string;
  published?: string;
  fetchedAt: string;
  /** Set when extraction failed and the feed's own title/summary stand in for the text. */
  extractError?: string;
  /** The security events the article reports, main event first (read when it is routed). */
  events?: ArticleEvent[];
}
