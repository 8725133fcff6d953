// EditLog: removals through the log, then undo, give back the tree as parsed (same serialisation,
// same sibling and parent links), whatever the order and nesting of the removals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { EditLog } from '../../src/core/extract/edit-log.js';

const HTML = '<html><head><title>t</title><!-- c --></head><body><div id="a"><p id="p1">un <b id="b">deux</b> trois</p>'
  + '<p id="p2">quatre</p>texte<span id="s">cinq</span></div><ul id="u"><li id="l1">x</li><li id="l2">y</li></ul></body></html>';

function links(node: AnyNode, out: string[] = []): string[] {
  const children = (node as { children?: AnyNode[] }).children ?? [];
  children.forEach((c, i) => {
    assert.equal(c.parent, node, 'parent link');
    assert.equal(c.prev, children[i - 1] ?? null, 'prev link');
    assert.equal(c.next, children[i + 1] ?? null, 'next link');
    out.push(c.type);
    links(c, out);
  });
  return out;
}

const orders: Array<{ name: string; ids: string[] }> = [
  { name: 'siblings, first to last', ids: ['#p1', '#p2', '#s'] },
  { name: 'siblings, last to first', ids: ['#s', '#p2', '#p1'] },
  { name: 'a child, then its parent', ids: ['#b', '#p1', '#a'] },
  { name: 'a parent, then a child inside the removed part', ids: ['#a', '#b', '#l2', '#u'] },
  { name: 'a node twice (the second is a no-op)', ids: ['#l1', '#l1'] },
];

for (const o of orders) {
  test(`undo restores the page: ${o.name}`, () => {
    const $ = load(HTML);
    const before = $.html();
    const log = new EditLog();
    const nodes = o.ids.map((id) => $(id)[0]!); // looked up first: a removed subtree is out of reach of $()
    for (const node of nodes) log.remove(node);
    assert.notEqual($.html(), before, 'the removals changed the page');
    log.undo();
    assert.equal($.html(), before);
    links($.root()[0]!);
  });
}

test('a removed node is detached and its former neighbours point at each other', () => {
  const $ = load(HTML);
  const log = new EditLog();
  const p2 = $('#p2')[0]!;
  log.remove(p2);
  assert.equal(p2.parent, null);
  assert.equal($('#p1')[0]!.next?.type, 'text');
  links($.root()[0]!);
});
