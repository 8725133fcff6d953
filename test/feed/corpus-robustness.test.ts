// Every other feed in the shared corpus either parses into well-formed items or fails with a
// VigieError code; nothing else escapes, nothing hangs. Counts are printed as test diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../harness/paths.js';
import { decodeText } from '../../src/core/feed/decode-text.js';
import { parseFeed } from '../../src/core/feed/parse-feed.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

const SETS = ['feedparser', 'miniflux', 'feed-rs', 'feed-extractor', 'huginn', 'rsparser', 'feedjira', 'gofeed'];
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u2028\u2029\u202E]/;

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  }).filter((p) => !p.endsWith('.serde.json')).sort();
}

/** feedparser's simulated HTTP header, `Header: Content-type: …` in the leading comment. */
function headerContentType(bytes: Buffer): string | undefined {
  return /Header:\s*Content-type:\s*([^\r\n]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1]?.trim();
}

for (const set of SETS) {
  test(`corpus ${set}: parses or fails with a VigieError code`, { timeout: 60_000 }, async (t) => {
    const counts = { parsed: 0, NOT_A_FEED: 0, FEED_PARSE_ERROR: 0 };
    const files = listFiles(path.join(corpusDir, 'feeds', set));
    assert.ok(files.length > 0);
    for (const file of files) {
      const rel = path.relative(corpusDir, file);
      const bytes = fs.readFileSync(file);
      const { text } = decodeText(bytes, { kind: 'xml', contentType: headerContentType(bytes) });
      try {
        const feed = await parseFeed(text, { baseUrl: 'http://corpus.example/feed.xml' });
        assert.ok(!file.endsWith('.json'), `${rel}: a JSON Feed must be NOT_A_FEED`);
        for (const item of feed.items) {
          assert.equal(typeof item.key, 'string', rel);
          assert.ok(item.key.length > 0, rel);
          assert.ok(!UNSAFE.test(item.title) && !UNSAFE.test(item.summary), `${rel}: unsafe characters in ${JSON.stringify(item.title)}`);
          if (item.url !== undefined) assert.match(item.url, /^https?:\/\/[^#]*$/, rel);
          if (item.published !== undefined) assert.ok(!Number.isNaN(Date.parse(item.published)), rel);
        }
        counts.parsed += 1;
      } catch (err) {
        assert.ok(isVigieError(err), `${rel}: ${String(err)}`);
        assert.ok(err.code === 'NOT_A_FEED' || err.code === 'FEED_PARSE_ERROR', `${rel}: ${err.code}`);
        if (file.endsWith('.json')) assert.equal(err.code, 'NOT_A_FEED', rel);
        counts[err.code] += 1;
      }
    }
    t.diagnostic(`${set}: ${files.length} files, parsed ${counts.parsed}, NOT_A_FEED ${counts.NOT_A_FEED}, FEED_PARSE_ERROR ${counts.FEED_PARSE_ERROR}`);
    assert.equal(counts.parsed + counts.NOT_A_FEED + counts.FEED_PARSE_ERROR, files.length);
  });
}
