// Text measures over parsed DOM nodes (domhandler): visible text, link density, comma counts.
// Read-only helpers for the scorer and the cleaner; they never change the tree.
import type { AnyNode, Element } from 'domhandler';

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Concatenated text of a node's text descendants (raw, not whitespace-normalised). */
export function nodeText(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node) && node.type !== 'root') return '';
  let out = '';
  for (const child of (node as Element).children) out += nodeText(child);
  return out;
}

/** Length of the text with whitespace runs collapsed, the unit every score uses. */
export function textLength(node: AnyNode): number {
  return nodeText(node).replace(/\s+/g, ' ').trim().length;
}

/** Share of the text that sits inside links: navigation blocks are mostly links, prose is not. */
export function linkDensity(el: Element): number {
  const total = textLength(el);
  if (total === 0) return 0;
  let linked = 0;
  const walk = (node: AnyNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'a') {
      // An in-page anchor (#footnote) is not navigation away from the article.
      const href = node.attribs['href'] ?? '';
      linked += href.startsWith('#') ? textLength(node) * 0.3 : textLength(node);
      return;
    }
    node.children.forEach(walk);
  };
  walk(el);
  return Math.min(1, linked / total);
}

/** Commas in Latin, Arabic (U+060C) and CJK scripts: prose has many, menus have none. */
export function commaCount(text: string): number {
  return text.match(/[,،，、]/g)?.length ?? 0;
}
