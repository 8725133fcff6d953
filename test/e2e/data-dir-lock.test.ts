// One `vigie start` per data folder: a second one is refused before it starts anything, the embedded
// redis-server never outlives the vigie that started it (even after SIGKILL), a killed run's stale lock
// is recovered, and a one-shot command with REDIS_URL unset uses only this folder's running service,
// never whatever Redis listens on 127.0.0.1:6379.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { runVigie, spawnVigie, waitFor, type VigieProcess } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { makeConfigDir, tinyEntityDir } from '../harness/config-dir.js';
import { freePort } from '../harness/free-port.js';
import { killAll, redisServersIn } from '../harness/redis-processes.js';

const listening = (p: VigieProcess) =>
  waitFor('listening', () => /vigie listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(p.output()) ?? undefined, 60_000);

function folder(): { dataDir: string; redisDir: string; env: Record<string, string> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-data-'));
  // No sources and a two-entity catalog: these tests are about the process, not polling or matching
  // (each start and each refused command reads its catalog before anything else).
  const env = { VIGIE_DATA_DIR: dataDir, VIGIE_CONFIG_DIR: makeConfigDir([], [], tinyEntityDir()), VIGIE_LOG_LEVEL: 'info' };
  fs.mkdirSync(path.join(dataDir, 'redis'));
  return { dataDir, redisDir: path.join(dataDir, 'redis'), env };
}

/** A pid that surely names no process any more: a child that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

test('a second start in the same data folder exits non-zero naming the running one, and starts no Redis', async () => {
  const { redisDir, env } = folder();
  const first = spawnVigie(['start', '--port', '0'], env);
  try {
    const [, address, port] = await listening(first);
    assert.equal(redisServersIn(redisDir).length, 1);
    // Same folder, same HTTP port: what an operator gets by running `npm start` twice.
    const second = await runVigie(['start', '--port', port!], env);
    assert.notEqual(second.code, 0);
    assert.match(second.stderr, /DATA_DIR_LOCKED/);
    assert.match(second.stderr, new RegExp(`pid ${first.child.pid}\\b`));
    assert.deepEqual(redisServersIn(redisDir).length, 1, 'the refused start left no redis-server behind');
    assert.equal((await fetch(`${address}/healthz`)).status, 200, 'the first one runs on');
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    await waitFor('redis stopped', () => redisServersIn(redisDir).length === 0, 15_000);
  } finally {
    await first.kill('SIGKILL');
    killAll(redisServersIn(redisDir));
  }
});

test('after SIGKILL of vigie its redis-server stops, and the next start recovers the stale lock and the data', async () => {
  const { redisDir, env } = folder();
  const first = spawnVigie(['start', '--port', '0'], env);
  let second: VigieProcess | undefined;
  try {
    await listening(first);
    // A one-shot command with REDIS_URL unset finds this folder's service (run in process: the
    // real-process run of one-shot commands is the last test's).
    const created = await runCliCaptured(['keys', 'create', '--role', 'admin', '--name', 'before-the-kill'], { VIGIE_DATA_DIR: env.VIGIE_DATA_DIR, VIGIE_CONFIG_DIR: env.VIGIE_CONFIG_DIR });
    assert.equal(created.code, 0, created.stderr);
    assert.equal(redisServersIn(redisDir).length, 1);
    await first.kill('SIGKILL');
    await waitFor('the orphaned redis-server to stop', () => redisServersIn(redisDir).length === 0, 15_000);
    second = spawnVigie(['start', '--port', '0'], env);
    await listening(second);
    assert.equal(redisServersIn(redisDir).length, 1);
    const listed = await runCliCaptured(['keys', 'list'], { VIGIE_DATA_DIR: env.VIGIE_DATA_DIR, VIGIE_CONFIG_DIR: env.VIGIE_CONFIG_DIR });
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /before-the-kill/, 'the same AOF, kept across the kill');
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
    await waitFor('redis stopped', () => redisServersIn(redisDir).length === 0, 15_000);
  } finally {
    await first.kill('SIGKILL');
    await second?.kill('SIGKILL');
    killAll(redisServersIn(redisDir));
  }
});

test('a redis-server that outlived both vigie and its watcher is stopped by the next start before its own starts', async () => {
  const { dataDir, redisDir, env } = folder();
  const first = spawnVigie(['start', '--port', '0'], env);
  let second: VigieProcess | undefined;
  try {
    await listening(first);
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'vigie.lock'), 'utf8')) as { pid: number; redisPid: number };
    assert.equal(lock.pid, first.child.pid);
    assert.deepEqual(redisServersIn(redisDir), [lock.redisPid]);
    // The watcher is redis-server's parent; killing it first leaves a true orphan, as a kill -9 of
    // every vigie process but Redis would.
    const stat = fs.readFileSync(`/proc/${lock.redisPid}/stat`, 'utf8');
    const watcherPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    process.kill(watcherPid, 'SIGKILL');
    await first.kill('SIGKILL');
    assert.deepEqual(redisServersIn(redisDir), [lock.redisPid], 'the orphan still runs');
    second = spawnVigie(['start', '--port', '0'], env);
    await listening(second);
    await waitFor('recovery logged', () => second!.output().includes('"event":"data.lock.recovered"'), 10_000);
    assert.match(second.output(), /"orphanRedisStopped":true/);
    const now = redisServersIn(redisDir);
    assert.equal(now.length, 1);
    assert.notEqual(now[0], lock.redisPid, 'the orphan was stopped; this one is the new start\'s');
  } finally {
    await first.kill('SIGKILL');
    await second?.kill('SIGTERM');
    killAll(redisServersIn(redisDir));
  }
});

test('with REDIS_URL unset and no service for the folder, a one-shot command says so and exits non-zero', async () => {
  // Only read-only commands here: were the check missing, they would reach 127.0.0.1:6379, and a
  // test must never write there.
  const { dataDir, env } = folder();
  // The first as a real process (its exit code), the second in process (the same refusal).
  for (const [args, run] of [[['sources', 'list'], runVigie], [['subscriptions', 'list'], runCliCaptured]] as const) {
    const r = await run([...args], { VIGIE_DATA_DIR: dataDir, VIGIE_CONFIG_DIR: env.VIGIE_CONFIG_DIR });
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, /error REDIS_NOT_CONFIGURED: .*REDIS_URL is unset/);
    assert.ok(r.stderr.includes(path.resolve(dataDir)), `names the folder: ${r.stderr}`);
    assert.equal(r.stdout, '');
  }
  // A killed run's leftover lock does not count as a running service.
  const stale = `redis://127.0.0.1:${await freePort()}`;
  fs.writeFileSync(path.join(dataDir, 'vigie.lock'), JSON.stringify({ pid: await deadPid(), host: os.hostname(), redisUrl: stale }));
  const r = await runCliCaptured(['sources', 'list'], { VIGIE_DATA_DIR: dataDir, VIGIE_CONFIG_DIR: env.VIGIE_CONFIG_DIR });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error REDIS_NOT_CONFIGURED: /);
});
