// Turns the chosen article blocks into paragraphs of plain text: drops link lists, share bars and
// caption-only figures inside them, and keeps headings, list items and quotes as paragraphs.
import type { AnyNode, Element } from 'domhandler';
import { commasIn, isElement, linkDensity, textLength } from './node-text.js';
import { classWeight, hintsOf } from './class-hints.js';
import { BLOCK_TAGS } from './find-content.js';
import type { EditLog } from './edit-log.js';
import { forEachElement } from './walk-elements.js';

const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'figure', 'aside', 'header', 'footer', 'nav', 'form', 'fieldset']);
const SHARE = /(share|sharing|social|partage|partager|addtoany|sharedaddy|sociable)/i;
const SHARE_LINE = /^(share|partager|partagez|tweet|tweeter|facebook|twitter|whatsapp|linkedin|e-?mail|imprimer|print|شارك|مشاركة|اطبع)\b/i;

/** How many <p>, <img> and <li> sit under `el`, in one walk. */
function countTags(el: Element): { p: number; img: number; li: number } {
  const counts = { p: 0, img: 0, li: 0 };
  const walk = (node: AnyNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'p' || node.name === 'img' || node.name === 'li') counts[node.name] += 1;
    for (const child of node.children) walk(child);
  };
  for (const child of el.children) walk(child);
  return counts;
}

/** Readability-style conditional cleaning, tuned to keep prose and drop navigation inside the body. */
function isClutter(el: Element): boolean {
  const length = textLength(el);
  if (SHARE.test(hintsOf(el)) && length < 500) return true;
  if (el.name === 'figure') return length < 300; // a picture and its caption, not prose
  if (commasIn(el) >= 10) return false;
  const weight = classWeight(el);
  // The block's own length is known: only its links are measured again.
  const density = linkDensity(el, { of: (node) => (node === el ? length : textLength(node)) });
  const { p: paragraphs, img: images, li: items } = countTags(el);
  const isList = el.name === 'ul' || el.name === 'ol';
  if (weight < 0 && length < 1000) return true;
  if (isList) return density > 0.5;
  if (images > 1 && paragraphs / images < 0.5 && length < 200) return true;
  if (!isList && items > paragraphs * 2 + 3 && density > 0.3) return true;
  if (weight < 25 && density > 0.33 && length < 2000) return true;
  return weight >= 25 && density > 0.5;
}

function dropClutter(blocks: Element[], log: EditLog): void {
  for (const block of blocks) {
    const inner: Element[] = [];
    forEachElement(block, (el) => {
      if (CONDITIONAL.has(el.name)) inner.push(el);
    });
    // Innermost first, so a parent is judged on what is left after its children were cleaned.
    for (let i = inner.length - 1; i >= 0; i -= 1) if (isClutter(inner[i]!)) log.remove(inner[i]!);
  }
}

function walkText(node: AnyNode, paragraphs: string[], current: string[]): void {
  const flush = (): void => {
    const text = current.join('').replace(/\s+/g, ' ').trim();
    current.length = 0;
    if (text !== '') paragraphs.push(text);
  };
  if (node.type === 'text') {
    current.push((node as unknown as { data: string }).data);
    return;
  }
  if (node.type === 'root') {
    for (const child of (node as unknown as Element).children) walkText(child, paragraphs, current);
    return;
  }
  if (!isElement(node)) return;
  if (node.name === 'br' || node.name === 'hr') {
    flush();
    return;
  }
  const block = BLOCK_TAGS.has(node.name) || node.name === 'figcaption' || node.name === 'caption';
  if (block) flush();
  for (const child of node.children) walkText(child, paragraphs, current);
  if (block) flush();
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

/** Paragraphs of a node, one per block element or <br> run, with no cleaning at all. */
export function blockText(node: AnyNode): string[] {
  const paragraphs: string[] = [];
  const current: string[] = [];
  walkText(node, paragraphs, current);
  const rest = current.join('').replace(/\s+/g, ' ').trim();
  if (rest !== '') paragraphs.push(rest);
  return paragraphs;
}

/** Paragraphs of the blocks, cleaned; a first paragraph repeating the title is dropped. */
export function collectParagraphs(
  blocks: Element[], log: EditLog, title?: string, opts: { dropClutter?: boolean } = {},
): string[] {
  if (opts.dropClutter !== false) dropClutter(blocks, log);
  const paragraphs = blocks.flatMap(blockText);
  const kept = paragraphs.filter((p) => !(SHARE_LINE.test(p) && p.split(' ').length <= 4) );
  if (title !== undefined && kept[0] !== undefined && sameText(kept[0], title)) kept.shift();
  return kept;
}
