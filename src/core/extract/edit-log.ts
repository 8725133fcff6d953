// Removes nodes from a parsed page and remembers where they were, so a second extraction pass can put
// the page back as parsed instead of parsing it again. Owns tree surgery only; decides nothing.
import type { AnyNode, ParentNode } from 'domhandler';

interface Removal {
  node: AnyNode;
  parent: ParentNode;
  index: number;
}

export class EditLog {
  private readonly removals: Removal[] = [];

  /** Detaches `node` from its parent (a no-op for a node already detached). */
  remove(node: AnyNode): void {
    const parent = node.parent;
    if (parent === null) return;
    const index = parent.children.indexOf(node);
    if (index < 0) return;
    parent.children.splice(index, 1);
    const { prev, next } = node;
    if (prev !== null) prev.next = next;
    if (next !== null) next.prev = prev;
    node.parent = null;
    node.prev = null;
    node.next = null;
    this.removals.push({ node, parent, index });
  }

  /** Puts every removed node back where it was, last removal first, and empties the log. */
  undo(): void {
    for (let i = this.removals.length - 1; i >= 0; i -= 1) {
      const { node, parent, index } = this.removals[i]!;
      parent.children.splice(index, 0, node);
      const prev = parent.children[index - 1] ?? null;
      const next = parent.children[index + 1] ?? null;
      node.parent = parent;
      node.prev = prev;
      node.next = next;
      if (prev !== null) prev.next = node;
      if (next !== null) next.prev = node;
    }
    this.removals.length = 0;
  }
}
