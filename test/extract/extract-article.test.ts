// Behaviour of extractArticle on small hand-written pages: what is removed, what is kept, which path
// (site rule or generic scoring) wins, and the EXTRACT_EMPTY error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/core/extract/extract-article.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

const PROSE = 'Une frappe de drone a visé un véhicule près de Boukamal, dans la province de Deir Ezzor, selon l\'OSDH, qui cite des sources locales, médicales et militaires.';
const page = (body: string, head = ''): string => `<!doctype html><html lang="fr"><head>${head}</head><body>${body}</body></html>`;
const para = (n: number): string => Array.from({ length: n }, (_, i) => `<p>${PROSE} (${i})</p>`).join('');

test('hidden nodes, scripts, styles and comments never reach the text', () => {
  const html = page(`<article>${para(4)}
    <p style="display: none">CACHÉ display none</p><p hidden>CACHÉ hidden attr</p>
    <div style="visibility:hidden"><p>CACHÉ visibility</p></div><p aria-hidden="true">CACHÉ aria</p>
    <script>var x = "CACHÉ script";</script><style>.a{content:"CACHÉ style"}</style><!-- CACHÉ comment --></article>`);
  const { text } = extractArticle(html, { url: 'https://example.org/a' });
  assert.ok(text.includes('Boukamal'));
  assert.ok(!text.includes('CACHÉ'), text);
});

test('navigation, share bars, related-link lists and caption-only figures are dropped; headings, lists and quotes kept', () => {
  const html = page(`<nav><a href="/">Accueil</a><a href="/monde">Monde</a></nav>
    <div class="article-body">${para(2)}<h2>Intertitre important</h2>${para(2)}
      <ul><li>Premier point de la liste, sans lien.</li><li>Second point de la liste.</li></ul>
      <blockquote>« Nous avons vu la fumée », dit un témoin.</blockquote>
      <div class="share-buttons"><a href="https://facebook.com/x">Partager sur Facebook</a></div>
      <figure><img src="a.jpg"><figcaption>LÉGENDE seule</figcaption></figure>
      <ul class="related"><li><a href="/1">LIEN connexe un</a></li><li><a href="/2">LIEN connexe deux</a></li></ul>
    </div><footer>Mentions légales FOOTER</footer>`);
  const { text } = extractArticle(html, { url: 'https://example.org/a' });
  const paragraphs = text.split('\n\n');
  for (const kept of ['Intertitre important', 'Premier point de la liste, sans lien.', '« Nous avons vu la fumée », dit un témoin.']) {
    assert.ok(paragraphs.includes(kept), `missing paragraph: ${kept}`);
  }
  for (const dropped of ['Accueil', 'Partager', 'LÉGENDE', 'LIEN connexe', 'FOOTER']) assert.ok(!text.includes(dropped), dropped);
});

test('the prose block wins over a longer block of links (link density)', () => {
  const links = Array.from({ length: 40 }, (_, i) => `<a href="/x${i}">Titre d'un autre article numéro ${i}, à lire</a>`).join(' ');
  const html = page(`<div class="col">${links}</div><div class="col">${para(3)}</div>`);
  const { text } = extractArticle(html, { url: 'https://example.org/a' });
  assert.ok(text.includes('Boukamal'));
  assert.ok(!text.includes('autre article'));
});

test('Arabic prose is found (Arabic comma counts) and the language comes from the script', () => {
  const ar = 'قال المرصد السوري لحقوق الإنسان، إن طائرة مسيرة استهدفت سيارة قرب البوكمال، في ريف دير الزور الشرقي، ما أدى إلى مقتل شخصين.';
  const html = `<html dir="rtl"><body><div class="menu"><a href="/">الرئيسية</a></div><div>${[1, 2, 3].map(() => `<p>${ar}</p>`).join('')}</div></body></html>`;
  const article = extractArticle(html, { url: 'https://www.example.net/news/1' });
  assert.equal(article.lang, 'ar');
  assert.ok(article.text.includes('البوكمال'));
  assert.ok(!article.text.includes('الرئيسية'));
});

test('a site rule wins over generic scoring, and its remove list applies', () => {
  const html = page(`<div class="big">${para(6)}</div>
    <div class="entry-content"><p>Texte court choisi par la règle du site, Deir Ezzor.</p><div class="sharedaddy">Partager RÈGLE</div></div>
    <h1 class="entry-title">Titre de la règle</h1><time class="entry-date" datetime="2024-03-05T08:00:00+02:00">5 mars</time>`);
  const article = extractArticle(html, { url: 'https://www.syriahr.com/fr/123/' });
  assert.equal(article.text, 'Texte court choisi par la règle du site, Deir Ezzor.');
  assert.equal(article.title, 'Titre de la règle');
  assert.equal(article.published, '2024-03-05T06:00:00.000Z');
  const generic = extractArticle(html, { url: 'https://other.example/fr/123/' });
  assert.ok(generic.text.includes('Boukamal'), 'without a rule the generic scorer picks the long block');
});

test('an explicit rule beats the table; a rule matching nothing falls back to scoring', () => {
  const html = page(`<div class="entry-content">${para(3)}</div><div class="mine"><p>Seulement ceci, par la règle explicite.</p></div>`);
  assert.equal(extractArticle(html, { url: 'https://syriahr.com/x', rules: { content: '.mine' } }).text, 'Seulement ceci, par la règle explicite.');
  assert.ok(extractArticle(html, { url: 'https://syriahr.com/x', rules: { content: '.absent' } }).text.includes('Boukamal'));
  assert.ok(extractArticle(html, { url: 'https://syriahr.com/x', rules: { content: '<<<bad' } }).text.includes('Boukamal'));
});

test('langHint beats the declared language; a page without text throws EXTRACT_EMPTY (permanent)', () => {
  assert.equal(extractArticle(page(para(2)), { url: 'https://e.org/', langHint: 'en-GB' }).lang, 'en');
  assert.equal(extractArticle(page(para(2)), { url: 'https://e.org/' }).lang, 'fr');
  for (const html of ['', page('<nav><a href="/">Menu</a></nav><script>x()</script>'), page('<p hidden>caché</p>')]) {
    assert.throws(() => extractArticle(html, { url: 'https://e.org/' }), (err: unknown) => isVigieError(err)
      && err.code === 'EXTRACT_EMPTY' && err.module === 'extract' && err.permanent);
  }
});
