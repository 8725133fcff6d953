// Removes what can never be article text before scoring: scripts, styles, comments, forms, hidden
// nodes, navigation and furniture blocks named as such. Mutates the parsed page through an edit log
// (so the caller can undo it); decides nothing else.
import type { AnyNode, Element } from 'domhandler';
import { isElement, textLength } from './node-text.js';
import { isUnlikelyBlock } from './class-hints.js';
import type { EditLog } from './edit-log.js';
import { childrenOf, firstElement, forEachElement } from './walk-elements.js';

const ALWAYS_DROP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg',
  'button', 'input', 'select', 'textarea', 'link', 'meta', 'video', 'audio', 'map', 'dialog']);
/** Semantic furniture; kept only when it holds a real run of prose (some sites misuse <header>). */
const FURNITURE = new Set(['nav', 'aside', 'footer', 'header', 'form', 'menu']);

function isHidden(el: Element): boolean {
  if (el.attribs['hidden'] !== undefined) return true;
  if (el.attribs['aria-hidden'] === 'true' && !/fallback-image/.test(el.attribs['class'] ?? '')) return true;
  const style = el.attribs['style'];
  if (style === undefined) return false;
  const squashed = style.toLowerCase().replace(/\s+/g, '');
  return /(^|;)display:none/.test(squashed) || /(^|;)visibility:hidden/.test(squashed);
}

/** A furniture-named block holding nearly all the page's prose is a layout wrapper, not furniture. */
const PROTECT = 0.9;

/** Summed length of the <p> under `el` longer than 80 characters (a <p> inside a <p> counts again). */
function proseLength(el: Element): number {
  let total = 0;
  forEachElement(el, (p) => {
    if (p.name !== 'p') return;
    const n = textLength(p);
    if (n > 80) total += n;
  });
  return total;
}

/** Three paragraphs of more than 120 characters make a block prose, whatever its name. */
function holdsProse(el: Element): boolean {
  let long = 0;
  forEachElement(el, (p) => {
    if (long >= 3) return false;
    if (p.name === 'p' && textLength(p) > 120) long += 1;
    return undefined;
  });
  return long >= 3;
}

/** Drops what is never text anywhere: comments, scripts, styles, embeds, hidden nodes. */
export function dropNonText(root: AnyNode, log: EditLog): void {
  const walk = (node: AnyNode): void => {
    const children = childrenOf(node); // live: after a removal the next child is at the same index
    for (let i = 0; i < children.length;) {
      const child = children[i]!;
      if (child.type === 'comment' || child.type === 'directive' || child.type === 'cdata') log.remove(child);
      else if (isElement(child) && (ALWAYS_DROP.has(child.name) || isHidden(child))) log.remove(child);
      else if (isElement(child)) walk(child);
      if (children[i] === child) i += 1;
    }
  };
  walk(root);
}

/**
 * Full clean before generic scoring: non-text, then furniture, then (when `stripUnlikely`) blocks
 * named like furniture, unless one holds most of the page's prose (a "sidebar-mix" layout wrapper).
 */
export function cleanPage(root: AnyNode, log: EditLog, opts: { stripUnlikely: boolean } = { stripUnlikely: true }): void {
  dropNonText(root, log);
  forEachElement(root, (el) => {
    if (!FURNITURE.has(el.name) || holdsProse(el)) return true;
    log.remove(el);
    return false;
  });
  if (!opts.stripUnlikely) return;
  const body = firstElement(root, 'body');
  const pageProse = body ? proseLength(body) : 0;
  const strip = (node: AnyNode): void => forEachElement(node, (el) => {
    if (!isUnlikelyBlock(el) || proseLength(el) >= pageProse * PROTECT) return true;
    log.remove(el);
    return false;
  });
  // Only blocks inside a <body> are candidates (`body *`); a nested <body> is itself one.
  forEachElement(root, (el) => {
    if (el.name !== 'body') return true;
    strip(el);
    return false;
  });
}
