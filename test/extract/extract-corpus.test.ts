// Golden-ish checks on real pages of the shared corpus (French and Arabic): key sentences in, furniture
// out, and word-level F1 against the upstream expected text above a floor (same metric as the bench).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { corpusDir } from '../harness/paths.js';
import { extractArticle } from '../../src/core/extract/extract-article.js';
import { blockText } from '../../src/core/extract/collect-paragraphs.js';
import { wordOverlap } from '../../src/core/extract/word-overlap.js';

const articles = path.join(corpusDir, 'articles');
const read = (...parts: string[]): string => fs.readFileSync(path.join(articles, ...parts), 'utf8');
const htmlText = (html: string): string => blockText(load(html).root()[0]!).join('\n\n');
const READABILITY_URL = 'http://fakehost/test/page.html';

const cases = [
  {
    name: 'readability lemonde-1 (fr)',
    html: () => read('readability', 'lemonde-1', 'source.html'),
    url: READABILITY_URL,
    reference: () => htmlText(read('readability', 'lemonde-1', 'expected.html')),
    lang: 'fr',
    title: 'Le projet de loi sur le renseignement massivement approuvé à l\'Assemblée',
    present: ['adopté à une large majorité (438 contre 86 et 42 abstentions)', 'La loi prévoit également une forme de protection'],
    absent: ['Mentions légales', 'Abonnez-vous'],
    floor: 0.95,
  },
  {
    name: 'readability liberation-1 (fr)',
    html: () => read('readability', 'liberation-1', 'source.html'),
    url: READABILITY_URL,
    reference: () => htmlText(read('readability', 'liberation-1', 'expected.html')),
    lang: 'fr',
    title: 'Un troisième Français mort dans le séisme au Népal',
    present: ['Un troisième Français a été tué dans le tremblement de terre samedi au Népal', 'Des dizaines de milliers de personnes sont sans abri.'],
    absent: ['Se connecter', 'Abonnez-vous'],
    floor: 0.95,
  },
  {
    name: 'newspaper4k arabic_article (ar, CNN Arabic)',
    html: () => read('newspaper4k', 'html', 'arabic_article.html'),
    url: 'http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html',
    reference: () => read('newspaper4k', 'txt', 'arabic_article.txt'),
    lang: 'ar',
    title: 'معارضون يسيطرون على مخازن للصواريخ بريف دمشق',
    present: ['وقال المرصد السوري لحقوق الإنسان، وهو هيئة معارضة مقرها لندن', 'ضبط النفس'],
    absent: ['CNN Chile', 'INTERNATIONAL', 'CNN en Espa'],
    floor: 0.85,
  },
];

for (const c of cases) {
  test(`corpus: ${c.name} keeps the article and drops the furniture`, () => {
    const article = extractArticle(c.html(), { url: c.url });
    assert.equal(article.lang, c.lang);
    assert.equal(article.title, c.title);
    for (const s of c.present) assert.ok(article.text.includes(s), `missing: ${s}`);
    for (const s of c.absent) assert.ok(!article.text.includes(s), `boilerplate kept: ${s}`);
    assert.ok(!/\n{3,}/.test(article.text), 'paragraphs are separated by exactly one blank line');
    const { f1 } = wordOverlap(article.text, c.reference());
    assert.ok(f1 >= c.floor, `F1 ${f1.toFixed(3)} below ${c.floor}`);
  });
}

test('corpus: trafilatura assabah.com.tn (ar) passes the upstream with/without snippets', () => {
  const data = JSON.parse(read('trafilatura-eval-fr-ar', 'evaldata-fr-ar.json')) as
    Record<string, { file: string; with: string[]; without: string[] }>;
  const [url, entry] = Object.entries(data).find(([, e]) => e.file === 'assabah.com.tn.article.html')!;
  const article = extractArticle(read('trafilatura-eval-fr-ar', 'html', entry.file), { url });
  const text = article.text.replace(/\s+/g, ' ');
  assert.equal(article.lang, 'ar');
  for (const s of entry.with) assert.ok(text.includes(s.replace(/\s+/g, ' ').trim()), `missing: ${s}`);
  for (const s of entry.without) assert.ok(!text.includes(s.replace(/\s+/g, ' ').trim()), `boilerplate kept: ${s}`);
});
