// POST /v1/sources/import and GET /v1/sources/export against a private Redis: an OPML file adds its feeds
// (scheduled, categories as tags), a second import skips them all, an export re-imports to the same set,
// private addresses are refused as `POST /v1/sources` refuses them, and bad or hostile files are refused.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/paths.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';

let h: ApiHarness;
before(async () => { h = await startApiHarness(); });
after(async () => { await h.close(); });
beforeEach(async () => {
  for (const s of await h.services.sources.list()) await h.services.sources.remove(s.id);
});

const fixture = (name: string): Buffer => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'opml', name));
const importOpml = (body: string | Buffer, contentType = 'text/x-opml', key = h.admin.key) =>
  h.call(key, { method: 'POST', url: '/v1/sources/import', headers: { 'content-type': contentType }, payload: body });
const storedSources = async () => (await h.services.sources.list()).map(({ id, name, url, tags, siteUrl, kind, intervalSeconds }) => ({ id, name, url, tags, siteUrl, kind, intervalSeconds }));

test('importing a Miniflux file adds and schedules its feeds with their categories; importing it again skips them all', async () => {
  const res = await importOpml(fixture('miniflux.opml'));
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().counts, { added: 5, updated: 0, skipped: 0, refused: 0 });
  const stored = await h.services.sources.get('syriahr-example-en-feed');
  assert.deepEqual(stored?.tags, ['All']);
  assert.equal(stored?.siteUrl, 'https://www.syriahr.example/en/');
  const schedulers = await h.services.queues.poll.getJobSchedulers(0, -1);
  assert.ok(schedulers.some((s) => (s.key ?? s.id) === 'source-syriahr-example-en-feed'), 'the new source is polled');
  const again = await importOpml(fixture('miniflux.opml'));
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual(again.json().counts, { added: 0, updated: 0, skipped: 5, refused: 0 });
  assert.deepEqual(again.json().skipped[0], { line: 8, url: 'https://flat.example/rss.xml', duplicateOf: 'flat-example-rss-xml' });
});

test('a re-import with changed categories updates the tags of the sources already there, keeping their state and schedule', async () => {
  assert.equal((await importOpml(fixture('miniflux.opml'))).statusCode, 200);
  const at = new Date('2026-12-01T10:00:00Z');
  await h.services.sources.recordSuccess('syriahr-example-en-feed', at, undefined, 7);
  const stateBefore = await h.services.sources.getState('syriahr-example-en-feed');
  const sourcesBefore = await storedSources();
  // The Observatory moves from "All" to two categories; the flat feed stays outside any: its tags are left alone.
  const changed = fixture('miniflux.opml').toString('utf8')
    .replace('<outline text="All">', '<outline text="Wire">')
    .replace('</body>', '<outline text="Syria"><outline text="SOHR" xmlUrl="https://www.syriahr.example/en/feed/"/></outline></body>');
  const res = await importOpml(changed);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().counts, { added: 0, updated: 2, skipped: 4, refused: 0 });
  assert.deepEqual(res.json().updated.map((u: { id: string; tags: string[]; previousTags: string[] }) => [u.id, u.tags, u.previousTags]), [
    ['syriahr-example-en-feed', ['Syria', 'Wire'], ['All']],
    ['english-enabbaladi-example-feed', ['Wire'], ['All']],
  ]);
  const after = await storedSources();
  assert.equal(after.length, sourcesBefore.length, 'no source is added twice');
  assert.deepEqual(after.map(({ tags: _t, ...rest }) => rest), sourcesBefore.map(({ tags: _t, ...rest }) => rest), 'only the tags change');
  assert.deepEqual((await h.services.sources.get('syriahr-example-en-feed'))?.tags, ['Syria', 'Wire']);
  assert.deepEqual((await h.services.sources.get('lorientlejour-example-rss-all-xml'))?.tags, ['Presse française']);
  assert.equal((await h.services.sources.get('flat-example-rss-xml'))?.tags, undefined);
  assert.deepEqual(await h.services.sources.getState('syriahr-example-en-feed'), stateBefore, 'poll state untouched');
  const again = await importOpml(changed);
  assert.deepEqual(again.json().counts, { added: 0, updated: 0, skipped: 6, refused: 0 }, 'the same file again changes nothing');
});

