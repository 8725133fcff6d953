// The JSON-lines reader of `vigie match --jsonl` and `vigie extract --jsonl`: lines cut wherever the
// chunks end (inside a line, inside a multi-byte character, at "\r" of a "\r\n"), blank lines left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readLines } from '../../src/cli/read-lines.js';

async function linesOf(chunks: Array<Buffer | string>): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readLines(Readable.from(chunks))) out.push(...batch);
  return out;
}

const text = '{"id":"a","text":"غارة على البوكمال"}\r\n\n   \n{"id":"b","text":"Frappe près de Deir ez-Zor"}\n{"id":"c"}';
const expected = ['{"id":"a","text":"غارة على البوكمال"}', '{"id":"b","text":"Frappe près de Deir ez-Zor"}', '{"id":"c"}'];

test('lines come out whole however the bytes are cut into chunks, CRLF read, blank lines left out', async () => {
  const bytes = Buffer.from(text);
  assert.deepEqual(await linesOf([bytes]), expected);
  // Every cut in two, and every byte alone: cuts fall inside Arabic letters, inside "\r\n" and at line ends.
  for (let cut = 1; cut < bytes.length; cut += 1) {
    assert.deepEqual(await linesOf([bytes.subarray(0, cut), bytes.subarray(cut)]), expected, `cut at byte ${cut}`);
  }
  assert.deepEqual(await linesOf([...bytes].map((b) => Buffer.from([b]))), expected);
});

test('a last line without a newline is read; a blank one is not; string chunks are read as they are', async () => {
  assert.deepEqual(await linesOf(['{"id":1}\n{"id"', ':2}']), ['{"id":1}', '{"id":2}']);
  assert.deepEqual(await linesOf(['{"id":1}\n  \r']), ['{"id":1}']);
  assert.deepEqual(await linesOf(['', '\n\n']), []);
});
