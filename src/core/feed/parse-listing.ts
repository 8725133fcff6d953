// Reads the items of an HTML listing page (a source without a feed) with the source's CSS selectors.
// Pure: takes decoded HTML, returns FeedItems; it never fetches (no cheerio fromURL) and never runs scripts.
import { load, type CheerioAPI } from 'cheerio';
import { VigieError } from '../errors/vigie-error.js';
import type { FeedItem } from '../model/feed-item.js';
import { canonicalUrl } from './canonical-url.js';
import { itemIdentity } from './item-identity.js';
import { plainText } from './plain-text.js';

export interface ListingOptions {
  baseUrl: string;
  /** Selector of one item block; `link`, `title`, `summary`, `date` are looked up inside it. */
  item: string;
  link?: string;
  title?: string;
  summary?: string;
  date?: string;
  maxItems?: number;
}

/** A cheerio selection of elements (cheerio re-exports no node type of its own). */
type Selection = ReturnType<ReturnType<CheerioAPI['root']>['find']>;

const DEFAULT_MAX_ITEMS = 500;

export function parseListing(html: string, opts: ListingOptions): FeedItem[] {
  const $ = load(html);
  // HTML §4.2.3: a <base href> changes what relative links on the page mean.
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref === undefined ? undefined : canonicalUrl(baseHref, opts.baseUrl)) ?? opts.baseUrl;
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const element of select($.root(), opts.item).toArray()) {
    const item = toItem($(element), opts, base);
    if (item === undefined || seen.has(item.key)) continue;
    seen.add(item.key);
    items.push(item);
    if (items.length >= (opts.maxItems ?? DEFAULT_MAX_ITEMS)) break;
  }
  return items;
}

function toItem(block: Selection, opts: ListingOptions, base: string): FeedItem | undefined {
  const linkEl = opts.link !== undefined ? select(block, opts.link).first() : block.is('a[href]') ? block : block.find('a[href]').first();
  const url = canonicalUrl(linkEl.attr('href') ?? '', base);
  const titleEl = opts.title !== undefined ? select(block, opts.title).first() : linkEl.length > 0 ? linkEl : block;
  const title = plainText(titleEl.text(), 500);
  if (url === undefined && title === '') return undefined;
  const summary = opts.summary !== undefined ? plainText(select(block, opts.summary).first().text(), 1000) : '';
  const item: FeedItem = { key: itemIdentity({ url, title }), title, summary };
  if (url !== undefined) item.url = url;
  const published = opts.date !== undefined ? dateOf(select(block, opts.date).first()) : undefined;
  if (published !== undefined) item.published = published;
  return item;
}

/** `<time datetime>` first (HTML §4.5.14), then a `datetime`/`content` attribute, then the text. */
function dateOf(el: Selection): string | undefined {
  for (const candidate of [el.attr('datetime'), el.attr('content'), el.text()]) {
    const ms = candidate === undefined ? Number.NaN : Date.parse(candidate.trim());
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return undefined;
}

/** A selector that css-select rejects is a configuration problem of the source, not a page problem. */
function select(scope: { find(selector: string): Selection }, selector: string): Selection {
  try {
    return scope.find(selector);
  } catch (err) {
    throw new VigieError('CONFIG_INVALID', 'feed', `invalid CSS selector ${JSON.stringify(selector)}`, { cause: err, details: { selector } });
  }
}
