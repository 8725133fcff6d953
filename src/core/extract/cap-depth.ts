// Caps how deep a parsed page nests, as browsers do (Chromium's parser stops nesting at 512; 128 here):
// below the cap, every descendant becomes a direct child of the node at the cap, in document order, so
// its text and order stay. The extractor's tree walks recurse, and its text counts per ancestor cost
// depth x size: a hostile page of 20,000 nested divs overflowed the stack after seconds of work. No news
// page seen nests past ~60. Pure over the tree it is given (edits it in place).
import type { AnyNode, ParentNode } from 'domhandler';
import { childrenOf } from './walk-elements.js';

export const MAX_DEPTH = 128;

/** All descendants of `node` in document order, each cut from its own children (iterative). */
function flatten(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  const stack: AnyNode[] = [...childrenOf(node)].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i]!);
    if (kids.length > 0) (n as ParentNode).children = [];
  }
  return out;
}

/** Flattens every subtree that goes deeper than `max` levels below `root`; returns how many were. */
export function capDepth(root: AnyNode, max = MAX_DEPTH): number {
  let capped = 0;
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const kids = childrenOf(node);
    if (depth === max) {
      if (!kids.some((k) => childrenOf(k).length > 0)) continue;
      const flat = flatten(node);
      flat.forEach((n, i) => { n.parent = node as ParentNode; n.prev = flat[i - 1] ?? null; n.next = flat[i + 1] ?? null; });
      (node as ParentNode).children = flat;
      capped += 1;
      continue;
    }
    for (const k of kids) stack.push([k, depth + 1]);
  }
  return capped;
}
