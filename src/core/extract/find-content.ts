// Generic content finder: scores blocks by the prose they hold (paragraph length, commas, link
// density, class/id hints) and returns the best block plus its siblings that look like more of it.
import type { AnyNode, Element } from 'domhandler';
import { commaCount, commasIn, isElement, linkDensity, nodeText } from './node-text.js';
import { classWeight } from './class-hints.js';
import { TextLengths } from './text-lengths.js';
import { bodyElements, childrenOf, firstElement } from './walk-elements.js';

/** Children that make a <div> a container rather than a paragraph. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tr', 'td', 'th', 'ul', 'img', 'picture', 'figcaption',
]);

const TAG_BASE: Record<string, number> = {
  div: 5, article: 10, main: 5, section: 2, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text a block holds outside its block children (a div used as a paragraph, or text next to <br>s). */
function ownInlineText(el: Element): string {
  let out = '';
  for (const child of el.children) {
    if (child.type === 'text') out += (child as unknown as { data: string }).data;
    else if (isElement(child) && !BLOCK_TAGS.has(child.name)) out += nodeText(child);
  }
  return squash(out);
}

function initialScore(el: Element): number {
  const itemprop = el.attribs['itemprop'] ?? '';
  return (TAG_BASE[el.name] ?? 0) + classWeight(el) + (/articleBody/i.test(itemprop) ? 25 : 0);
}

/** Readability-style propagation: a paragraph credits its parent fully, grand-parent half, then less. */
const PARAGRAPHS = new Set(['p', 'pre', 'td']);
const DIVS = new Set(['div', 'section', 'article', 'blockquote', 'span', 'font', 'center']);

function scoreParagraphs(root: AnyNode, lengths: TextLengths): Map<Element, number> {
  const scores = new Map<Element, number>();
  // `commas` is asked only for text long enough to count, so short blocks cost no text walk.
  const credit = (length: number, commas: () => number, holder: Element): void => {
    if (length < 25) return;
    const points = 1 + commas() + Math.min(Math.floor(length / 100), 3);
    let node: Element | null = holder;
    for (let level = 0; level < 5 && node !== null && isElement(node); level += 1) {
      if (!scores.has(node)) scores.set(node, initialScore(node));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(node, scores.get(node)! + points / divider);
      node = node.parent as Element | null;
    }
  };
  const inBody = bodyElements(root);
  // All paragraphs first, then the div-like blocks: the order scores enter the map breaks ties later.
  for (const el of inBody) {
    if (PARAGRAPHS.has(el.name) && el.parent && isElement(el.parent)) credit(lengths.of(el), () => commasIn(el), el.parent);
  }
  for (const el of inBody) {
    if (!DIVS.has(el.name)) continue;
    // A div of inline content is a paragraph written without <p>; its own text credits the div's parent
    // when it has no block child, and the div itself when it mixes text and blocks (text beside <br>s).
    const hasBlock = el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name));
    if (el.name === 'span' || el.name === 'font') {
      if (!hasBlock && el.parent && isElement(el.parent) && !(el.parent.name in { p: 1, span: 1, a: 1, li: 1, td: 1 })) {
        credit(lengths.of(el), () => commasIn(el), el.parent);
      }
      continue;
    }
    const text = ownInlineText(el);
    if (!hasBlock && el.parent && isElement(el.parent)) credit(text.length, () => commaCount(text), el.parent);
    else if (hasBlock) credit(text.length, () => commaCount(text), el);
  }
  for (const [el, score] of scores) scores.set(el, score * (1 - linkDensity(el, lengths)));
  return scores;
}

function topCandidates(scores: Map<Element, number>, n: number): Element[] {
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([el]) => el);
}

function ancestorsOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parent; p !== null && isElement(p); p = p.parent) out.push(p);
  return out;
}

/** Moves up when the best block is one of several close runners-up under a common ancestor. */
function promote(top: Element, scores: Map<Element, number>): Element {
  const topScore = scores.get(top) ?? 0;
  const close = topCandidates(scores, 5).slice(1).filter((el) => (scores.get(el) ?? 0) >= topScore * 0.75);
  let best = top;
  if (close.length >= 3) {
    const lists = close.map(ancestorsOf);
    const shared = ancestorsOf(top).find((a) => a.name !== 'body' && a.name !== 'html'
      && lists.filter((l) => l.includes(a)).length >= 3);
    if (shared !== undefined) best = shared;
  }
  let last = scores.get(best) ?? topScore;
  for (let p = best.parent; p !== null && isElement(p) && p.name !== 'body' && p.name !== 'html'; p = p.parent) {
    const s = scores.get(p);
    if (s === undefined) continue;
    if (s < last / 3) break;
    if (s > last) {
      best = p;
      break;
    }
    last = s;
  }
  while (best.parent && isElement(best.parent) && best.parent.name !== 'body'
    && best.parent.children.filter(isElement).length === 1) {
    best = best.parent;
  }
  return best;
}

/** Text of the long paragraphs under a block: what an unscored sibling is judged on. */
function proseLength(el: Element, lengths: TextLengths): number {
  let total = 0;
  const walk = (node: Element): void => {
    if (node.name === 'p') {
      const n = lengths.of(node);
      if (n > 80) total += n;
      return;
    }
    node.children.filter(isElement).forEach(walk);
  };
  walk(el);
  return total;
}

function looksLikeMore(
  sib: Element, top: Element, topScore: number, scores: Map<Element, number>, lengths: TextLengths,
): boolean {
  if (sib === top) return true;
  // Paragraphs deeper than the five scored levels leave a wrapper unscored: judge its prose instead.
  if (!scores.has(sib) && proseLength(sib, lengths) >= Math.max(300, proseLength(top, lengths) * 0.2)
    && linkDensity(sib, lengths) < 0.25) return true;
  const sameClass = (sib.attribs['class'] ?? '') !== '' && sib.attribs['class'] === top.attribs['class'];
  const score = scores.get(sib);
  if (score !== undefined && score + (sameClass ? topScore * 0.2 : 0) >= Math.max(10, topScore * 0.2)) return true;
  const paragraphLike = sib.name === 'p' || (sib.name === 'div' && !sib.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name)));
  if (!paragraphLike) return false;
  const text = squash(nodeText(sib));
  const density = linkDensity(sib, lengths);
  if (text.length > 80) return density < 0.25;
  return text.length > 0 && density === 0 && /[.!?؟。]( |$)/.test(text);
}

/** The blocks that make up the article, in document order; the body when nothing scores. */
export function findContent(root: AnyNode): Element[] {
  const lengths = new TextLengths(); // the tree does not change while the content is found
  const scores = scoreParagraphs(root, lengths);
  const first = topCandidates(scores, 1)[0];
  const body = firstElement(root, 'body') ?? childrenOf(root).find(isElement);
  if (first === undefined) return body ? [body] : [];
  const top = promote(first, scores);
  const parent = top.parent;
  if (parent === null || !isElement(parent)) return [top];
  const topScore = scores.get(top) ?? 0;
  return parent.children.filter(isElement).filter((sib) => looksLikeMore(sib, top, topScore, scores, lengths));
}
