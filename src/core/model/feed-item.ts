// An item is one entry of a source (from a feed or a listing page), normalised.

export interface FeedItem {
  /** Identity within its source: guid, else canonical link, else hash of title+link (see itemIdentity). */
  key: string;
  guid?: string;
  /** Absolute canonical URL with tracking parameters removed; absent when the item has no usable link. */
  url?: string;
  title: string;
  summary: string;
  /** ISO 8601, when the item carries a parsable date. */
  published?: string;
  /** Full content when the feed carries it (content:encoded, atom content), as HTML. */
  contentHtml?: string;
}
