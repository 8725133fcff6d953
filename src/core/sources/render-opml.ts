// Writes feed sources as an OPML 2.0 subscription list that Miniflux, FreshRSS and vigie itself import:
// each tag becomes a category outline (`a/b` nests), a source with several tags is listed under each.
// Pure. HTML listing sources have no OPML form (their selectors would be lost): they are left out and named.
import type { SourceConfig } from '../model/source.js';

export interface RenderedOpml {
  xml: string;
  /** Ids of sources not written (HTML listing pages). */
  left: string[];
}

interface Category { name: string; feeds: SourceConfig[]; children: Map<string, Category> }

const newCategory = (name: string): Category => ({ name, feeds: [], children: new Map() });

export function renderOpml(sources: readonly SourceConfig[], opts: { now: Date; title?: string }): RenderedOpml {
  const root = newCategory('');
  const left: string[] = [];
  for (const source of sources) {
    if (source.kind !== 'feed') {
      left.push(source.id);
      continue;
    }
    const tags = source.tags ?? [];
    if (tags.length === 0) root.feeds.push(source);
    for (const tag of new Set(tags)) categoryAt(root, tag).feeds.push(source);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(opts.title ?? 'vigie sources')}</title>`,
    `    <dateCreated>${opts.now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...categoryLines(root, 2),
    '  </body>',
    '</opml>',
  ];
  return { xml: `${lines.join('\n')}\n`, left };
}

/** The category for `a/b/c`, created on the way down. */
function categoryAt(root: Category, tag: string): Category {
  let node = root;
  for (const part of tag.split('/').map((p) => p.trim()).filter((p) => p !== '')) {
    let child = node.children.get(part);
    if (child === undefined) node.children.set(part, (child = newCategory(part)));
    node = child;
  }
  return node;
}

/** Feeds first (by name), then sub-categories (by name): the same sources always give the same file. */
function categoryLines(category: Category, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const feeds = [...category.feeds].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
  const children = [...category.children.values()].sort((a, b) => compare(a.name, b.name));
  return [
    ...feeds.map((f) => `${pad}<outline ${attributes([['type', 'rss'], ['text', f.name], ['title', f.name], ['xmlUrl', f.url], ['htmlUrl', f.siteUrl]])}/>`),
    ...children.flatMap((c) => [
      `${pad}<outline ${attributes([['text', c.name], ['title', c.name]])}>`,
      ...categoryLines(c, depth + 1),
      `${pad}</outline>`,
    ]),
  ];
}

function attributes(pairs: Array<[string, string | undefined]>): string {
  return pairs.filter((p): p is [string, string] => p[1] !== undefined).map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ');
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** XML 1.0 §2.4 and §3.3.3: markup characters as entities; tab and line breaks as character
 * references, or an attribute's value would come back with spaces in their place. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"'\t\n\r]/g, (c) => XML_ESCAPES[c]!);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
