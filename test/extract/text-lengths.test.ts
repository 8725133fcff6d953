// TextLengths (memoised, built from children's summaries) must give exactly textLength (collapse white
// space, trim) for every element: checked on tricky hand cases and on generated trees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { load } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { TextLengths } from '../../src/core/extract/text-lengths.js';
import { isElement, nodeText, textLength } from '../../src/core/extract/node-text.js';

function elementsOf(node: AnyNode, out: AnyNode[] = []): AnyNode[] {
  for (const c of (node as { children?: AnyNode[] }).children ?? []) {
    if (isElement(c)) {
      out.push(c);
      elementsOf(c, out);
    }
  }
  return out;
}

function agree(html: string): void {
  const root = load(html).root()[0]!;
  const lengths = new TextLengths();
  for (const el of [root, ...elementsOf(root)].reverse()) {
    const expected = nodeText(el).replace(/\s+/g, ' ').trim().length;
    assert.equal(textLength(el), expected, `textLength of ${html}`);
    assert.equal(lengths.of(el), expected, `TextLengths of ${html}`);
  }
}

const cases = [
  '<p>  a  <b> b </b>c</p>',
  '<div><span> </span><span>x</span><span> </span></div>',
  '<div>a<span></span>b</div>',
  '<div>a<span> </span>b</div>',
  '<div><i>a </i><i> b</i></div>',
  '<p>\u00a0x\u3000y\ufeff</p><p>\t\n</p>',
  '<div><!-- c -->a<script> x </script> b</div>',
];
for (const html of cases) test(`agrees with the string measure: ${JSON.stringify(html)}`, () => agree(html));

test('agrees on generated trees of text, white space and inline tags', () => {
  const piece = fc.constantFrom('a', 'bc', ' ', '  ', '\n', '\u00a0', '<b>', '</b>', '<i>', '</i>', '<p>', '</p>', '<br>', '<span> </span>');
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => agree(`<div>${pieces.join('')}</div>`)), { numRuns: 300 });
});
