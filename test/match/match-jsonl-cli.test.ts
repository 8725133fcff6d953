// `vigie match --jsonl`: lean lines by default in the matching issue's line format, full matches with
// --snippets, one line out per line in and in order (also through worker threads and a slow reader),
// bad lines answered with an error line, and the matcher snapshot written to VIGIE_CACHE_DIR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { testCacheDir } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { repoRoot } from '../harness/paths.js';
import { fixtureDir, matcher } from './fixture.js';
import { matchJsonl, matchJsonlInWorkers } from '../../src/cli/match-jsonl.js';
import { readEvents } from '../../src/core/events/read-events.js';
import { matchDocument } from '../../src/core/match/match-document.js';

const docs = ['fr', 'en', 'ar'].flatMap((lang) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'match-eval', `${lang}.jsonl`), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; lang: string; title?: string; text: string }));
const input = docs.map((d) => JSON.stringify(d)).join('\n');

interface Line { id: unknown; matches: Array<Record<string, unknown>>; entities: Array<Record<string, unknown>>; error?: { code: string } }
const parse = (out: string): Line[] => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

test('match --jsonl writes lean lines: ids, kinds, names, paths and offsets, path[0] the entity\'s own English name', async () => {
  const cache = fs.mkdtempSync(path.join(testCacheDir, 'lean-'));
  const run = await runCliCaptured(['match', '--jsonl', '--entities', fixtureDir], { VIGIE_CACHE_DIR: cache }, input);
  assert.equal(run.code, 0, run.stderr);
  const lines = parse(run.stdout);
  assert.deepEqual(lines.map((l) => l.id), docs.map((d) => d.id));
  const withMatches = lines.filter((l) => l.matches.length > 0);
  assert.ok(withMatches.length >= 20);
  for (const line of lines) {
    assert.deepEqual(Object.keys(line), ['id', 'matches', 'entities', 'events']);
    for (const m of line.matches) assert.deepEqual(Object.keys(m), ['entityId', 'kind', 'name', 'path', 'field', 'start', 'end']);
    for (const e of line.entities) {
      assert.deepEqual(Object.keys(e), ['id', 'kind', 'name', 'path']);
      const info = matcher.entities.find((i) => i.entity.id === e.id)!;
      assert.equal((e.path as string[])[0], info.entity.names.en);
    }
  }
  const doc = docs.find((d) => d.id === withMatches[0]!.id)!;
  const full = matchDocument(matcher, doc);
  assert.deepEqual(withMatches[0]!.entities, full.entities);
  assert.deepEqual(withMatches[0]!.matches.map((m) => [m.entityId, m.field, m.start, m.end]), full.matches.map((m) => [m.entityId, m.field, m.start, m.end]));
  assert.equal(fs.readdirSync(cache).filter((f) => f.endsWith('.snap')).length, 1, 'the snapshot is written to VIGIE_CACHE_DIR');
});

test('match --jsonl --snippets writes every match in full', async () => {
  const run = await runCliCaptured(['match', '--jsonl', '--snippets', '--entities', fixtureDir], {}, input);
  assert.equal(run.code, 0, run.stderr);
  const lines = parse(run.stdout);
  const doc = docs.find((d) => d.id === lines.find((l) => l.matches.length > 0)!.id)!;
  const result = matchDocument(matcher, doc);
  const { matches, entities } = result;
  assert.deepEqual(lines.find((l) => l.id === doc.id), { id: doc.id, matches, entities, events: readEvents(doc, result) });
  assert.ok(lines.flatMap((l) => l.matches).every((m) => typeof m.snippet === 'string' && typeof m.alias === 'string'));
});

test('match --jsonl through worker threads gives the same lines in the same order', async () => {
  const many = Array.from({ length: 8 }, (_, k) => docs.map((d) => JSON.stringify({ ...d, id: `${d.id}-${k}` })).join('\n')).join('\n');
  const one = await runCliCaptured(['match', '--jsonl', '--workers', '1', '--entities', fixtureDir], {}, many);
  const two = await runCliCaptured(['match', '--jsonl', '--workers', '2', '--entities', fixtureDir], {}, many);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  assert.equal(parse(one.stdout).length, docs.length * 8);
  assert.equal(two.stdout, one.stdout);
});

test('match --jsonl answers a bad line with an error line carrying its id, skips blank lines, reads CRLF', async () => {
  const lines = ['{"id":"a","text":"Frappe près de Boukamal","lang":"fr"}', '', '{"id":"b","text":', '[1,2]', '{"id":"c","text":"Near Albukamal"}'].join('\r\n');
  const run = await runCliCaptured(['match', '--jsonl', '--workers', '1', '--entities', fixtureDir], {}, lines);
  assert.equal(run.code, 0, run.stderr);
  const out = parse(run.stdout);
  assert.deepEqual(out.map((l) => l.id), ['a', null, null, 'c']);
  assert.deepEqual(out.map((l) => l.error?.code), [undefined, 'CONFIG_INVALID', 'CONFIG_INVALID', undefined]);
  assert.deepEqual(out[3]!.entities.map((e) => e.id), ['sy-town-abu-kamal']);
});

/** A reader that takes one chunk per turn of the event loop, so the writer keeps meeting a full buffer. */
async function slowRead(stream: PassThrough): Promise<string> {
  let out = '';
  for await (const chunk of stream) {
    out += String(chunk);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

test('the jsonl loops wait for a slow reader and lose or reorder nothing', async () => {
  const many = Array.from({ length: 4 }, (_, k) => docs.map((d) => JSON.stringify({ ...d, id: `${d.id}-${k}` }))).flat();
  const expected = many.map((l) => JSON.parse(l) as { id: string }).map((d) => d.id);
  const here = new PassThrough({ highWaterMark: 64 });
  const [, hereOut] = await Promise.all([
    matchJsonl(matcher, Readable.from([many.join('\n')]), here, { snippets: false }).then(() => here.end()),
    slowRead(here),
  ]);
  assert.deepEqual(parse(hereOut).map((l) => l.id), expected);
  const cache = fs.mkdtempSync(path.join(testCacheDir, 'pool-'));
  const pooled = new PassThrough({ highWaterMark: 64 });
  const source = { entitiesDir: fixtureDir, cacheDir: cache };
  const { prepareSnapshot } = await import('../../src/config/matcher-cache.js');
  await prepareSnapshot(source);
  const [, pooledOut] = await Promise.all([
    matchJsonlInWorkers(source, Readable.from([many.join('\n')]), pooled, { snippets: false }, 2).then(() => pooled.end()),
    slowRead(pooled),
  ]);
  assert.equal(pooledOut, hereOut);
});