test('an export re-imports to the same set of sources', async () => {
  assert.equal((await importOpml(fixture('freshrss.opml'))).statusCode, 200);
  assert.equal((await importOpml(fixture('miniflux.opml'))).statusCode, 200);
  const before = await storedSources();
  const exported = await h.call(h.admin.key, { method: 'GET', url: '/v1/sources/export' });
  assert.equal(exported.statusCode, 200);
  assert.match(String(exported.headers['content-type']), /^text\/x-opml/);
  assert.match(exported.body, /<outline text="Middle East" title="Middle East">\n(\s+<outline type="rss" [^\n]*\n)*\s+<outline text="Syria" title="Syria">/);
  for (const s of before) await h.services.sources.remove(s.id);
  const res = await importOpml(exported.body);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().counts.added, before.length);
  assert.deepEqual(await storedSources(), before);
});

test('a private address in the file is refused as POST /v1/sources refuses it; the other feeds are added', async () => {
  const file = `<?xml version="1.0"?>
<opml version="2.0"><body>
  <outline text="Internal" xmlUrl="http://10.1.2.3/rss"/>
  <outline text="Metadata" xmlUrl="http://169.254.169.254/latest/"/>
  <outline text="Public" xmlUrl="https://public.example/rss"/>
</body></opml>`;
  const res = await importOpml(file, 'application/xml');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().refused.map((r: { line: number; code: string }) => [r.line, r.code]), [[3, 'URL_NOT_PUBLIC'], [4, 'URL_NOT_PUBLIC']]);
  assert.deepEqual(res.json().added.map((a: { url: string }) => a.url), ['https://public.example/rss']);
  const direct = await h.call(h.admin.key, { method: 'POST', url: '/v1/sources', payload: { url: 'http://10.1.2.3/rss' } });
  assert.equal(direct.json().error.code, 'url_not_public', 'the same rule as adding one source');
  assert.deepEqual((await h.services.sources.list()).map((s) => s.url), ['https://public.example/rss']);
});

test('an ISO-8859-1 file sent as text/xml is decoded by its declaration', async () => {
  const res = await importOpml(fixture('opml1.opml'), 'text/xml');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().added.map((a: { name: string }) => a.name), ['Café Levant', 'Dépêches', 'Scripting News']);
});

const refusedFiles: Array<{ name: string; body: string; status: number; code: string; line?: number }> = [
  { name: 'a truncated file', body: '<opml version="2.0">\n<body>\n<outline text="a" xmlUrl="https://a.example/"/>\n<outline text="b" xml', status: 422, code: 'opml_parse_error', line: 4 },
  { name: 'billion laughs', body: '<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<opml><body><outline text="&b;" xmlUrl="https://x.example/"/></body></opml>', status: 422, code: 'opml_parse_error', line: 2 },
  { name: 'an RSS feed', body: '<rss version="2.0"><channel/></rss>', status: 422, code: 'not_opml' },
];
for (const c of refusedFiles) {
  test(`import refuses ${c.name} (${c.status} ${c.code}) and adds nothing`, async () => {
    const res = await importOpml(c.body);
    assert.equal(res.statusCode, c.status, res.body);
    assert.equal(res.json().error.code, c.code);
    if (c.line !== undefined) assert.equal(res.json().error.details.line, c.line);
    assert.deepEqual(await h.services.sources.list(), []);
  });
}

test('a body over 10 MiB is refused with 413', async () => {
  const res = await importOpml(`<opml version="2.0"><body>${' '.repeat(10 * 1024 * 1024)}</body></opml>`);
  assert.equal(res.statusCode, 413, res.body);
  assert.equal(res.json().error.code, 'payload_too_large');
});

test('import takes OPML only; the XML body type is not taken by other routes', async () => {
  const json = await h.call(h.admin.key, { method: 'POST', url: '/v1/sources/import', payload: { url: 'https://x.example/' } });
  assert.equal(json.statusCode, 415, json.body);
  assert.equal(json.json().error.code, 'unsupported_media_type');
  const xmlToSources = await h.call(h.admin.key, { method: 'POST', url: '/v1/sources', headers: { 'content-type': 'text/xml' }, payload: '<opml/>' });
  assert.equal(xmlToSources.statusCode, 415, xmlToSources.body);
});

test('import and export need an admin key', async () => {
  assert.equal((await importOpml(fixture('miniflux.opml'), 'text/x-opml', h.alice.key)).statusCode, 403);
  assert.equal((await h.call(undefined, { method: 'GET', url: '/v1/sources/export' })).statusCode, 401);
  assert.equal((await h.call(h.bob.key, { method: 'GET', url: '/v1/sources/export' })).statusCode, 403);
  assert.deepEqual(await h.services.sources.list(), []);
});
