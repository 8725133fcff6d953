// OPML import and export, pure part: files as Miniflux, FreshRSS and OPML 1.0 tools write them (made here
// from their documented formats), the import plan (duplicates, refusals, ids), the round trip through
// renderOpml, and bad or hostile files refused with the line they fail on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/paths.js';
import { decodeText } from '../../src/core/feed/decode-text.js';
import { parseOpml, OPML_LIMITS } from '../../src/core/sources/parse-opml.js';
import { planImport } from '../../src/core/sources/plan-import.js';
import { renderOpml } from '../../src/core/sources/render-opml.js';
import type { SourceConfig } from '../../src/core/model/source.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

function fixture(name: string): string {
  return decodeText(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'opml', name)), { kind: 'xml' }).text;
}

const byUrl = (sources: SourceConfig[]) => Object.fromEntries(sources.map((s) => [s.url, s]));

test('a Miniflux export: feeds at the top and in categories, each category kept as a tag', () => {
  const { outlines } = parseOpml(fixture('miniflux.opml'));
  assert.deepEqual(outlines.map((o) => [o.line, o.title, o.tags]), [
    [8, 'Flat feed at the top', []],
    [10, 'Syrian Observatory', ['All']],
    [11, 'Enab Baladi', ['All']],
    [14, 'L\'Orient-Le Jour', ['Presse française']],
    [15, 'عنب بلدي', ['Presse française']],
  ]);
  const plan = planImport([], outlines);
  assert.deepEqual(plan.invalid, []);
  assert.deepEqual(plan.duplicates, []);
  const added = byUrl(plan.add.map((a) => a.source));
  const enab = added['https://english.enabbaladi.example/feed/?lang=en&format=rss'];
  assert.ok(enab, 'the &amp; in xmlUrl is read as &');
  assert.deepEqual({ id: enab.id, name: enab.name, tags: enab.tags, siteUrl: enab.siteUrl, kind: enab.kind, intervalSeconds: enab.intervalSeconds },
    { id: 'english-enabbaladi-example-feed', name: 'Enab Baladi', tags: ['All'], siteUrl: 'https://english.enabbaladi.example/', kind: 'feed', intervalSeconds: 900 });
  assert.equal(added['https://flat.example/rss.xml']?.tags, undefined, 'a feed outside any category has no tags');
  assert.equal(added['https://www.enabbaladi.example/feed/']?.name, 'عنب بلدي');
});

test('a FreshRSS export: nested categories, an HTML+XPath source refused, a feed listed twice merged, a bad URL refused', () => {
  const { outlines } = parseOpml(fixture('freshrss.opml'));
  const plan = planImport([], outlines, { intervalSeconds: 600 });
  const added = byUrl(plan.add.map((a) => a.source));
  assert.deepEqual(Object.keys(added).sort(), ['https://atom.example/feed.atom', 'https://iraq.example/rss', 'https://nes.example/rss']);
  assert.deepEqual(added['https://nes.example/rss']?.tags, ['Middle East/Syria', 'Wire'], 'the second listing adds its category');
  assert.deepEqual(added['https://iraq.example/rss']?.tags, ['Middle East']);
  assert.deepEqual(added['https://atom.example/feed.atom']?.tags, ['Uncategorized']);
  assert.equal(added['https://iraq.example/rss']?.intervalSeconds, 600);
  assert.deepEqual(plan.duplicates, [{ line: 19, url: 'https://NES.example/rss#top', duplicateOf: 'nes-example-rss', earlierLine: 13 }]);
  assert.deepEqual(plan.invalid.map((i) => [i.line, i.code]), [[14, 'SOURCE_TYPE_UNSUPPORTED'], [20, 'BAD_URL']]);
});

test('an OPML 1.0 file in ISO-8859-1 with only `text` and a lower-case xmlurl', () => {
  const { outlines } = parseOpml(fixture('opml1.opml'));
  assert.deepEqual(outlines.map((o) => [o.title, o.xmlUrl]), [
    ['Café Levant', 'http://levant.example/index.xml'],
    ['Dépêches', 'http://depeches.example/rss'],
    ['Scripting News', 'http://scripting.example/rss.xml'],
  ]);
});

