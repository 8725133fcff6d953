// Charset decisions for feeds and pages (RELIABILITY H8): BOM, header, prolog/meta, UTF-8 evidence, fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { corpusDir } from '../harness/paths.js';
import { decodeText } from '../../src/core/feed/decode-text.js';
import { parseFeed } from '../../src/core/feed/parse-feed.js';

const BASE = 'http://enc.example/feed';
const arabicFeed = (prolog: string): string => `${prolog}<rss version="2.0"><channel><title>أخبار</title>`
  + '<item><title>مرحبا من البوكمال</title><link>http://enc.example/1</link><description>قصف قرب دير الزور</description></item></channel></rss>';

test('windows-1256 Arabic labelled only in the XML prolog', async () => {
  const bytes = iconv.encode(arabicFeed('<?xml version="1.0" encoding="windows-1256"?>'), 'windows-1256');
  const { text, encoding } = decodeText(bytes, { kind: 'xml' });
  assert.equal(encoding, 'windows-1256');
  const feed = await parseFeed(text, { baseUrl: BASE });
  assert.equal(feed.title, 'أخبار');
  assert.match(feed.items[0].title, /مرحبا/);
  assert.equal(feed.items[0].summary, 'قصف قرب دير الزور');
});

test('windows-1256 Arabic labelled only in the Content-Type header', async () => {
  const bytes = iconv.encode(arabicFeed('<?xml version="1.0"?>'), 'windows-1256');
  const { text, encoding } = decodeText(bytes, { kind: 'xml', contentType: 'application/rss+xml; charset="Windows-1256"' });
  assert.equal(encoding, 'windows-1256');
  assert.match((await parseFeed(text, { baseUrl: BASE })).items[0].title, /مرحبا/);
});

test('an ISO-8859-1 label on a valid UTF-8 body is ignored', () => {
  const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><feed><title>Café € مرحبا</title></feed>', 'utf8');
  const { text, encoding } = decodeText(bytes, { kind: 'xml', contentType: 'text/xml; charset=iso-8859-1' });
  assert.equal(encoding, 'utf-8');
  assert.match(text, /Café € مرحبا/);
});

test('miniflux no_encoding_ISO-8859-1.xml (French, no label) gives correct accents', async () => {
  const bytes = fs.readFileSync(path.join(corpusDir, 'feeds/miniflux/parser/testdata/no_encoding_ISO-8859-1.xml'));
  const { text, encoding } = decodeText(bytes, { kind: 'xml' });
  assert.equal(encoding, 'windows-1252');
  const feed = await parseFeed(text, { baseUrl: BASE });
  const titles = feed.items.map((i) => i.title);
  assert.ok(titles.includes("La criminalité liée surtout à... l'ennui ?"), titles.join(' | '));
  assert.ok(!titles.join('').includes('\uFFFD'));
});

for (const [name, bom, enc] of [['UTF-16LE', [0xff, 0xfe], 'utf-16le'], ['UTF-16BE', [0xfe, 0xff], 'utf-16be']] as const) {
  test(`${name} with BOM`, async () => {
    const body = iconv.encode(arabicFeed('<?xml version="1.0" encoding="utf-16"?>'), enc);
    const { text, encoding } = decodeText(Buffer.concat([Buffer.from(bom), body]), { kind: 'xml' });
    assert.equal(encoding, enc);
    assert.match((await parseFeed(text, { baseUrl: BASE })).items[0].title, /مرحبا/);
  });
}

