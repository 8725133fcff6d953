// `vigie start` on its embedded default: with REDIS_URL unset it runs its own redis-server (AOF on,
// data under the data dir), serves /healthz, and stops that server on SIGTERM. Without a redis-server
// on PATH it says how to get one. Also `config check` and `--help` on every command. One start per
// data folder: test/e2e/data-dir-lock.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runVigie, spawnVigie, waitFor } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { freePort } from '../harness/free-port.js';
import { tinyConfigDir } from '../harness/config-dir.js';
import { spawn, type ChildProcess } from 'node:child_process';

const portOpen = (port: number) => new Promise<boolean>((resolve) => {
  const s = net.connect(port, '127.0.0.1', () => { s.destroy(); resolve(true); });
  s.once('error', () => resolve(false));
});

test('start runs and stops its own redis-server when REDIS_URL is unset', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-data-'));
  const proc = spawnVigie(['start', '--port', '0'], { VIGIE_DATA_DIR: dataDir, VIGIE_LOG_LEVEL: 'info' });
  try {
    const address = await waitFor('listening', () => /vigie listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(proc.output())?.[1], 60_000);
    const res = await fetch(`${address}/healthz`);
    assert.equal(res.status, 200);
    const { redisUrl: url } = JSON.parse(fs.readFileSync(path.join(dataDir, 'vigie.lock'), 'utf8')) as { redisUrl: string };
    const port = Number(new URL(url).port);
    assert.ok(await portOpen(port), 'embedded redis answers');
    assert.ok(fs.existsSync(path.join(dataDir, 'redis')), 'data under the data dir');
    proc.child.kill('SIGTERM');
    assert.equal(await proc.exited, 0);
    await waitFor('redis stopped', async () => !(await portOpen(port)), 10_000);
    assert.equal(fs.existsSync(path.join(dataDir, 'vigie.lock')), false, 'the data folder is unlocked');
    const aof = fs.readdirSync(path.join(dataDir, 'redis'), { recursive: true }).map(String);
    assert.ok(aof.some((f) => f.includes('appendonly')), `AOF files written: ${aof.join(', ')}`);
  } finally {
    await proc.kill('SIGKILL');
  }
});

test('without redis-server on PATH, start says how to get one', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-data-'));
  // A PATH holding node and nothing else (node and redis-server may share /usr/bin).
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bin-'));
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  // A two-entity catalog: the process reads its config before it looks for redis-server.
  const r = await runVigie(['start', '--port', '0'], { VIGIE_DATA_DIR: dataDir, PATH: bin, VIGIE_CONFIG_DIR: tinyConfigDir() });
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /REDIS_UNAVAILABLE/);
  assert.match(r.stderr, /apt-get install redis-server/);
  assert.match(r.stderr, /brew install redis/);
  assert.match(r.stderr, /docker compose/);
});

test('invalid environment is reported all at once', async () => {
  const r = await runVigie(['start'], { VIGIE_HTTP_PORT: 'eighty', VIGIE_BACKFILL: '-3', SMTP_URL: 'http://x', VIGIE_CONFIG_DIR: tinyConfigDir() });
  assert.notEqual(r.code, 0);
  for (const name of ['VIGIE_HTTP_PORT', 'VIGIE_BACKFILL', 'SMTP_URL']) assert.match(r.stderr, new RegExp(name));
});

test('config check validates the shipped config and reports every problem of a broken one', async () => {
  // The passing check in process, the failing one as a real process (its exit code).
  const ok = await runCliCaptured(['config', 'check', '--json'], {});
  assert.equal(ok.code, 0, ok.stderr);
  const report = JSON.parse(ok.stdout) as { ok: boolean; sources: number; entities: number };
  assert.equal(report.ok, true);
  assert.ok(report.sources >= 12 && report.entities >= 300);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-badcfg-'));
  fs.writeFileSync(path.join(dir, 'sources.yaml'), 'sources:\n  - {id: Bad_Id, url: "ftp://x"}\n  - {url: "https://ok.example/feed", interval: 0}\n');
  const bad = await runVigie(['config', 'check', '--dir', dir], {});
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /id must be lowercase/);
  assert.match(bad.stderr, /only http and https/);
  assert.match(bad.stderr, /interval/);
});

test('every command has --help', async () => {
  const top = await runVigie(['--help'], {});
  assert.equal(top.code, 0);
  const commands = [...top.stdout.matchAll(/^ {2}([a-z-]+)(?: \[|\s|$)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
  assert.ok(commands.length >= 12, `commands: ${commands.join(', ')}`);
  // The top-level help is the process's start-up; each command's help is run in process.
  for (const c of commands) {
    const r = await runCliCaptured([c, '--help'], {});
    assert.equal(r.code, 0, `${c} --help`);
    assert.match(r.stdout, /Usage: vigie/);
  }
});

test('a worker started before Redis waits for it; a one-shot command fails fast with REDIS_UNAVAILABLE', async () => {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  // A two-entity catalog: this is about waiting for Redis, not about what the worker matches.
  const config = tinyConfigDir();
  const quick = await runVigie(['sources', 'list'], { REDIS_URL: url, VIGIE_CONFIG_DIR: config });
  assert.equal(quick.code, 1);
  assert.match(quick.stderr, /error REDIS_UNAVAILABLE: .*cannot reach Redis/);
  const worker = spawnVigie(['worker'], { REDIS_URL: url, VIGIE_CONFIG_DIR: config });
  let redis: ChildProcess | undefined;
  try {
    await waitFor('waiting for Redis', () => worker.output().includes('"event":"redis.waiting"'), 30_000);
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor('worker started', () => worker.output().includes('"event":"service.started"'), 30_000);
    assert.equal(worker.child.exitCode, null, 'no crash loop: the same process went on');
  } finally {
    await worker.kill('SIGKILL');
    redis?.kill('SIGKILL');
  }
});
