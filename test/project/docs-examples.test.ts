// The examples people copy run as written: every `sh` block of docs/API.md, in order, against an API on a
// free port (the harness Redis, the shipped catalog), and the README's CLI commands with the output the
// README shows. Docs name the server and keys by convention ($VIGIE_URL, $VIGIE_KEY, $VIGIE_ADMIN_KEY;
// `node bin/vigie.js` from the checkout; a feed reader's OPML export as feeds.opml); the test sets
// those, it never edits an example.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { repoRoot } from '../harness/paths.js';
import { cliEntry, testCacheDir } from '../harness/vigie-process.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { buildApp } from '../../src/api/build-app.js';
import { createApiKeyStore } from '../../src/adapters/redis/api-key-store.js';

const PREFIX = 'docs';
let redis: TestRedis;
let services: Services;
let app: FastifyInstance;
let env: Record<string, string>;

/** Fails with what to install: the examples are curl and jq, which the test cannot stand in for. */
function requireTool(name: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
  } catch {
    assert.fail(`${name} is not installed; the documented examples need it (apt-get install ${name})`);
  }
}

/** A scratch folder laid out like a checkout: `node bin/vigie.js` there runs the build under test. */
function scratchCheckout(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-docs-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'bin', 'vigie.js'), `import ${JSON.stringify(cliEntry)};\n`);
  // The subscriptions a reader's OPML export would hold, where the docs say to put it.
  fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'opml', 'miniflux.opml'), path.join(dir, 'feeds.opml'));
  return dir;
}

function bash(script: string, cwd: string, extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('bash', ['-c', script], { cwd, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d.toString(); });
  child.stderr.on('data', (d) => { stderr += d.toString(); });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** The fenced blocks of a Markdown file with the given info string, with the line each starts on. */
function blocks(markdown: string, lang: string): Array<{ line: number; code: string }> {
  const out: Array<{ line: number; code: string }> = [];
  const fence = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  for (const m of markdown.matchAll(fence)) out.push({ line: markdown.slice(0, m.index).split('\n').length + 1, code: m[1]! });
  return out;
}

before(async () => {
  requireTool('curl');
  requireTool('jq');
  redis = await startTestRedis();
  const settings = { VIGIE_PREFIX: PREFIX, VIGIE_LOG_LEVEL: 'silent', VIGIE_SIGNING_KEY: 'docs-test-signing-key-0123456789' };
  // No DNS in tests: a name answers "not found", so a documented webhook test to example.org fails cleanly.
  const lookup = async (): Promise<never> => { throw Object.assign(new Error('no DNS in tests'), { code: 'ENOTFOUND' }); };
  services = createServices({ env: loadEnv(settings), redisUrl: redis.url, ...(await shippedCatalog()), lookup });
  app = await buildApp({ services });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const keys = createApiKeyStore(services.redis, services.keys);
  const now = new Date();
  env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8',
    REDIS_URL: redis.url, ...settings, VIGIE_LOG_LEVEL: 'warn', VIGIE_URL: url, VIGIE_CACHE_DIR: testCacheDir,
    VIGIE_KEY: (await keys.create({ name: 'reader', role: 'subscriber', now })).key,
    VIGIE_ADMIN_KEY: (await keys.create({ name: 'ops', role: 'admin', now })).key,
  };
});

after(async () => {
  await app?.close();
  await services?.close();
  await redis?.close();
});

test('every sh block of docs/API.md runs against a live API: no HTTP error, no jq error', async () => {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'API.md'), 'utf8');
  const found = blocks(doc, 'sh');
  assert.ok(found.length >= 5, `sh blocks found: ${found.length}`);
  // curl is run with --fail-with-body so a 4xx/5xx answer fails the block like a jq error does.
  const script = [
    'set -euo pipefail',
    'curl() { command curl --fail-with-body --show-error "$@"; }',
    ...found.map((b) => `echo ">>> docs/API.md line ${b.line}" >&2\n${b.code}`),
  ].join('\n');
  const res = await bash(script, scratchCheckout());
  const last = res.stderr.split('\n').filter((l) => l.startsWith('>>> ')).pop();
  assert.equal(res.code, 0, `the block at ${last} failed:\n${res.stderr.slice(-3000)}\n--- stdout:\n${res.stdout.slice(-2000)}`);
});

/** README commands worth running: `node bin/vigie.js` lines (continuations joined), and `export`s. */
function readmeCommands(readme: string): Array<{ command: string; expected: string[] }> {
  // Commands that serve until stopped (and npm itself) are started by other tests, not here.
  const serves = /^node bin\/vigie\.js (start|worker|api|demo)\b/;
  const out: Array<{ command: string; expected: string[] }> = [];
  for (const b of blocks(readme, 'sh')) {
    const lines = b.code.replace(/\\\n\s*/g, '').split('\n');
    lines.forEach((line, i) => {
      if (!/^(node bin\/vigie\.js |export )/.test(line) || serves.test(line)) return;
      // The output the README shows: the `#   ` lines right below the command (… stands for anything).
      const expected: string[] = [];
      for (let j = i + 1; j < lines.length && /^#\s{3}/.test(lines[j]!); j += 1) expected.push(lines[j]!.replace(/^#\s{3}/, ''));
      out.push({ command: line, expected });
    });
  }
  // Inline commands in the prose, when they need no placeholder.
  for (const m of readme.matchAll(/`(node bin\/vigie\.js [^`…<]+)`/g)) if (!serves.test(m[1]!)) out.push({ command: m[1]!, expected: [] });
  return out;
}

test("the README's CLI commands run as written and print what the README shows", async () => {
  const commands = readmeCommands(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));
  assert.ok(commands.some((c) => c.command.includes('subscriptions add')) && commands.some((c) => c.command.includes('sources add')),
    commands.map((c) => c.command).join('\n'));
  const dir = scratchCheckout();
  const exported: Record<string, string> = {};
  for (const { command, expected } of commands) {
    const assignment = /^export (\w+)=(\S+)$/.exec(command);
    if (assignment) { exported[assignment[1]!] = assignment[2]!; continue; }
    const res = await bash(command, dir, exported);
    assert.equal(res.code, 0, `${command}\n${res.stderr}`);
    const printed = res.stdout.split('\n');
    for (const want of expected) {
      const pattern = new RegExp(`^${want.split('…').map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
      assert.ok(printed.some((l) => pattern.test(l)), `${command}\nprinted:\n${res.stdout}\nREADME shows: ${want}`);
    }
  }
});
