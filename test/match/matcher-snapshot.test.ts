// A matcher restored from its snapshot matches like the compiled one (every fixture text, every field of
// the result), and the snapshot cache rebuilds a snapshot that is corrupt, truncated or stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matchDocument, type MatchDoc } from '../../src/core/match/match-document.js';
import { bytesReader, readMatcherSnapshot, SnapshotUnreadable, writeMatcherSnapshot } from '../../src/core/match/matcher-snapshot.js';
import { scanTextJs } from '../../src/core/match/scan-text-js.js';
import { loadEntitiesCached, loadMatcher, snapshotKey } from '../../src/config/matcher-cache.js';
import { loadEntities } from '../../src/config/load-entities.js';
import { cacheDir } from '../../src/config/cache-dir.js';
import { repoRoot } from '../harness/paths.js';
import { entities as fixtureEntities, fixtureDir, matcher } from './fixture.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';

const docs: MatchDoc[] = ['fr', 'en', 'ar'].flatMap((lang) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'match-eval', `${lang}.jsonl`), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as MatchDoc));

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-snapshot-'));
process.on('exit', () => fs.rmSync(tempRoot, { recursive: true, force: true }));
const tempDir = (): string => fs.mkdtempSync(path.join(tempRoot, 'case-'));

test('a restored matcher gives the same result as the compiled one on every fixture text', () => {
  const restored = readMatcherSnapshot(bytesReader(writeMatcherSnapshot(matcher)));
  assert.ok(docs.length >= 30, 'the fixture texts are read');
  let withMatches = 0;
  for (const doc of docs) {
    const expected = matchDocument(matcher, doc);
    if (expected.matches.length > 0) withMatches += 1;
    assert.deepEqual(matchDocument(restored, doc), expected, JSON.stringify(doc).slice(0, 80));
  }
  assert.ok(withMatches >= 20, 'most fixture texts have matches');
});

test('a restored matcher keeps its version, counts, entities and the JavaScript scanner tables', () => {
  const restored = readMatcherSnapshot(bytesReader(writeMatcherSnapshot(matcher)));
  assert.equal(restored.version, matcher.version);
  assert.equal(restored.entityCount, matcher.entityCount);
  assert.equal(restored.aliasCount, matcher.aliasCount);
  assert.deepEqual(restored.entities, matcher.entities);
  const facts = (m: typeof matcher): unknown[] => Array.from({ length: m.facts.length }, (_, e) => m.facts.at(e));
  assert.deepEqual(facts(restored), facts(matcher));
  assert.equal(restored.facts.at(matcher.facts.length), undefined);
  const text = docs[0]!.text!;
  const copy = (h: ReturnType<typeof scanTextJs>): unknown => ({ count: h.count, payload: Array.from(h.payload.subarray(0, h.count)), start: Array.from(h.start.subarray(0, h.count)) });
  assert.deepEqual(copy(scanTextJs(restored, text)), copy(scanTextJs(matcher, text)));
});

test('entities sharing an id keep their own names and paths through the snapshot', () => {
  const twins = fixtureEntities.slice(0, 6).map((e) => ({ ...e, names: { ...e.names, en: `Twin ${e.names.en}` } }));
  const compiled = compileMatcher([...fixtureEntities, ...twins]);
  const restored = readMatcherSnapshot(bytesReader(writeMatcherSnapshot(compiled)));
  const all = (m: typeof compiled): unknown[] => Array.from({ length: m.facts.length }, (_, e) => m.facts.at(e));
  assert.deepEqual(all(restored), all(compiled));
  for (const doc of docs.slice(0, 20)) assert.deepEqual(matchDocument(restored, doc), matchDocument(compiled, doc));
});

const CORRUPT: Array<[string, (bytes: Uint8Array) => Uint8Array]> = [
  ['empty', () => new Uint8Array(0)],
  ['another file', () => new TextEncoder().encode('{"not":"a snapshot"}')],
  ['truncated in the tables', (b) => b.subarray(0, b.byteLength - 100)],
  ['truncated in the header', (b) => b.subarray(0, 40)],
  ['header overwritten', (b) => { const c = b.slice(); c.fill(0x7b, 12, 60); return c; }],
];

for (const [name, spoil] of CORRUPT) {
  test(`a snapshot that is ${name} is refused as unreadable`, () => {
    assert.throws(() => readMatcherSnapshot(bytesReader(spoil(writeMatcherSnapshot(matcher)))), SnapshotUnreadable);
  });
}

test('the cache compiles once, then reads the snapshot', async () => {
  const dir = tempDir();
  const first = await loadMatcher({ entitiesDir: fixtureDir, cacheDir: dir });
  assert.equal(first.origin, 'compiled');
  assert.deepEqual(fs.readdirSync(dir), [`matcher-${snapshotKey(fixtureDir)}.snap`]);
  const second = await loadMatcher({ entitiesDir: fixtureDir, cacheDir: dir });
  assert.equal(second.origin, 'snapshot');
  assert.deepEqual(matchDocument(second.matcher, docs[0]!), matchDocument(first.matcher, docs[0]!));
});

