// HTML listing pages read with CSS selectors: relative links, <base href>, dates, bad selectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseListing } from '../../src/core/feed/parse-listing.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

const PAGE = `<!doctype html><html><head><title>OSDH</title></head><body>
<ul class="news">
  <li class="n"><a href="/fr/article/1?utm_source=home">Frappe de drone près de <b>Boukamal</b></a>
    <p class="s">Une frappe a visé un véhicule à l'est de Deir ez-Zor.</p><time datetime="2024-05-02T08:30:00Z">2 mai</time></li>
  <li class="n"><a href="article/2#comments">البوكمال: قصف جديد</a><p class="s">ملخص</p><time>not a date</time></li>
  <li class="n"><a href="javascript:void(0)">Lien piégé</a></li>
  <li class="n"><a href="/fr/article/1">Doublon</a></li>
  <li class="n"><span>   </span></li>
</ul></body></html>`;

test('parseListing: items with relative links resolved against the page URL', () => {
  const items = parseListing(PAGE, { baseUrl: 'https://www.syriahr.example/fr/index.html', item: 'li.n', summary: 'p.s', date: 'time' });
  assert.equal(items.length, 3);
  assert.deepEqual(items[0], {
    key: 'https://www.syriahr.example/fr/article/1',
    url: 'https://www.syriahr.example/fr/article/1',
    title: 'Frappe de drone près de Boukamal',
    summary: "Une frappe a visé un véhicule à l'est de Deir ez-Zor.",
    published: '2024-05-02T08:30:00.000Z',
  });
  assert.equal(items[1].url, 'https://www.syriahr.example/fr/article/2');
  assert.equal(items[1].title, 'البوكمال: قصف جديد');
  assert.equal(items[1].published, undefined);
  assert.equal(items[2].url, undefined, 'javascript: link dropped');
  assert.match(items[2].key, /^h:/);
});

test('parseListing: <base href> changes what relative links mean', () => {
  const html = '<html><head><base href="https://cdn.example/news/"></head><body><div class="i"><a href="x.html">X</a></div></body></html>';
  const items = parseListing(html, { baseUrl: 'https://site.example/', item: '.i' });
  assert.equal(items[0].url, 'https://cdn.example/news/x.html');
});

test('parseListing: explicit link and title selectors, and maxItems', () => {
  const html = '<div class="c"><h2>Titre A</h2><a class="more" href="/a">lire</a></div><div class="c"><h2>Titre B</h2><a class="more" href="/b">lire</a></div>';
  const items = parseListing(html, { baseUrl: 'http://e.example/', item: '.c', link: 'a.more', title: 'h2', maxItems: 1 });
  assert.deepEqual(items.map((i) => [i.title, i.url]), [['Titre A', 'http://e.example/a']]);
});

test('parseListing: an invalid selector is a CONFIG_INVALID VigieError', () => {
  assert.throws(() => parseListing(PAGE, { baseUrl: 'http://e.example/', item: 'li[' }), (err: unknown) => isVigieError(err) && err.code === 'CONFIG_INVALID');
});
