// `vigie sources import <file|->` and `vigie sources export` against a private Redis: a line per entry and
// a summary, duplicates skipped on a second import, an export that re-imports to the same sources,
// private addresses refused per entry as `sources add` refuses them, and a bad file refused (exit 1, its line).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { entityDir } from '../harness/config-dir.js';
import { repoRoot } from '../harness/paths.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { parseOpml } from '../../src/core/sources/parse-opml.js';

let redis: TestRedis;
let configDir: string;

before(async () => {
  redis = await startTestRedis();
  configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-opml-cli-'));
  fs.symlinkSync(entityDir({ 'entities.yaml': 'entities:\n  - {id: sy, kind: region, type: country, names: {en: Syria, fr: Syrie, ar: سوريا}}\n' }), path.join(configDir, 'entities'));
});
after(async () => { await redis.close(); });

const vigie = (args: string[], input?: string, prefix = 'opmlcli') =>
  runCliCaptured(args, { REDIS_URL: redis.url, VIGIE_PREFIX: prefix, VIGIE_CONFIG_DIR: configDir }, input);
const fixturePath = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'opml', name);

test('import prints a line per entry and a summary; a second import skips every feed', async () => {
  const first = await vigie(['sources', 'import', fixturePath('miniflux.opml')]);
  assert.equal(first.code, 0, first.stderr);
  const lines = first.stdout.trim().split('\n');
  assert.equal(lines[0], 'line 8     added    flat-example-rss-xml  https://flat.example/rss.xml');
  assert.equal(lines[1], 'line 10    added    syriahr-example-en-feed  https://www.syriahr.example/en/feed/  [All]');
  assert.equal(lines.at(-1), '5 added, 0 updated, 0 skipped as duplicates, 0 refused');
  const second = await vigie(['sources', 'import', '-'], fs.readFileSync(fixturePath('miniflux.opml'), 'utf8'));
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /^line 8 +skipped +https:\/\/flat\.example\/rss\.xml +\(already source flat-example-rss-xml\)$/m);
  assert.equal(second.stdout.trim().split('\n').at(-1), '0 added, 0 updated, 5 skipped as duplicates, 0 refused');
});

test('a re-import with another category prints the source as updated, with its old tags', async () => {
  const file = (cat: string) => `<opml version="2.0"><body>\n<outline text="${cat}">\n<outline text="K" xmlUrl="https://k.example/rss"/>\n</outline>\n</body></opml>`;
  assert.equal((await vigie(['sources', 'import', '-'], file('All'), 'opmlcli-retag')).code, 0);
  const res = await vigie(['sources', 'import', '-'], file('Wire'), 'opmlcli-retag');
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /^line 3 +updated +k-example-rss +https:\/\/k\.example\/rss +\[Wire\] \(was \[All\]\)$/m);
  assert.equal(res.stdout.trim().split('\n').at(-1), '0 added, 1 updated, 0 skipped as duplicates, 0 refused');
});

test('export prints OPML that re-imports to the same sources elsewhere', async () => {
  assert.equal((await vigie(['sources', 'import', fixturePath('freshrss.opml')], undefined, 'opmlcli-rt')).code, 0);
  const exported = await vigie(['sources', 'export'], undefined, 'opmlcli-rt');
  assert.equal(exported.code, 0, exported.stderr);
  assert.equal(parseOpml(exported.stdout).outlines.length, 4, 'three feeds, one of them in two categories');
  const imported = await vigie(['sources', 'import', '-', '--json'], exported.stdout, 'opmlcli-copy');
  assert.equal(imported.code, 0, imported.stderr);
  const list = async (prefix: string) => (JSON.parse((await vigie(['sources', 'list', '--json'], undefined, prefix)).stdout) as Array<Record<string, unknown>>)
    .map(({ id, name, url, tags, siteUrl }) => ({ id, name, url, tags, siteUrl }));
  const original = await list('opmlcli-rt');
  assert.equal(original.length, 3);
  assert.deepEqual(await list('opmlcli-copy'), original);
});

test('a private address is refused per entry with the code `sources add` gives it', async () => {
  const file = '<opml version="2.0"><body>\n<outline text="LAN" xmlUrl="http://192.168.1.10/rss"/>\n<outline text="ok" xmlUrl="https://ok.example/rss"/>\n</body></opml>';
  const res = await vigie(['sources', 'import', '-'], file, 'opmlcli-lan');
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /^line 2 +refused +http:\/\/192\.168\.1\.10\/rss +URL_NOT_PUBLIC: /m);
  assert.match(res.stdout, /1 added, 0 updated, 0 skipped as duplicates, 1 refused/);
  const direct = await vigie(['sources', 'add', 'http://192.168.1.10/rss'], undefined, 'opmlcli-lan');
  assert.equal(direct.code, 1);
  assert.match(direct.stderr, /URL_NOT_PUBLIC/);
});

test('a truncated file is refused with its line, exit 1, and nothing is added', async () => {
  const res = await vigie(['sources', 'import', '-'], '<opml version="2.0">\n<body>\n<outline text="a" xmlUrl="https://a.example/"/>\n<outline te', 'opmlcli-bad');
  assert.equal(res.code, 1);
  assert.match(res.stderr, /^error OPML_PARSE_ERROR: opml: line 4: /);
  assert.equal((await vigie(['sources', 'list'], undefined, 'opmlcli-bad')).stdout.trim(), 'no sources');
});

test('a missing file or a bad --interval is refused before anything is read or added', async () => {
  const missing = await vigie(['sources', 'import', path.join(os.tmpdir(), 'no-such-feeds.opml')], undefined, 'opmlcli-bad');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /ENOENT/);
  const interval = await vigie(['sources', 'import', fixturePath('miniflux.opml'), '--interval', 'often'], undefined, 'opmlcli-bad');
  assert.equal(interval.code, 1);
  assert.match(interval.stderr, /^error CONFIG_INVALID: sources: --interval/);
  assert.equal((await vigie(['sources', 'list'], undefined, 'opmlcli-bad')).stdout.trim(), 'no sources');
});

test('import --help says what it reads and how it exits', async () => {
  const res = await vigie(['sources', 'import', '--help']);
  assert.equal(res.code, 0);
  assert.match(res.stdout, /OPML/);
  assert.match(res.stdout, /--interval <seconds>/);
});
