// Regression against rss-parser 3.13.0's own golden outputs: our wrapper must read the same titles,
// links, guids and dates, and read the Latin-1 feeds correctly where the golden files are broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../harness/paths.js';
import { decodeText } from '../../src/core/feed/decode-text.js';
import { parseFeed } from '../../src/core/feed/parse-feed.js';
import { plainText } from '../../src/core/feed/plain-text.js';
import { canonicalUrl } from '../../src/core/feed/canonical-url.js';
import { itemIdentity } from '../../src/core/feed/item-identity.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

const dir = path.join(corpusDir, 'feeds', 'rss-parser');
const BASE = 'http://golden.example/feed';

interface GoldenItem { title?: unknown; link?: string; guid?: unknown; id?: unknown; isoDate?: string }
interface Golden { feed: { title?: unknown; link?: string; items: GoldenItem[] } }

/** Upstream served encoding.rss with this header (corpus README). */
const CONTENT_TYPES: Record<string, string> = { 'encoding.rss': 'text/xml; charset=latin1' };

function str(value: unknown): string {
  if (typeof value === 'string') return value === 'EMPTY' ? '' : value;
  if (value && typeof value === 'object' && typeof (value as { _?: unknown })._ === 'string') return (value as { _: string })._;
  return '';
}

function readGolden(name: string): Golden {
  // output/encoding.json is itself stored in Latin-1 (corpus README, traps).
  const encoding = name === 'encoding' ? 'latin1' : 'utf8';
  return JSON.parse(fs.readFileSync(path.join(dir, 'output', `${name}.json`), encoding)) as Golden;
}

/** U+FFFD in a broken golden string matches any one character of ours. */
function fffdPattern(golden: string): RegExp {
  return new RegExp(`^${golden.split('\uFFFD').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.')}$`, 'u');
}

const inputs = fs.readdirSync(path.join(dir, 'input')).filter((f) => fs.existsSync(path.join(dir, 'output', `${path.parse(f).name}.json`)));

test('the golden set is present', () => {
  assert.ok(inputs.length >= 25, `found ${inputs.length} inputs with goldens`);
});

for (const file of inputs) {
  const name = path.parse(file).name;
  test(`rss-parser golden: ${file}`, async () => {
    const bytes = fs.readFileSync(path.join(dir, 'input', file));
    const { text } = decodeText(bytes, { kind: 'xml', contentType: CONTENT_TYPES[file] });
    const ours = await parseFeed(text, { baseUrl: BASE });
    const golden = readGolden(name).feed;
    const broken = name === 'uolNoticias';
    const gTitle = plainText(str(golden.title), 500);
    if (broken) assert.match(ours.title, fffdPattern(gTitle));
    else assert.equal(ours.title, gTitle);
    const seen = new Set<string>();
    const expected = golden.items.filter((g) => {
      const guid = plainText(str(g.guid) || str(g.id)) || undefined;
      const url = canonicalUrl(plainText(str(g.link)), ours.link ?? BASE);
      const key = itemIdentity({ guid, url, title: plainText(str(g.title), 500) });
      return seen.has(key) ? false : (seen.add(key), true);
    });
    assert.equal(ours.items.length, expected.length, 'item count');
    expected.forEach((g, i) => {
      const item = ours.items[i];
      const title = plainText(str(g.title), 500);
      if (broken) {
        assert.match(item.title, fffdPattern(title), `item ${i} title`);
        assert.ok(!item.title.includes('\uFFFD') && !item.summary.includes('\uFFFD'), `item ${i} decoded without U+FFFD`);
      } else {
        assert.equal(item.title, title, `item ${i} title`);
      }
      assert.equal(item.guid, plainText(str(g.guid) || str(g.id)) || undefined, `item ${i} guid`);
      assert.equal(item.url, canonicalUrl(plainText(str(g.link)), ours.link ?? BASE), `item ${i} url`);
      assert.equal(item.published, g.isoDate, `item ${i} date`);
    });
  });
}

test('encoding.rss (ISO-8859-1) reads the Portuguese accents the golden file has', async () => {
  const { text, encoding } = decodeText(fs.readFileSync(path.join(dir, 'input', 'encoding.rss')), { kind: 'xml', contentType: 'text/xml; charset=latin1' });
  assert.equal(encoding, 'windows-1252');
  const feed = await parseFeed(text, { baseUrl: BASE });
  assert.equal(feed.items[0].title, 'Mãe de utente é a nova presidente da Raríssimas');
});

test('uolNoticias (Latin-1, no declaration, no version) is read as RSS with correct accents', async () => {
  const { text, encoding } = decodeText(fs.readFileSync(path.join(dir, 'input', 'uolNoticias.rss')), { kind: 'xml' });
  assert.equal(encoding, 'windows-1252');
  const feed = await parseFeed(text, { baseUrl: BASE });
  const all = feed.items.map((i) => `${i.title} ${i.summary}`).join(' ');
  assert.ok(!all.includes('\uFFFD'));
  assert.match(all, /[áéíóúãõç]/);
});

test('unrecognized.rss (an HTML "Document Moved" page) is NOT_A_FEED', async () => {
  const text = fs.readFileSync(path.join(dir, 'input', 'unrecognized.rss'), 'utf8');
  await assert.rejects(parseFeed(text, { baseUrl: BASE }), (err: unknown) => isVigieError(err) && err.code === 'NOT_A_FEED' && err.module === 'feed');
});

test('itunes-missing-image.rss parses (no golden upstream)', async () => {
  const text = fs.readFileSync(path.join(dir, 'input', 'itunes-missing-image.rss'), 'utf8');
  const feed = await parseFeed(text, { baseUrl: BASE });
  assert.ok(feed.items.length > 0);
});
