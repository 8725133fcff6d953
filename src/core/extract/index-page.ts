// One walk over a freshly parsed page that finds every element the metadata reader asks about
// (metas, title, h1, time, canonical link, byline, JSON-LD), so no question costs a selector scan.
import type { AnyNode, Element } from 'domhandler';
import { isElement } from './node-text.js';
import { childrenOf } from './walk-elements.js';

export interface PageIndex {
  /** The first <html>: its lang attribute. */
  html?: Element;
  /** Lower-cased property/name/itemprop/http-equiv value -> the first <meta> carrying it. */
  metas: Map<string, Element>;
  /** The first <title> inside a <head>, and the first <title> anywhere. */
  headTitle?: Element;
  title?: Element;
  h1?: Element;
  /** `time[datetime]`, `[itemprop="datePublished"]`, `link[rel~="canonical"]`. */
  time?: Element;
  datePublished?: Element;
  canonical?: Element;
  /** `[rel="author"], [itemprop="author"], .byline, .author`. */
  byline?: Element;
  /** `script[type="application/ld+json"]`, in document order. */
  jsonLd: Element[];
}

const META_KEYS = ['property', 'name', 'itemprop', 'http-equiv'];

function hasClass(el: Element, name: string): boolean {
  const cls = el.attribs['class'];
  return cls !== undefined && cls.includes(name) && cls.split(/\s+/).includes(name);
}

function isByline(el: Element): boolean {
  return el.attribs['rel']?.toLowerCase() === 'author' || el.attribs['itemprop'] === 'author'
    || hasClass(el, 'byline') || hasClass(el, 'author');
}

// Attribute values compared case-insensitively (rel, type) as CSS selectors do for these HTML attributes.
function visit(el: Element, index: PageIndex, inHead: boolean): void {
  const a = el.attribs;
  switch (el.name) {
    case 'html': index.html ??= el; break;
    case 'title':
      index.title ??= el;
      if (inHead) index.headTitle ??= el;
      break;
    case 'h1': index.h1 ??= el; break;
    case 'meta':
      for (const key of META_KEYS) {
        const value = a[key]?.toLowerCase();
        if (value !== undefined && !index.metas.has(value)) index.metas.set(value, el);
      }
      break;
    case 'time': if (a['datetime'] !== undefined) index.time ??= el; break;
    case 'link':
      if (a['rel'] !== undefined && a['rel'].toLowerCase().split(/\s+/).includes('canonical')) index.canonical ??= el;
      break;
    case 'script': if (a['type']?.toLowerCase() === 'application/ld+json') index.jsonLd.push(el); break;
    default: break;
  }
  if (a['itemprop'] === 'datePublished') index.datePublished ??= el;
  if (index.byline === undefined && isByline(el)) index.byline = el;
}

export function indexPage(root: AnyNode): PageIndex {
  const index: PageIndex = { metas: new Map(), jsonLd: [] };
  const walk = (node: AnyNode, inHead: boolean): void => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      visit(child, index, inHead);
      walk(child, inHead || child.name === 'head');
    }
  };
  walk(root, false);
  return index;
}
