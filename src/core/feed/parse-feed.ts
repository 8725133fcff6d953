// Turns the decoded text of an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 document into normalised items.
// Pure: no fetching (rss-parser's string entry point only); failures are VigieError NOT_A_FEED/FEED_PARSE_ERROR.
import { VigieError } from '../errors/vigie-error.js';
import type { FeedItem } from '../model/feed-item.js';
import { canonicalUrl } from './canonical-url.js';
import { itemIdentity } from './item-identity.js';
import { plainText } from './plain-text.js';
import { parseRawFeed, type RawFeed, type RawItem } from './raw-feed-parser.js';
import { sniffDocument } from './sniff-document.js';

export interface ParsedFeed {
  title: string;
  link?: string;
  ttlSeconds?: number;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  /** The URL the document was fetched from (after redirects): the last resort for relative links. */
  baseUrl: string;
  /** At most this many items are returned (the newest when the feed has dates). Default 500. */
  maxItems?: number;
}

const DEFAULT_MAX_ITEMS = 500;
const MAX_TITLE_CHARS = 500;
const MAX_SUMMARY_CHARS = 1000;

export async function parseFeed(text: string, opts: ParseFeedOptions): Promise<ParsedFeed> {
  const raw = await parseChecked(text);
  const feedBase = resolveBase(raw.xmlBase, opts.baseUrl);
  const link = canonicalUrl(plainText(textOf(raw.link)), feedBase);
  // Relative item links resolve against xml:base (RFC 3986 §5.1.1), else the channel's own link (feeds
  // relayed by FeedBurner-like hosts point at the site), else the document URL.
  const itemBase = raw.xmlBase !== undefined ? feedBase : link ?? feedBase;
  const items = dedupe(raw.items.map((item) => toFeedItem(item, itemBase)));
  return {
    title: plainText(textOf(raw.title), MAX_TITLE_CHARS),
    link,
    ttlSeconds: ttlSeconds(raw.ttl),
    items: capNewest(items, opts.maxItems ?? DEFAULT_MAX_ITEMS),
  };
}

async function parseChecked(text: string): Promise<RawFeed> {
  const sniffed = sniffDocument(text);
  if (sniffed.kind !== 'xml') {
    throw new VigieError('NOT_A_FEED', 'feed', `the document is ${sniffed.kind === 'text' ? 'not markup' : sniffed.kind}, not RSS or Atom`);
  }
  try {
    // Leading whitespace before `<?xml` makes sax fail ("Non-whitespace before first tag" or a misplaced
    // declaration); the gofeed corpus has such feeds in the wild.
    return await parseRawFeed(text.replace(/^[\uFEFF\s]+/, ''));
  } catch (err) {
    throw toVigieError(err, sniffed.root);
  }
}

function toVigieError(err: unknown, root: string | undefined): VigieError {
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  if (/^Feed not recognized|^Unable to parse XML/.test(message)) {
    return new VigieError('NOT_A_FEED', 'feed', `root element <${root ?? '?'}> is not RSS, RDF or Atom`, { cause: err, details: { root } });
  }
  return new VigieError('FEED_PARSE_ERROR', 'feed', `unable to parse feed: ${message.slice(0, 200)}`, { cause: err, details: { root } });
}

function toFeedItem(raw: RawItem, feedBase: string): FeedItem {
  const base = resolveBase(raw.xmlBase, feedBase);
  const guid = plainText(textOf(raw.guid) || textOf(raw.id)) || undefined;
  const url = canonicalUrl(plainText(textOf(raw.link) || (raw.textLink ?? '')), base);
  const title = plainText(textOf(raw.title), MAX_TITLE_CHARS);
  // Atom: `content` is the body, `summary` the abstract. RSS: `content` is <description>, the body is
  // content:encoded (rss-parser names them so; see raw-feed-parser).
  const contentHtml = htmlOf(raw.isAtom ? raw.content : raw['content:encoded']);
  const summarySource = (raw.isAtom ? textOf(raw.summary) : textOf(raw.content) || textOf(raw.summary)) || contentHtml || '';
  const item: FeedItem = { key: itemIdentity({ guid, url, title }), guid, url, title, summary: plainText(summarySource, MAX_SUMMARY_CHARS) };
  const published = isoDate(raw.isoDate);
  if (published !== undefined) item.published = published;
  if (contentHtml !== undefined) item.contentHtml = contentHtml;
  return dropUndefined(item);
}

function htmlOf(value: unknown): string | undefined {
  const text = textOf(value).trim();
  return text === '' ? undefined : text;
}

/** Strings stay; xml2js objects give their `_` text or, for nested markup, the text of their leaves. */
function textOf(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (depth > 20 || typeof value !== 'object' || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => textOf(v, depth + 1)).join(' ');
  const node = value as Record<string, unknown>;
  if (typeof node._ === 'string') return node._;
  return Object.keys(node).filter((k) => k !== '$').map((k) => textOf(node[k], depth + 1)).join(' ');
}

function resolveBase(xmlBase: string | undefined, base: string): string {
  if (xmlBase === undefined) return base;
  return canonicalUrl(xmlBase, base) ?? base;
}

function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** RSS 2.0 `<ttl>` is in minutes. */
function ttlSeconds(value: unknown): number | undefined {
  const minutes = Number.parseInt(textOf(value).trim(), 10);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60 : undefined;
}

/** The same key twice in one document (duplicate guids) is one item: the first occurrence wins. */
function dedupe(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.key) ? false : (seen.add(item.key), true)));
}

/** Keeps document order under the cap; over it, keeps the newest (undated items last), newest first. */
function capNewest(items: FeedItem[], maxItems: number): FeedItem[] {
  if (items.length <= maxItems) return items;
  const time = (item: FeedItem): number => (item.published === undefined ? -Infinity : Date.parse(item.published));
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => time(b.item) - time(a.item) || a.index - b.index)
    .slice(0, Math.max(0, maxItems))
    .map((entry) => entry.item);
}

function dropUndefined(item: FeedItem): FeedItem {
  for (const key of Object.keys(item) as (keyof FeedItem)[]) if (item[key] === undefined) delete item[key];
  return item;
}
