// Parser edge cases of extraction on htmlparser2: entities, <br> runs, unclosed tags, deep nesting and
// pages without <html>/<body>. The case name is the spec; each expectation is what a browser shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/core/extract/extract-article.js';

const P = 'Une frappe de drone a visé un véhicule près de Boukamal, dans la province de Deir Ezzor, selon des sources locales.';
const URL = 'https://example.org/a';

const cases: Array<{ name: string; html: string; title?: string; paragraphs: string[] }> = [
  {
    name: 'named, decimal, hex and semicolon-less legacy entities decode in text and title',
    html: `<html><head><title>A &amp; B &eacute;t&eacute;</title></head><body><article>
      <p>Caf&eacute; &amp; th&#233; &#x627;&#x644; &lt;b&gt; &amp ok &copy2024 ${P}</p><p>${P}</p></article></body></html>`,
    title: 'A & B été',
    paragraphs: [`Café & thé ال <b> & ok ©2024 ${P}`, P],
  },
  {
    name: 'a non-breaking space entity collapses like any white space',
    html: `<html><body><article><p>Deir&nbsp;&nbsp;Ezzor ${P}</p><p>${P}</p></article></body></html>`,
    paragraphs: [`Deir Ezzor ${P}`, P],
  },
  {
    name: '<br> and <br/> split a div of inline text into paragraphs',
    html: '<html><body><div class="content">Ligne une, assez longue pour compter ici.<br>Ligne deux, assez longue aussi pour compter.'
      + '<br/>Ligne trois, encore une phrase, avec des virgules, comme ça.</div></body></html>',
    paragraphs: ['Ligne une, assez longue pour compter ici.', 'Ligne deux, assez longue aussi pour compter.',
      'Ligne trois, encore une phrase, avec des virgules, comme ça.'],
  },
  {
    name: 'an unclosed <p> ends where the next <p> starts; unclosed inline tags end with their block',
    html: `<html><body><div class="article"><p>${P} un<p>${P} <b>deux<p>${P} trois</div></body></html>`,
    paragraphs: [`${P} un`, `${P} deux`, `${P} trois`],
  },
  {
    name: 'text three thousand blocks deep is found',
    html: `<html><body>${'<div>'.repeat(3000)}<p>${P}</p><p>${P} bis</p>${'</div>'.repeat(3000)}</body></html>`,
    paragraphs: [P, `${P} bis`],
  },
  {
    name: 'a fragment without <html> or <body> is read as a body; its <title> stays the title',
    html: `<title>Titre du fragment ici</title><p>${P} un</p><p>${P} deux</p><p>${P} trois</p>`,
    title: 'Titre du fragment ici',
    paragraphs: [`${P} un`, `${P} deux`, `${P} trois`],
  },
  {
    name: 'an <html> without <body> still yields its paragraphs',
    html: `<html><head><title>Titre sans body</title></head><p>${P} un</p><p>${P} deux</p></html>`,
    title: 'Titre sans body',
    paragraphs: [`${P} un`, `${P} deux`],
  },
  {
    name: 'upper-case tags and attributes read like lower-case ones',
    html: `<HTML><HEAD><META PROPERTY="og:title" CONTENT="Titre OG en capitales"></HEAD><BODY><ARTICLE><P>${P}</P>`
      + `<P STYLE="DISPLAY: NONE">CACHÉ</P><P>${P} bis</P></ARTICLE></BODY></HTML>`,
    title: 'Titre OG en capitales',
    paragraphs: [P, `${P} bis`],
  },
];

for (const c of cases) {
  test(c.name, () => {
    const a = extractArticle(c.html, { url: URL });
    assert.deepEqual(a.text.split('\n\n'), c.paragraphs);
    if (c.title !== undefined) assert.equal(a.title, c.title);
  });
}

test('the second generic pass sees the page as parsed: furniture-named blocks removed by the first pass come back', () => {
  // The prose sits in two role="complementary" blocks, neither holding 90 % of it: pass one strips
  // both and finds too little, pass two must see them again (undone, not lost).
  const html = `<html><body><div role="complementary"><p>${P} un</p><p>${P} deux</p></div>`
    + `<div role="complementary"><p>${P} trois</p><p>${P} quatre</p></div><div><p>Court.</p></div></body></html>`;
  const a = extractArticle(html, { url: URL });
  for (const word of ['un', 'deux', 'trois', 'quatre']) assert.ok(a.text.includes(`${P} ${word}`), a.text);
});

test('a site rule that matches nothing leaves the page whole for generic scoring', () => {
  const html = `<html><body><script>var CACHÉ = 1;</script><article><p>${P} un</p><p>${P} deux</p><p>${P} trois</p><p>${P} quatre</p></article></body></html>`;
  const a = extractArticle(html, { url: URL, rules: { content: '.does-not-exist', remove: ['p'] } });
  assert.equal(a.text.split('\n\n').length, 4);
  assert.ok(!a.text.includes('CACHÉ'));
});

test('a page nested 20,000 levels deep keeps its text in order instead of overflowing the stack', () => {
  const n = 20_000;
  const html = `<html><body>${'<div>'.repeat(n)}<p>${P}</p><p>Deuxième paragraphe. ${P}</p>${'</div>'.repeat(n)}</body></html>`;
  const a = extractArticle(html, { url: URL });
  assert.deepEqual(a.text.split('\n\n'), [P, `Deuxième paragraphe. ${P}`]);
});

test('capDepth moves what lies below the cap up to it, in document order, and leaves shallow trees alone', async () => {
  const { capDepth } = await import('../../src/core/extract/cap-depth.js');
  const { parseDocument } = await import('htmlparser2');
  type N = { data?: string; children?: N[] };
  const textContent = (node: N): string => node.data ?? (node.children ?? []).map(textContent).join('');
  const shallow = parseDocument('<div><p>a</p><p>b <b>c</b></p></div>');
  assert.equal(capDepth(shallow, 8), 0);
  const deep = parseDocument(`${'<i>'.repeat(10)}x<b>y</b>z${'</i>'.repeat(10)}<p>after</p>`);
  assert.equal(capDepth(deep, 4), 1);
  assert.equal(textContent(deep), 'xyzafter');
  const depthOf = (node: N): number => Math.max(0, ...(node.children ?? []).map((c) => 1 + depthOf(c)));
  assert.ok(depthOf(deep) <= 5, `depth ${depthOf(deep)}`);
});
