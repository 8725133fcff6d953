// Removes what can never be article text before scoring: scripts, styles, comments, forms, hidden
// nodes, navigation and furniture blocks named as such. Mutates the parsed page; decides nothing else.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isElement, textLength } from './node-text.js';
import { isUnlikelyBlock } from './class-hints.js';

const ALWAYS_DROP = 'script, style, noscript, template, iframe, object, embed, canvas, svg, button, input, select, textarea, '
  + 'link, meta, video, audio, map, dialog';
/** Semantic furniture; kept only when it holds a real run of prose (some sites misuse <header>). */
const FURNITURE = 'nav, aside, footer, header, form, menu';

function isHidden(el: Element): boolean {
  if (el.attribs['hidden'] !== undefined) return true;
  if (el.attribs['aria-hidden'] === 'true' && !/fallback-image/.test(el.attribs['class'] ?? '')) return true;
  const style = (el.attribs['style'] ?? '').toLowerCase().replace(/\s+/g, '');
  return /(^|;)display:none/.test(style) || /(^|;)visibility:hidden/.test(style);
}

function removeComments(node: AnyNode): void {
  if (!isElement(node) && node.type !== 'root') return;
  const parent = node as Element;
  parent.children = parent.children.filter((c) => c.type !== 'comment' && c.type !== 'directive' && c.type !== 'cdata');
  parent.children.forEach(removeComments);
}

/** A furniture-named block holding nearly all the page's prose is a layout wrapper, not furniture. */
const PROTECT = 0.9;
function proseLength($: CheerioAPI, el: Element): number {
  let total = 0;
  $(el).find('p').each((_, p) => {
    const n = textLength(p);
    if (n > 80) total += n;
  });
  return total;
}

function holdsProse($: CheerioAPI, el: Element): boolean {
  return $(el).find('p').filter((_, p) => textLength(p) > 120).length >= 3;
}

/** Drops what is never text anywhere: comments, scripts, styles, embeds, hidden nodes. */
export function dropNonText($: CheerioAPI): void {
  removeComments($.root()[0] as unknown as AnyNode);
  $(ALWAYS_DROP).remove();
  $('*').each((_, el) => {
    if (isElement(el) && isHidden(el)) $(el).remove();
  });
}

/**
 * Full clean before generic scoring: non-text, then furniture, then (when `stripUnlikely`) blocks
 * named like furniture, unless one holds most of the page's prose (a "sidebar-mix" layout wrapper).
 */
export function cleanPage($: CheerioAPI, opts: { stripUnlikely: boolean } = { stripUnlikely: true }): void {
  dropNonText($);
  $(FURNITURE).each((_, el) => {
    if (isElement(el) && !holdsProse($, el)) $(el).remove();
  });
  if (!opts.stripUnlikely) return;
  const body = $('body')[0];
  const pageProse = body ? proseLength($, body) : 0;
  $('body *').each((_, el) => {
    if (el.parent !== null && isUnlikelyBlock(el) && proseLength($, el) < pageProse * PROTECT) $(el).remove();
  });
}
