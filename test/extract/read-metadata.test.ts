// Metadata table: JSON-LD (@graph, arrays), OpenGraph, <time>, <title> suffixes, canonical and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'cheerio';
import { cleanTitle, readMetadata, toIsoDate, type PageMetadata } from '../../src/core/extract/read-metadata.js';

const BASE = 'https://www.example.org/section/article.html';
const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const cases: Array<{ name: string; html: string; expect: Partial<PageMetadata> }> = [
  {
    name: 'JSON-LD @graph: headline, datePublished, author, publisher',
    html: `<html><head>${ld({ '@context': 'https://schema.org', '@graph': [
      { '@type': 'WebSite', name: 'Le Site' },
      { '@type': 'NewsArticle', headline: 'Frappe près de Boukamal', datePublished: '2024-03-05T10:00:00+01:00',
        author: [{ '@type': 'Person', name: 'A. Auteur' }, { name: 'B. Autre' }], publisher: { name: 'OSDH' } },
    ] })}</head><body><h1>Autre</h1></body></html>`,
    expect: { title: 'Frappe près de Boukamal', published: '2024-03-05T09:00:00.000Z', byline: 'A. Auteur, B. Autre', siteName: 'OSDH' },
  },
  {
    name: 'JSON-LD top-level array, broken block skipped',
    html: `<head><script type="application/ld+json">{broken</script>${ld([{ '@type': 'BreadcrumbList' },
      { '@type': ['Article'], headline: 'Titre en tableau', datePublished: '2023-01-02' }])}</head>`,
    expect: { title: 'Titre en tableau', published: '2023-01-02T00:00:00.000Z' },
  },
  {
    name: 'OpenGraph title, article:published_time, og:url canonical, og:locale, og:site_name',
    html: `<head><meta property="og:title" content="Titre OG"><meta property="article:published_time" content="2022-06-01T12:30:00Z">
      <meta property="og:url" content="/fr/article-1"><meta property="og:locale" content="fr_FR"><meta property="og:site_name" content="France 24">
      <title>Autre titre - France 24</title></head>`,
    expect: { title: 'Titre OG', published: '2022-06-01T12:30:00.000Z', canonicalUrl: 'https://www.example.org/fr/article-1', lang: 'fr', siteName: 'France 24' },
  },
  {
    name: '<time datetime>, <title> cleaned of its site suffix, link rel=canonical, html lang',
    html: `<html lang="ar-SY"><head><title>مقتل شخصين بغارة قرب البوكمال | المرصد السوري</title>
      <link rel="canonical" href="https://www.syriahr.com/123/"></head>
      <body><article><time datetime="2024-03-05T08:00:00+02:00">٥ آذار</time></article></body></html>`,
    expect: { title: 'مقتل شخصين بغارة قرب البوكمال', published: '2024-03-05T06:00:00.000Z', canonicalUrl: 'https://www.syriahr.com/123/', lang: 'ar' },
  },
  {
    name: 'h1 as the last resort; meta name=date; content-language; meta author',
    html: `<head><meta name="date" content="20200217"><meta http-equiv="content-language" content="en-US"><meta name="author" content="Jane Doe"></head>
      <body><h1>Only a heading</h1></body>`,
    expect: { title: 'Only a heading', published: '2020-02-17T00:00:00.000Z', lang: 'en', byline: 'Jane Doe' },
  },
  {
    name: 'nothing known stays undefined; an unparseable date is not invented; javascript: canonical ignored',
    html: '<head><meta property="article:published_time" content="hier soir"><link rel="canonical" href="javascript:alert(1)"></head><body><p>x</p></body>',
    expect: { title: undefined, published: undefined, canonicalUrl: undefined, lang: undefined },
  },
];

for (const c of cases) {
  test(`metadata: ${c.name}`, () => {
    const meta = readMetadata(load(c.html).root()[0]!, BASE);
    for (const [key, value] of Object.entries(c.expect)) assert.equal(meta[key as keyof PageMetadata], value, key);
  });
}

test('cleanTitle keeps a title whose leftover part would be too short, and drops the site name part', () => {
  assert.equal(cleanTitle('Syrie - Boukamal', undefined), 'Syrie - Boukamal');
  assert.equal(cleanTitle('Syrie : un drone frappe un convoi près de Boukamal - France 24', 'France 24'), 'Syrie : un drone frappe un convoi près de Boukamal');
  assert.equal(cleanTitle('Drone strike near Abu Kamal kills two | Syrian Observatory', undefined), 'Drone strike near Abu Kamal kills two');
});

test('toIsoDate: offsets become UTC, garbage is undefined', () => {
  assert.equal(toIsoDate('2024-03-05T10:00:00+01:00'), '2024-03-05T09:00:00.000Z');
  assert.equal(toIsoDate('not a date'), undefined);
  assert.equal(toIsoDate(undefined), undefined);
});
