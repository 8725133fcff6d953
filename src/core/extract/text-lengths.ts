// Memoised `textLength` for a page that is not being edited: each element's collapsed-text length is
// built once from its children's, so measuring a block and then its parent does not rescan the text.
// Valid only while the tree does not change; make a new one after any removal.
import type { AnyNode, Element } from 'domhandler';
import { isElement, isSpace } from './node-text.js';

/**
 * Collapsed text of a subtree in brief: its trimmed length (> 0 once a word started), whether white
 * space comes before its first word (`lead`) or after its last (`space`). Packed into one small
 * integer, `length * 4 + lead * 2 + space`, so the memo holds no object per element.
 */
interface Summary { length: number; lead: boolean; space: boolean }

const pack = (s: Summary): number => s.length * 4 + (s.lead ? 2 : 0) + (s.space ? 1 : 0);
const unpack = (n: number): Summary => ({ length: Math.floor(n / 4), lead: (n & 2) !== 0, space: (n & 1) !== 0 });

function addText(acc: Summary, data: string): void {
  for (let i = 0; i < data.length; i += 1) {
    if (isSpace(data.charCodeAt(i))) {
      if (acc.length > 0) acc.space = true;
      else acc.lead = true;
    } else {
      acc.length += acc.length > 0 && acc.space ? 2 : 1;
      acc.space = false;
    }
  }
}

/** Appends a child's summary: one separating space when white space sits between two words. */
function addSummary(acc: Summary, s: Summary): void {
  if (s.length === 0) {
    if (!s.lead) return;
    if (acc.length > 0) acc.space = true;
    else acc.lead = true;
    return;
  }
  if (acc.length === 0) acc.lead = acc.lead || s.lead;
  acc.length += s.length + (acc.length > 0 && (acc.space || s.lead) ? 1 : 0);
  acc.space = s.space;
}

export class TextLengths {
  private readonly memo = new Map<AnyNode, number>();

  private summary(node: AnyNode): number {
    const known = this.memo.get(node);
    if (known !== undefined) return known;
    const acc: Summary = { length: 0, lead: false, space: false };
    for (const child of (node as Element).children) {
      if (child.type === 'text') addText(acc, (child as unknown as { data: string }).data);
      else if (isElement(child)) addSummary(acc, unpack(this.summary(child)));
    }
    const packed = pack(acc);
    this.memo.set(node, packed);
    return packed;
  }

  /** Same value as `textLength(node)` for an element or the document. */
  of(node: AnyNode): number {
    return isElement(node) || node.type === 'root' ? Math.floor(this.summary(node) / 4) : 0;
  }
}
