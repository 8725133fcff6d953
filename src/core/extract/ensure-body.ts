// Gives a page parsed without <html> or <body> (a fragment) a <body> around its content, as an HTML
// parser following the spec would: the scorer credits blocks inside a body, and a bare document
// node is not an element it can credit. Head-only elements stay outside. Changes nothing else.
import type { CheerioAPI } from 'cheerio/slim';
import { isElement } from './node-text.js';
import { firstElement } from './walk-elements.js';

const HEAD_ONLY = new Set(['head', 'title', 'meta', 'link', 'base', 'style', 'script']);

export function ensureBody($: CheerioAPI): void {
  const root = $.root()[0]!;
  if (firstElement(root, 'body') !== undefined || firstElement(root, 'html') !== undefined) return;
  const content = root.children.filter((c) => !(isElement(c) && HEAD_ONLY.has(c.name)));
  $.root().append($('<body></body>').append(content));
}