test('sources already there are skipped by canonical URL; a taken id gets a suffix', () => {
  const existing: SourceConfig[] = [
    { id: 'known', name: 'Known', url: 'https://known.example/feed?utm_source=x', kind: 'feed', intervalSeconds: 900, fetchArticles: true, enabled: true },
    { id: 'other-example-rss', name: 'Other', url: 'https://elsewhere.example/', kind: 'feed', intervalSeconds: 900, fetchArticles: true, enabled: true },
  ];
  const { outlines } = parseOpml(`<opml version="2.0"><body>
<outline text="Known again" xmlUrl="https://KNOWN.example/feed"/>
<outline text="Other" xmlUrl="http://other.example/rss"/>
</body></opml>`);
  const plan = planImport(existing, outlines);
  assert.deepEqual(plan.duplicates, [{ line: 2, url: 'https://KNOWN.example/feed', duplicateOf: 'known' }]);
  assert.deepEqual(plan.add.map((a) => [a.line, a.source.id]), [[3, 'other-example-rss-2']]);
});

const tagged = (tags?: string[]): SourceConfig => ({ id: 'known', name: 'Known', url: 'https://known.example/feed', kind: 'feed', intervalSeconds: 900, fetchArticles: true, enabled: true, ...(tags ? { tags } : {}) });
const retagCases: Array<{ name: string; tags?: string[]; file: string; retag?: string[] }> = [
  { name: 'a new category replaces the tags', tags: ['All'], file: '<outline text="Wire"><outline text="K" xmlUrl="https://known.example/feed"/></outline>', retag: ['Wire'] },
  { name: 'a source without tags takes the file\'s category', file: '<outline text="Wire"><outline text="K" xmlUrl="https://known.example/feed"/></outline>', retag: ['Wire'] },
  { name: 'each listing of the feed adds its category', tags: ['Wire'], file: '<outline text="Wire"><outline text="K" xmlUrl="https://known.example/feed"/></outline><outline text="Syria"><outline text="K" xmlUrl="https://known.example/feed#x"/></outline>', retag: ['Syria', 'Wire'] },
  { name: 'the same categories in another order and spacing change nothing', tags: ['b/c', 'a'], file: '<outline text="a"><outline text="K" xmlUrl="https://known.example/feed"/></outline><outline text="b / c"><outline text="K" xmlUrl="https://known.example/feed"/></outline>' },
  { name: 'a feed outside any category keeps its tags', tags: ['All'], file: '<outline text="K" xmlUrl="https://known.example/feed"/>' },
];
for (const c of retagCases) {
  test(`re-import of a source already there: ${c.name}`, () => {
    const plan = planImport([tagged(c.tags)], parseOpml(`<opml version="2.0"><body>${c.file}</body></opml>`).outlines);
    assert.deepEqual(plan.add, []);
    assert.deepEqual(plan.retag.map((r) => [r.source.id, r.tags]), c.retag ? [['known', c.retag]] : []);
    assert.equal(plan.retag.length + plan.duplicates.length, (c.file.match(/xmlUrl/g) ?? []).length, 'every listing is reported once');
  });
}

test('names and categories lose control and bidi-override characters; an empty title falls back to the id', () => {
  const { outlines } = parseOpml(`<opml version="2.0"><body><outline text="Evil&#x202E;Cat&#9;egory">
<outline title=" Feed&#x2066; &#10;name " xmlUrl="https://x.example/a"/><outline text="" xmlUrl="https://x.example/b"/></outline></body></opml>`);
  assert.deepEqual(outlines.map((o) => [o.title, o.tags]), [['Feed name', ['EvilCat egory']], [undefined, ['EvilCat egory']]]);
  const plan = planImport([], outlines);
  assert.deepEqual(plan.add.map((a) => a.source.name), ['Feed name', 'x-example-b']);
});

