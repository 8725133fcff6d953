// rss-parser (string input only) with the repairs vigie needs: bad Atom dates and text-only links no
// longer abort the whole feed, and xml:base is kept for link resolution. Never fetches anything.
import Parser from 'rss-parser';

/** What rss-parser hands back, as far as vigie reads it (values are untrusted: strings or xml2js objects). */
export interface RawItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  isoDate?: unknown;
  content?: unknown;
  contentSnippet?: unknown;
  summary?: unknown;
  'content:encoded'?: unknown;
  xmlBase?: string;
  textLink?: string;
  /** Set on Atom entries, whose `content` is the body (on RSS items `content` is the description). */
  isAtom?: boolean;
}

export interface RawFeed {
  title?: unknown;
  link?: unknown;
  ttl?: unknown;
  xmlBase?: string;
  items: RawItem[];
}

type XmlNode = Record<string, unknown>;
type BaseMethod = (this: unknown, ...args: unknown[]) => Record<string, unknown>;

function baseMethod(name: string): BaseMethod {
  return (Parser.prototype as unknown as Record<string, BaseMethod>)[name];
}

function xmlBaseOf(node: unknown): string | undefined {
  const attrs = isNode(node) ? node.$ : undefined;
  const base = isNode(attrs) ? attrs['xml:base'] : undefined;
  return typeof base === 'string' ? base : undefined;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an xml2js value: a string, or the `_` text of an element that also has attributes. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isNode(value) && typeof value._ === 'string' ? value._ : undefined;
}

/**
 * rss-parser calls `new Date(x).toISOString()` on Atom `published`/`updated` without a guard (a
 * RangeError for "garbage"), and reads `link.$.rel` on every Atom link (a TypeError for Atom 0.3 style
 * `<link>http://…</link>`). Both are repaired on the xml2js tree before the base method sees it.
 */
function repairAtomEntry(entry: XmlNode): string | undefined {
  for (const field of ['published', 'updated']) {
    const values = entry[field];
    if (!Array.isArray(values)) continue;
    const text = textOf(values[0])?.trim();
    if (text && !Number.isNaN(Date.parse(text))) entry[field] = [text];
    else delete entry[field];
  }
  if (!Array.isArray(entry.link)) return undefined;
  const textLink = entry.link.map(textOf).find((t) => t !== undefined && t.trim() !== '');
  entry.link = entry.link.filter((l) => isNode(l) && isNode(l.$) && typeof l.$.href === 'string');
  if ((entry.link as unknown[]).length === 0) delete entry.link;
  return textLink?.trim();
}

/**
 * An `<rss version="2.0"></rss>` or `<rdf:RDF/>` without a `<channel>` is an empty feed, not a crash
 * (rss-parser reads `channel[0]` unguarded). Gives the root, then its first channel, an object shape.
 */
function ensureChannel(xmlObj: XmlNode, rootName: string): void {
  const root = isNode(xmlObj[rootName]) ? (xmlObj[rootName] as XmlNode) : {};
  xmlObj[rootName] = root;
  if (!Array.isArray(root.channel) || !isNode(root.channel[0])) root.channel = [{}];
}

class VigieRssParser extends Parser {
  buildRSS0_9(xmlObj: XmlNode): RawFeed {
    ensureChannel(xmlObj, 'rss');
    return baseMethod('buildRSS0_9').call(this, xmlObj) as unknown as RawFeed;
  }

  buildRSS1(xmlObj: XmlNode): RawFeed {
    ensureChannel(xmlObj, 'rdf:RDF');
    return baseMethod('buildRSS1').call(this, xmlObj) as unknown as RawFeed;
  }

  buildRSS2(xmlObj: XmlNode): RawFeed {
    ensureChannel(xmlObj, 'rss');
    return baseMethod('buildRSS2').call(this, xmlObj) as unknown as RawFeed;
  }

  buildAtomFeed(xmlObj: XmlNode): RawFeed {
    const feedNode = isNode(xmlObj.feed) ? xmlObj.feed : {};
    repairAtomEntry(feedNode);
    const feed = baseMethod('buildAtomFeed').call(this, xmlObj) as unknown as RawFeed;
    feed.xmlBase = xmlBaseOf(feedNode);
    return feed;
  }

  parseItemAtom(entry: XmlNode): RawItem {
    const textLink = repairAtomEntry(entry);
    const item = baseMethod('parseItemAtom').call(this, entry) as RawItem;
    item.xmlBase = xmlBaseOf(entry);
    item.isAtom = true;
    if (item.link === undefined && textLink !== undefined) item.textLink = textLink;
    return item;
  }

  buildRSS(channel: XmlNode, items: unknown): RawFeed {
    const feed = baseMethod('buildRSS').call(this, channel, items) as unknown as RawFeed;
    feed.xmlBase = xmlBaseOf(channel);
    return feed;
  }

  parseItemRss(xmlItem: XmlNode, itemFields: unknown): RawItem {
    const item = baseMethod('parseItemRss').call(this, xmlItem, itemFields) as RawItem;
    item.xmlBase = xmlBaseOf(xmlItem);
    return item;
  }
}

/**
 * Parses an XML string. `defaultRSS: 2` reads an `<rss>` root without a version (uolNoticias) as
 * RSS 2.0, which rss-parser's RSS 0.9x and 2.0 paths share anyway. xml2js stays strict: its lenient
 * mode upper-cases tag names and breaks every feed (RELIABILITY §1.6).
 */
export async function parseRawFeed(xml: string): Promise<RawFeed> {
  const parser = new VigieRssParser({ defaultRSS: 2 });
  return (await parser.parseString(xml)) as unknown as RawFeed;
}
