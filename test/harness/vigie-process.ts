// Runs the compiled `vigie` CLI as a child process (the same build the test is part of), so tests can
// kill it with SIGKILL and start it again, like an operator or a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkShippedSnapshotIfBuilt } from './shipped-catalog.js';

// The dist folder this test was compiled into (dist or a helper's dist-NAME).
const distRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliEntry = path.join(distRoot, 'src', 'cli', 'run.js');

/** One cache folder per test process (the matcher snapshot): tests never write to ~/.cache. Removed
 * at exit: a snapshot of the shipped catalog is 76 MB. */
export const testCacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cache-'));
process.on('exit', () => fs.rmSync(testCacheDir, { recursive: true, force: true }));

/**
 * The cache folder a vigie command of this test process is given: with the build's snapshot of the
 * shipped catalog linked in when there is one, so a worker or `vigie start` on the shipped catalog reads
 * it at boot instead of compiling it (each compile costs ~6 s of CPU).
 */
export function preparedCacheDir(): string {
  linkShippedSnapshotIfBuilt(testCacheDir);
  return testCacheDir;
}

export interface VigieProcess {
  child: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  exited: Promise<number | null>;
}

export function spawnVigie(args: string[], env: Record<string, string>): VigieProcess {
  const child = spawn(process.execPath, [cliEntry, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', VIGIE_LOG_LEVEL: 'info', VIGIE_CACHE_DIR: preparedCacheDir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (d) => { out += d.toString(); });
  child.stderr?.on('data', (d) => { out += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Runs a CLI command to completion and returns its exit code and output. */
export async function runVigie(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cliEntry, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', VIGIE_LOG_LEVEL: 'warn', VIGIE_CACHE_DIR: preparedCacheDir(), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  // Decoded as a stream: a chunk may end inside a multi-byte character (Arabic text, «»).
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d) => { stdout += d.toString(); });
  child.stderr.on('data', (d) => { stderr += d.toString(); });
  child.stdin.end(input ?? '');
  // 'close', not 'exit': it comes once stdout and stderr are read to the end.
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
  return { code, stdout, stderr };
}

/**
 * How much longer than on a quiet machine a wait may take before it gives up: 4 by default, as a suite
 * sharing both cores with another CPU-bound process ran 2-3 times slower and its 30 s waits timed out
 * (VIGIE_TEST_WAIT_SCALE sets it). Waits end when their condition holds, so passing runs gain nothing.
 */
export const WAIT_SCALE = Number(process.env.VIGIE_TEST_WAIT_SCALE) > 0 ? Number(process.env.VIGIE_TEST_WAIT_SCALE) : 4;

/**
 * Polls `check` until it returns a truthy value or the deadline passes (then throws with `what`).
 * `timeoutMs` is what the wait may take on a quiet machine; the deadline is WAIT_SCALE times that.
 */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs * WAIT_SCALE;
  for (;;) {
    const v = await check();
    if (v) return v as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