// Imported feeds follow their publish rate between the default bounds (adaptive polling).
const roundTripSources: SourceConfig[] = [
  { id: 'a-example-feed', name: 'A & <B> "quoted" \'s', url: 'https://a.example/feed?x=1&y=2', kind: 'feed', intervalSeconds: 900, minIntervalSeconds: 300, maxIntervalSeconds: 21600, fetchArticles: true, fetchOnlyWhenMatched: false, enabled: true, tags: ['News'], siteUrl: 'https://a.example/' },
  { id: 'b-example-rss', name: 'بي بي سي عربي', url: 'https://b.example/rss', kind: 'feed', intervalSeconds: 900, minIntervalSeconds: 300, maxIntervalSeconds: 21600, fetchArticles: true, fetchOnlyWhenMatched: false, enabled: true, tags: ['Middle East/Syria', 'Wire'] },
  { id: 'c-example', name: 'No tags', url: 'http://c.example/', kind: 'feed', intervalSeconds: 900, minIntervalSeconds: 300, maxIntervalSeconds: 21600, fetchArticles: true, fetchOnlyWhenMatched: false, enabled: true },
  { id: 'd-example-atom', name: 'Deep', url: 'https://d.example/atom', kind: 'feed', intervalSeconds: 900, minIntervalSeconds: 300, maxIntervalSeconds: 21600, fetchArticles: true, fetchOnlyWhenMatched: false, enabled: true, tags: ['Middle East'] },
];
const htmlSource: SourceConfig = { id: 'listing', name: 'Listing', url: 'https://e.example/news', kind: 'html', intervalSeconds: 900, fetchArticles: true, enabled: true, listing: { item: 'article' } };

test('round trip: importing an export gives the same sources; HTML listing sources are left out and named', () => {
  const { xml, left } = renderOpml([...roundTripSources, htmlSource], { now: new Date('2026-12-03T08:00:00Z') });
  assert.deepEqual(left, ['listing']);
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
  assert.match(xml, /<dateCreated>Thu, 03 Dec 2026 08:00:00 GMT<\/dateCreated>/);
  assert.match(xml, /text="A &amp; &lt;B&gt; &quot;quoted&quot; &apos;s"/);
  const plan = planImport([], parseOpml(xml).outlines);
  assert.deepEqual(plan.invalid, []);
  // As stored (JSON in Redis): fields left undefined are not there.
  const stored = JSON.parse(JSON.stringify(plan.add.map((a) => a.source).sort((x, y) => x.id.localeCompare(y.id))));
  assert.deepEqual(stored, roundTripSources);
  assert.deepEqual(plan.duplicates.map((d) => d.duplicateOf), ['b-example-rss'], 'a source with two tags is listed under each');
  const again = planImport(roundTripSources, parseOpml(xml).outlines);
  assert.deepEqual(again.add, [], 'nothing new when the same set is already there');
  assert.equal(renderOpml(roundTripSources, { now: new Date('2026-12-03T08:00:00Z') }).xml, renderOpml([...roundTripSources].reverse(), { now: new Date('2026-12-03T08:00:00Z') }).xml,
    'the order sources are listed in does not change the file');
});

