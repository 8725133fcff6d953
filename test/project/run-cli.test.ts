// runCli, the in-process entry the CLI tests use: what a command prints goes to the streams it is
// handed (never the process's), its environment is the one given, and the exit code is the one a
// process would have had (0, a command's failure, commander's usage errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';
import { testCacheDir } from '../harness/vigie-process.js';
import { repoRoot } from '../harness/paths.js';
import { tinyConfigDir } from '../harness/config-dir.js';

function sink(): Writable & { text: string } {
  const s = Object.assign(new Writable({ write(chunk, _enc, done) { s.text += chunk.toString(); done(); } }), { text: '' });
  return s;
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}, stdin?: string) {
  const stdout = sink();
  const stderr = sink();
  // The command's output also written to the process's own stdout is a leak (the test runner writes
  // its own reports there meanwhile: only chunks holding a line of the command's output count).
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => { written.push(chunk.toString()); return write(chunk, ...rest); }) as typeof process.stdout.write;
  try {
    const code = await runCli(args, { stdout, stderr, env: { VIGIE_CACHE_DIR: testCacheDir, ...env }, stdin });
    const lines = `${stdout.text}\n${stderr.text}`.split('\n').filter((l) => l.trim().length > 3);
    const leaked = written.filter((w) => lines.some((l) => w.includes(l)));
    return { code, stdout: stdout.text, stderr: stderr.text, leaked };
  } finally {
    process.stdout.write = write;
  }
}

test('help and version print on the given stdout with exit code 0', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: vigie/);
  assert.deepEqual(help.leaked, []);
  const version = await run(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), '0.1.0');
});

test('a usage error is exit code 1 on the given stderr', async () => {
  const r = await run(['sources', 'list', '--no-such-option']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /unknown option '--no-such-option'/);
  assert.equal(r.stdout, '');
});

test('a command reads the given stdin and environment, and its failure is its exit code', async () => {
  const r = await run(['config', 'check', '--dir', `${repoRoot}/no-such-config`], {});
  assert.equal(r.code, 1, 'a failed check sets the exit code');
  assert.match(r.stderr, /CONFIG_INVALID config directory .*no-such-config does not exist/);
  // REDIS_URL from the given environment, not the process's: nothing listens on port 1.
  const down = await run(['keys', 'list'], { REDIS_URL: 'redis://127.0.0.1:1' });
  assert.equal(down.code, 1);
  assert.match(down.stderr, /error REDIS_UNAVAILABLE: .*127\.0\.0\.1:1/);
  const matched = await run(['match', '--entities', `${tinyConfigDir()}/entities`, '--no-cache', '--json'], {}, 'Frappe près de Deir ez-Zor');
  assert.equal(matched.code, 0, matched.stderr);
  assert.deepEqual((JSON.parse(matched.stdout) as { entities: Array<{ id: string }> }).entities.map((e) => e.id), ['sy-deir-ez-zor']);
  assert.deepEqual([...r.leaked, ...down.leaked, ...matched.leaked], []);
});

test('start, worker, api and demo own their process: runCli refuses them (their help is shown)', async () => {
  for (const command of ['start', 'worker', 'api', 'demo']) {
    const r = await run([command]);
    assert.equal(r.code, 1, command);
    assert.match(r.stderr, new RegExp(`vigie ${command} runs only as its own process`));
  }
  const help = await run(['start', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: vigie start/);
});
