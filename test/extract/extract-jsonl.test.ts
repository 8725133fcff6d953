// The --jsonl batch loop: one output line per input line, in order, errors as lines, never a crash;
// plus one real child process running the compiled CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { extractLine, runExtractJsonl, type JsonlResult } from '../../src/cli/extract-jsonl.js';

const PROSE = 'Une frappe de drone a visé un véhicule près de Boukamal, dans la province de Deir Ezzor, selon l\'OSDH.';
const good = (id: unknown): string => JSON.stringify({
  id, url: 'https://example.org/a',
  html: `<html lang="fr"><head><title>Frappe à Boukamal</title><meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body><p>${PROSE}</p><p>${PROSE}</p></body></html>`,
});
const INPUT = [
  good('a1'),
  '{not json',
  JSON.stringify({ id: 'a3', url: 'https://example.org/b', html: '<html><body><nav><a href="/">Menu</a></nav></body></html>' }),
  '',
  JSON.stringify({ id: 'a4', url: 'https://example.org/c' }),
  '[1,2]',
  good(5),
];

async function runOn(lines: string[]): Promise<JsonlResult[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  await runExtractJsonl(Readable.from([lines.join('\n')]), output);
  output.end();
  return Buffer.concat(chunks).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as JsonlResult);
}

function checkResults(results: JsonlResult[]): void {
  assert.equal(results.length, 6, 'one line per non-blank input line');
  assert.deepEqual(results.map((r) => r.id), ['a1', null, 'a3', 'a4', null, 5]);
  assert.deepEqual(results[0], {
    id: 'a1', title: 'Frappe à Boukamal', text: `${PROSE}\n\n${PROSE}`, published: '2024-03-05T10:00:00.000Z', lang: 'fr',
  });
  assert.deepEqual(results.map((r) => r.error?.code ?? 'ok'), ['ok', 'BAD_INPUT', 'EXTRACT_EMPTY', 'BAD_INPUT', 'BAD_INPUT', 'ok']);
  for (const r of results.filter((x) => x.error)) {
    assert.deepEqual([r.title, r.text, r.published, r.lang], ['', '', null, null]);
    assert.ok(r.error!.message.length > 0);
  }
}

test('runExtractJsonl: order kept, bad lines become error lines, processing continues', async () => {
  checkResults(await runOn(INPUT));
});

test('extractLine never throws, even on odd values', () => {
  for (const line of ['null', '"str"', '{"html": 5}', '{"id": {"x": 1}, "html": ""}', '\u0000']) {
    const r = extractLine(line);
    assert.ok(r.error, line);
  }
});

test('vigie extract --jsonl in a child process (compiled CLI)', async () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const mainJs = path.resolve(here, '..', '..', 'src', 'cli', 'main.js');
  const script = `import(${JSON.stringify(mainJs)}).then((m) => m.main(['node', 'vigie', 'extract', '--jsonl']))`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  child.stdin.end(`${INPUT.join('\n')}\n`);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, Buffer.concat(err).toString());
  checkResults(Buffer.concat(out).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as JsonlResult));
  assert.match(Buffer.concat(err).toString(), /4 of 6 lines failed/);
});