test('UTF-8 BOM and whitespace before the prolog', async () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\n \r\n${arabicFeed('<?xml version="1.0" encoding="utf-8"?>')}`)]);
  const { text, encoding } = decodeText(bytes, { kind: 'xml' });
  assert.equal(encoding, 'utf-8');
  assert.ok(!text.startsWith('\uFEFF'));
  assert.match((await parseFeed(text, { baseUrl: BASE })).items[0].title, /مرحبا/);
});

test('KOI8-R: built here, and miniflux koi8r.xml', async () => {
  const bytes = iconv.encode('<?xml version="1.0" encoding="KOI8-R"?><rss version="2.0"><channel><title>Привет мир</title></channel></rss>', 'koi8-r');
  const { text, encoding } = decodeText(bytes, { kind: 'xml' });
  assert.equal(encoding, 'koi8-r');
  assert.equal((await parseFeed(text, { baseUrl: BASE })).title, 'Привет мир');
  const mini = decodeText(fs.readFileSync(path.join(corpusDir, 'feeds/miniflux/encoding/testdata/koi8r.xml')), { kind: 'xml' });
  assert.match((await parseFeed(mini.text, { baseUrl: BASE })).title, /^[А-Яа-яЁё ]+RSS [А-Яа-яЁё]+$/);
});

test('windows-1251 (miniflux iBash) decodes Cyrillic without U+FFFD', () => {
  const { text, encoding } = decodeText(fs.readFileSync(path.join(corpusDir, 'feeds/miniflux/parser/testdata/encoding_WINDOWS-1251.xml')), { kind: 'xml' });
  assert.equal(encoding, 'windows-1251');
  assert.match(text, /[а-я]{4}/);
  assert.ok(!text.includes('\uFFFD'));
});

test('unknown label x-foo falls back without crashing', () => {
  const latin = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="x-foo"?><r>caf'), Buffer.from([0xe9]), Buffer.from('</r>')]);
  assert.deepEqual(decodeText(latin, { kind: 'xml', contentType: 'text/xml; charset=x-foo' }), { text: '<?xml version="1.0" encoding="x-foo"?><r>café</r>', encoding: 'windows-1252' });
  const utf8 = Buffer.from('<?xml version="1.0" encoding="x-foo"?><r>café</r>');
  assert.equal(decodeText(utf8, { kind: 'xml' }).encoding, 'utf-8');
});

test('invalid UTF-8 bytes in a UTF-8 feed become U+FFFD and the feed still parses', async () => {
  const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>ok</title><item><title>مرحبا '),
    Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(' é</title></item></channel></rss>')]);
  const { text, encoding } = decodeText(bytes, { kind: 'xml' });
  assert.equal(encoding, 'utf-8');
  const feed = await parseFeed(text, { baseUrl: BASE });
  assert.match(feed.items[0].title, /^مرحبا \uFFFD+\( é$/);
});

test('HTML: <meta charset> placed after byte 1024 is found (miniflux fixture)', () => {
  const bytes = fs.readFileSync(path.join(corpusDir, 'feeds/miniflux/encoding/testdata/iso-8859-1-meta-after-1024.html'));
  const { encoding } = decodeText(bytes, { kind: 'html' });
  assert.equal(encoding, 'windows-1252');
  const meta = Buffer.concat([Buffer.from(`<html><head>${' '.repeat(3000)}<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>`), iconv.encode('مرحبا', 'windows-1256')]);
  const decoded = decodeText(meta, { kind: 'html' });
  assert.equal(decoded.encoding, 'windows-1256');
  assert.match(decoded.text, /مرحبا<?/);
});

test('miniflux: wrong prologs on UTF-8 bytes are ignored', () => {
  for (const file of ['windows-1252-incorrect-prolog.xml', 'utf8-incorrect-prolog.xml', 'invalid-prolog.xml']) {
    const { text, encoding } = decodeText(fs.readFileSync(path.join(corpusDir, 'feeds/miniflux/encoding/testdata', file)), { kind: 'xml' });
    assert.equal(encoding, 'utf-8', file);
    assert.ok(/€|Café/.test(text), file);
  }
});

// feedparser tests/encoding: the Header: line is the simulated HTTP header; Expect translated by hand.
const FEEDPARSER: [string, (t: string, e: string) => void][] = [
  ['euc-kr.xml', (t) => assert.match(t, /<title>\uB144<\/title>/)],
  ['big5.xml', (_t, e) => assert.ok(e === 'big5' || e === 'utf-8')],
  ['demoronize-1.xml', (t) => assert.match(t, /don\u2019t/)],
  ['utf-16le-autodetect.xml', (_t, e) => assert.equal(e, 'utf-16le')],
  ['utf-16be-autodetect.xml', (_t, e) => assert.equal(e, 'utf-16be')],
  ['utf-32le-autodetect.xml', (_t, e) => assert.equal(e, 'utf-32le')],
  ['utf-32be-bom.xml', (_t, e) => assert.equal(e, 'utf-32be')],
  ['utf-8-bom.xml', (t, e) => { assert.equal(e, 'utf-8'); assert.ok(!t.startsWith('\uFEFF')); }],
  ['http_text_xml_charset_overrides_encoding.xml', (t) => assert.match(t, /<rss version="2.0">/)],
];

for (const [file, check] of FEEDPARSER) {
  test(`feedparser encoding/${file}`, async () => {
    const bytes = fs.readFileSync(path.join(corpusDir, 'feeds/feedparser/encoding', file));
    const header = /Header:\s*Content-type:\s*([^\r\n]+)/i.exec(bytes.toString('latin1'))?.[1];
    const { text, encoding } = decodeText(bytes, { kind: 'xml', contentType: header });
    check(text, encoding);
    await parseFeed(text, { baseUrl: BASE });
  });
}
