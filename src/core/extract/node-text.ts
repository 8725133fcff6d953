// Text measures over parsed DOM nodes (domhandler): visible text, link density, comma counts.
// Read-only helpers for the scorer and the cleaner; they never change the tree.
import type { AnyNode, Element } from 'domhandler';
import { isSpaceUnit as isSpace } from '../match/sentence-index.js';

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

/** What `\s` and `String.prototype.trim` treat as white space: the matcher's table says it already. */
export { isSpace };

/** Counting state of `textLength`: characters so far, and whether a space run waits for a next word. */
interface Count { length: number; space: boolean; started: boolean }

function countText(node: AnyNode, count: Count): void {
  if (node.type === 'text') {
    const data = (node as unknown as { data: string }).data;
    for (let i = 0; i < data.length; i += 1) {
      if (isSpace(data.charCodeAt(i))) {
        count.space = count.started;
      } else {
        count.length += count.space ? 2 : 1;
        count.space = false;
        count.started = true;
      }
    }
    return;
  }
  if (!isElement(node) && node.type !== 'root') return;
  for (const child of (node as Element).children) countText(child, count);
}

/**
 * Length of the text with whitespace runs collapsed and ends trimmed, the unit every score uses:
 * `nodeText(node).replace(/\s+/g, ' ').trim().length`, counted without building the string.
 */
export function textLength(node: AnyNode): number {
  const count: Count = { length: 0, space: false, started: false };
  countText(node, count);
  return count.length;
}

/**
 * Share of the text that sits inside links: navigation blocks are mostly links, prose is not.
 * `lengths` (a memo of `textLength` valid for the current tree) saves rescanning shared subtrees.
 */
export function linkDensity(el: Element, lengths?: { of(node: AnyNode): number }): number {
  const measure = lengths === undefined ? textLength : (node: AnyNode): number => lengths.of(node);
  const total = measure(el);
  if (total === 0) return 0;
  let linked = 0;
  const walk = (node: AnyNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'a') {
      // An in-page anchor (#footnote) is not navigation away from the article.
      const href = node.attribs['href'] ?? '';
      linked += href.startsWith('#') ? measure(node) * 0.3 : measure(node);
      return;
    }
    node.children.forEach(walk);
  };
  walk(el);
  return Math.min(1, linked / total);
}

/** `commaCount(nodeText(node))`, counted in place: no concatenated string. */
export function commasIn(node: AnyNode): number {
  if (node.type === 'text') {
    const data = (node as unknown as { data: string }).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 1) {
      const c = data.charCodeAt(i);
      if (isComma(c)) n += 1;
    }
    return n;
  }
  if (!isElement(node) && node.type !== 'root') return 0;
  let n = 0;
  for (const child of (node as Element).children) n += commasIn(child);
  return n;
}

/** Commas in Latin, Arabic (U+060C) and CJK scripts: prose has many, menus have none. */
const isComma = (c: number): boolean => c === 0x2c || c === 0x060c || c === 0xff0c || c === 0x3001;

export function commaCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) if (isComma(text.charCodeAt(i))) n += 1;
  return n;
}
