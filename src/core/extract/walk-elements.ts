// Depth-first walks over a parsed page in document order: what a CSS descendant selector would return,
// without compiling a selector or building a result set for every question asked of the tree.
import type { AnyNode, Element } from 'domhandler';
import { isElement } from './node-text.js';

/** Children of a document, element or other parent node; none for text and comments. */
export function childrenOf(node: AnyNode): AnyNode[] {
  return (node as { children?: AnyNode[] }).children ?? [];
}

/**
 * Calls `visit` on every element under `node` (not `node` itself), in document order. Returning
 * `false` skips that element's descendants (it was removed, or nothing under it matters).
 */
export function forEachElement(node: AnyNode, visit: (el: Element) => boolean | void): void {
  const children = childrenOf(node); // live: a removal during `visit` shifts the next child into place
  for (let i = 0; i < children.length;) {
    const child = children[i]!;
    if (isElement(child) && visit(child) !== false) forEachElement(child, visit);
    if (children[i] === child) i += 1;
  }
}

/** Elements under any <body> (what `$('body').find('*')` returns), in document order, once each. */
export function bodyElements(root: AnyNode): Element[] {
  const out: Element[] = [];
  const walk = (node: AnyNode, inBody: boolean): void => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      if (inBody) out.push(child);
      walk(child, inBody || child.name === 'body');
    }
  };
  walk(root, false);
  return out;
}

/** The first element named `name` in document order. */
export function firstElement(root: AnyNode, name: string): Element | undefined {
  for (const child of childrenOf(root)) {
    if (!isElement(child)) continue;
    if (child.name === name) return child;
    const found = firstElement(child, name);
    if (found !== undefined) return found;
  }
  return undefined;
}
