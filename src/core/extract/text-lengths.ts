// Memoised `textLength` for a page that is not being edited: each element's collapsed-text length is
// built once from its children's, so measuring a block and then its parent does not rescan the text.
// Valid only while the tree does not change; make a new one after any removal.
import type { AnyNode, Element } from 'domhandler';
import { isElement, isSpace } from './node-text.js';

/**
 * Collapsed text of a subtree in brief: its trimmed length, whether it has any non-space character
 * (`started`), and whether white space comes before its first word (`lead`) or after its last (`space`).
 */
interface Summary { length: number; started: boolean; lead: boolean; space: boolean }

function addText(acc: Summary, data: string): void {
  for (let i = 0; i < data.length; i += 1) {
    if (isSpace(data.charCodeAt(i))) {
      if (acc.started) acc.space = true;
      else acc.lead = true;
    } else {
      acc.length += acc.started && acc.space ? 2 : 1;
      acc.space = false;
      acc.started = true;
    }
  }
}

/** Appends a child's summary: one separating space when white space sits between two words. */
function addSummary(acc: Summary, s: Summary): void {
  if (!s.started) {
    if (!s.lead) return;
    if (acc.started) acc.space = true;
    else acc.lead = true;
    return;
  }
  acc.length += s.length + (acc.started && (acc.space || s.lead) ? 1 : 0);
  if (!acc.started) acc.lead = acc.lead || s.lead;
  acc.started = true;
  acc.space = s.space;
}

export class TextLengths {
  private readonly memo = new Map<AnyNode, Summary>();

  private summary(node: AnyNode): Summary {
    const known = this.memo.get(node);
    if (known !== undefined) return known;
    const acc: Summary = { length: 0, started: false, lead: false, space: false };
    for (const child of (node as Element).children) {
      if (child.type === 'text') addText(acc, (child as unknown as { data: string }).data);
      else if (isElement(child)) addSummary(acc, this.summary(child));
    }
    this.memo.set(node, acc);
    return acc;
  }

  /** Same value as `textLength(node)` for an element or the document. */
  of(node: AnyNode): number {
    return isElement(node) || node.type === 'root' ? this.summary(node).length : 0;
  }
}