test('a corrupt snapshot file is compiled again and replaced', async () => {
  const dir = tempDir();
  await loadMatcher({ entitiesDir: fixtureDir, cacheDir: dir });
  const file = path.join(dir, fs.readdirSync(dir)[0]!);
  const good = fs.readFileSync(file);
  fs.writeFileSync(file, good.subarray(0, good.byteLength >> 1));
  const again = await loadMatcher({ entitiesDir: fixtureDir, cacheDir: dir });
  assert.equal(again.origin, 'compiled');
  assert.deepEqual(fs.readFileSync(file), good, 'the snapshot is written again, whole');
  assert.equal((await loadMatcher({ entitiesDir: fixtureDir, cacheDir: dir })).origin, 'snapshot');
});

test('a change to the entity data makes the snapshot stale: compiled again, the old file removed', async () => {
  const entitiesDir = tempDir();
  fs.copyFileSync(path.join(fixtureDir, 'entities.yaml'), path.join(entitiesDir, 'entities.yaml'));
  const dir = tempDir();
  await loadMatcher({ entitiesDir, cacheDir: dir });
  const before = fs.readdirSync(dir);
  const doc = { text: 'Clashes in Qaryat Snapshot, in the province of Deir ez-Zor, Syria', lang: 'en' };
  assert.ok(!matchDocument((await loadMatcher({ entitiesDir, cacheDir: dir })).matcher, doc).entities.some((e) => e.id === 'sy-town-qaryat-snapshot'));
  fs.appendFileSync(path.join(entitiesDir, 'entities.yaml'), [
    '  - id: sy-town-qaryat-snapshot', '    kind: region', '    type: town',
    '    names: { en: Qaryat Snapshot, fr: Qaryat Snapshot, ar: قرية سنابشوت }', '    parents: [sy-deir-ez-zor]', '',
  ].join('\n'));
  const after = await loadMatcher({ entitiesDir, cacheDir: dir });
  assert.equal(after.origin, 'compiled');
  assert.ok(matchDocument(after.matcher, doc).entities.some((e) => e.id === 'sy-town-qaryat-snapshot'));
  const files = fs.readdirSync(dir);
  assert.equal(files.length, 1);
  assert.notDeepEqual(files, before);
});

test('without a cache folder (--no-cache) the matcher is compiled: a snapshot on disk is neither read nor written', async () => {
  const dir = tempDir();
  assert.equal((await loadMatcher({ entitiesDir: fixtureDir, cacheDir: dir })).origin, 'compiled');
  assert.equal((await loadMatcher({ entitiesDir: fixtureDir, cacheDir: dir })).origin, 'snapshot', 'the snapshot is there to be read');
  const before = fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]);
  const { origin } = await loadMatcher({ entitiesDir: fixtureDir, cacheDir: undefined });
  assert.equal(origin, 'compiled');
  assert.deepEqual(fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]), before);
});

test('an unwritable cache folder costs only the snapshot', async () => {
  const file = path.join(tempDir(), 'a-file');
  fs.writeFileSync(file, '');
  const { matcher: m, origin } = await loadMatcher({ entitiesDir: fixtureDir, cacheDir: path.join(file, 'cache') });
  assert.equal(origin, 'compiled');
  assert.deepEqual(matchDocument(m, docs[0]!), matchDocument(matcher, docs[0]!));
});

test('entities are read from the snapshot when there is one, else from the files, alike', async () => {
  const dir = tempDir();
  const fromFiles = await loadEntitiesCached({ entitiesDir: fixtureDir, cacheDir: dir });
  assert.deepEqual(fs.readdirSync(dir), [], 'no matcher is compiled just to list entities');
  await loadMatcher({ entitiesDir: fixtureDir, cacheDir: dir });
  const fromSnapshot = await loadEntitiesCached({ entitiesDir: fixtureDir, cacheDir: dir });
  assert.deepEqual(fromSnapshot, fromFiles);
  assert.deepEqual(fromFiles, loadEntities(fixtureDir));
});

const CACHE_DIRS: Array<[string, Record<string, string>, string]> = [
  ['VIGIE_CACHE_DIR wins', { VIGIE_CACHE_DIR: '/srv/vigie-cache', XDG_CACHE_HOME: '/xdg' }, '/srv/vigie-cache'],
  ['then $XDG_CACHE_HOME/vigie', { XDG_CACHE_HOME: '/xdg' }, '/xdg/vigie'],
  ['a relative XDG_CACHE_HOME is ignored (XDG spec)', { XDG_CACHE_HOME: 'rel' }, '/home/u/.cache/vigie'],
  ['else ~/.cache/vigie', {}, '/home/u/.cache/vigie'],
];

for (const [name, env, expected] of CACHE_DIRS) {
  test(`cache folder: ${name}`, () => assert.equal(cacheDir(env, '/home/u'), expected));
}
