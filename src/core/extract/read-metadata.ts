// Page metadata for an article: title, published time, canonical URL, language, byline, site name,
// from JSON-LD, OpenGraph/meta tags and plain HTML, in that order of trust. Pure: takes a parsed page.
import type { AnyNode, Element } from 'domhandler';
import { indexPage, type PageIndex } from './index-page.js';
import { nodeText } from './node-text.js';
import { firstString, nameOf, pickArticleObject, readJsonLd, type JsonObject } from './read-json-ld.js';
import { normaliseLang } from './detect-language.js';

export interface PageMetadata {
  title?: string;
  published?: string;
  canonicalUrl?: string;
  lang?: string;
  byline?: string;
  siteName?: string;
}

const DATE_METAS = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datePublished', 'date',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date', 'dc.date.issued', 'dcterms.date',
  'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'published_time', 'cxenseparse:recs:publishtime',
];

/** The content of the first <meta> named by the first name that has a non-empty one. */
function meta(page: PageIndex, names: string[]): string | undefined {
  for (const name of names) {
    const content = page.metas.get(name.toLowerCase())?.attribs['content']?.trim();
    if (content) return content;
  }
  return undefined;
}

const textOf = (el: Element | undefined): string => (el === undefined ? '' : nodeText(el));

/** ISO 8601 (UTC) when the value parses as a date, else undefined. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  // Bare 8-digit dates (20200217) are common in meta tags and Date.parse rejects them.
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  const ms = Date.parse(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : v);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString();
}

/** " | ", " - ", " – ", " — ", " » ", " · ": not " : ", which French headlines use inside the title. */
const TITLE_SEPARATOR = /\s+[|\-–—»·•]\s+/g;
const words = (s: string): number => s.trim().split(/\s+/).filter((w) => w !== '').length;

/** Drops a " - Site" suffix (or a "Site | " prefix when the suffix would leave under three words). */
export function cleanTitle(raw: string, siteName?: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  const seps = [...title.matchAll(TITLE_SEPARATOR)];
  const first = seps[0];
  const last = seps[seps.length - 1];
  if (first === undefined || last === undefined) return title;
  const head = title.slice(0, last.index).trim();
  const tail = title.slice(last.index + last[0].length).trim();
  const afterFirst = title.slice(first.index + first[0].length).trim();
  const beforeFirst = title.slice(0, first.index).trim();
  const isSite = (part: string): boolean => siteName !== undefined && part.toLowerCase() === siteName.trim().toLowerCase();
  if (isSite(beforeFirst) && words(afterFirst) >= 3) return afterFirst;
  if ((isSite(tail) || words(tail) <= 5) && words(head) >= 3) return head;
  if (words(beforeFirst) <= 5 && words(afterFirst) >= 3) return afterFirst;
  return title;
}

function readTitle(page: PageIndex, article: JsonObject | undefined, siteName?: string): string | undefined {
  const og = meta(page, ['og:title', 'twitter:title']);
  const ld = typeof article?.['headline'] === 'string' ? (article['headline'] as string) : undefined;
  const html = textOf(page.headTitle) || textOf(page.title);
  const h1 = textOf(page.h1);
  const found = [og, ld, html, h1].find((t) => t !== undefined && t.trim() !== '');
  return found === undefined ? undefined : cleanTitle(found, siteName);
}

function readPublished(page: PageIndex, objects: JsonObject[], article: JsonObject | undefined): string | undefined {
  const ordered = article ? [article, ...objects] : objects;
  const candidates = [
    firstString(ordered, ['datePublished', 'dateCreated', 'uploadDate']),
    meta(page, DATE_METAS),
    page.time?.attribs['datetime'],
    page.datePublished?.attribs['content'] ?? page.datePublished?.attribs['datetime'],
  ];
  for (const c of candidates) {
    const iso = toIsoDate(c);
    if (iso !== undefined) return iso;
  }
  return undefined;
}

function readByline(page: PageIndex, article: JsonObject | undefined): string | undefined {
  const fromLd = nameOf(article?.['author']);
  const fromMeta = meta(page, ['author', 'article:author', 'dc.creator', 'parsely-author', 'byl']);
  const fromHtml = textOf(page.byline).replace(/\s+/g, ' ').trim();
  const found = fromLd ?? (fromMeta && !/^https?:/.test(fromMeta) ? fromMeta : undefined) ?? (fromHtml || undefined);
  return found !== undefined && found.length <= 200 ? found : undefined;
}

/**
 * Reads every field it can from a parsed page (before any cleaning); absent fields stay undefined.
 * `baseUrl` resolves a relative canonical link.
 */
export function readMetadata(root: AnyNode, baseUrl: string): PageMetadata {
  const page = indexPage(root);
  const objects = readJsonLd(page.jsonLd);
  const article = pickArticleObject(objects);
  const siteName = meta(page, ['og:site_name', 'application-name']) ?? nameOf(article?.['publisher']);
  const canonicalRaw = page.canonical?.attribs['href'] ?? meta(page, ['og:url']);
  return {
    title: readTitle(page, article, siteName),
    published: readPublished(page, objects, article),
    canonicalUrl: resolveUrl(canonicalRaw, baseUrl),
    lang: normaliseLang(page.html?.attribs['lang'] ?? page.html?.attribs['xml:lang'])
      ?? normaliseLang(meta(page, ['og:locale', 'content-language', 'language', 'dc.language']))
      ?? normaliseLang(typeof article?.['inLanguage'] === 'string' ? (article['inLanguage'] as string) : undefined),
    byline: readByline(page, article),
    siteName,
  };
}

function resolveUrl(href: string | undefined, base: string): string | undefined {
  if (href === undefined || href.trim() === '') return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