const lols = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
const deep = `${'<outline text="c">'.repeat(40)}${'</outline>'.repeat(40)}`;
const hostile: Array<{ name: string; doc: string; code: string; line?: number }> = [
  { name: 'billion laughs', doc: `<?xml version="1.0"?>\n<!DOCTYPE opml [\n<!ENTITY lol0 "lol">\n${lols}\n]>\n<opml version="2.0"><body><outline text="&lol9;" xmlUrl="https://x.example/"/></body></opml>`, code: 'OPML_PARSE_ERROR' },
  { name: 'external entity', doc: '<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<opml><body><outline text="&xxe;" xmlUrl="https://x.example/"/></body></opml>', code: 'OPML_PARSE_ERROR', line: 2 },
  { name: 'a bare DOCTYPE', doc: '<!DOCTYPE opml>\n<opml><body/></opml>', code: 'OPML_PARSE_ERROR', line: 1 },
  { name: 'an undeclared entity', doc: '<opml version="2.0">\n<body>\n<outline text="&nbsp;" xmlUrl="https://x.example/"/>\n</body>\n</opml>', code: 'OPML_PARSE_ERROR', line: 3 },
  { name: 'a truncated file', doc: '<?xml version="1.0"?>\n<opml version="2.0">\n<body>\n<outline text="a" xmlUrl="https://x.example/a"/>\n<outline text="b" xmlU', code: 'OPML_PARSE_ERROR', line: 5 },
  { name: 'a truncated file after blank lines (they count)', doc: '\n\n<opml version="2.0">\n<body>\n<outline te', code: 'OPML_PARSE_ERROR', line: 5 },
  { name: 'a mismatched close tag', doc: '<opml version="2.0">\n<body>\n<outline text="a">\n</body>\n</opml>', code: 'OPML_PARSE_ERROR', line: 4 },
  { name: 'an unquoted attribute', doc: '<opml version="2.0">\n<body>\n\n<outline text=a xmlUrl="https://x.example/"/>\n</body></opml>', code: 'OPML_PARSE_ERROR', line: 4 },
  { name: 'an RSS feed', doc: '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>t</title></channel></rss>', code: 'NOT_OPML' },
  { name: 'an HTML page', doc: '<html><head><title>Sign in</title></head><body></body></html>', code: 'NOT_OPML' },
  { name: 'OPML without a body', doc: '<opml version="2.0"><head><title>t</title></head></opml>', code: 'NOT_OPML' },
  { name: 'elements nested 40 deep', doc: `<opml version="2.0"><body>${deep}</body></opml>`, code: 'OPML_TOO_LARGE' },
  { name: 'more outlines than the limit', doc: `<opml version="2.0"><body>\n${'<outline text="f" xmlUrl="https://x.example/"/>\n'.repeat(OPML_LIMITS.maxOutlines + 1)}</body></opml>`, code: 'OPML_TOO_LARGE', line: OPML_LIMITS.maxOutlines + 2 },
  { name: 'a file over 10 MiB', doc: `<opml version="2.0"><body>${' '.repeat(OPML_LIMITS.maxBytes)}</body></opml>`, code: 'OPML_TOO_LARGE' },
];
for (const c of hostile) {
  test(`refused: ${c.name} (${c.code}${c.line !== undefined ? `, line ${c.line}` : ''})`, () => {
    assert.throws(() => parseOpml(c.doc), (err: unknown) => {
      assert.ok(isVigieError(err), String(err));
      assert.equal(err.code, c.code, err.message);
      if (c.line !== undefined) {
        assert.equal(err.details.line, c.line, err.message);
        assert.match(err.message, new RegExp(`line ${c.line}:`));
      }
      return true;
    });
  });
}

test('the billion-laughs file is refused at its DOCTYPE, with nothing expanded', () => {
  const doc = hostile[0]!.doc;
  assert.throws(() => parseOpml(doc), (err: unknown) => isVigieError(err) && /DOCTYPE/.test(err.message) && err.details.line === 2);
});

test('exactly the outline limit is read in full', () => {
  const doc = `<opml version="2.0"><body>${'<outline text="c">'.repeat(3)}<outline text="f" xmlUrl="https://x.example/"/>${'</outline>'.repeat(3)}</body></opml>`;
  assert.equal(parseOpml(doc, { ...OPML_LIMITS, maxOutlines: 4 }).outlines.length, 1);
  assert.throws(() => parseOpml(doc, { ...OPML_LIMITS, maxOutlines: 3 }), (err: unknown) => isVigieError(err) && err.code === 'OPML_TOO_LARGE');
});

test('an outline\'s line counts blank lines before the XML declaration and a tag spread over lines', () => {
  const { outlines } = parseOpml('\n\n<?xml version="1.0"?>\n<opml version="2.0"><body>\n<outline\n  text="a"\n  xmlUrl="https://a.example/"/>\n</body></opml>');
  assert.equal(outlines[0]?.line, 5);
});
