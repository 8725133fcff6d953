// What a command reads and where it writes: the process's own streams and environment, or, inside
// runCli, the ones its caller handed in (tests run commands in the test process). Commands go through
// these functions, never through console or process.std*, or their output would escape the caller.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Readable, Writable } from 'node:stream';
import { format } from 'node:util';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  /** Set by a command that failed after printing its error (the process's exitCode outside runCli). */
  exitCode: number;
}

const scoped = new AsyncLocalStorage<CliIo>();

const processIo: CliIo = {
  get stdout() { return process.stdout; },
  get stderr() { return process.stderr; },
  get stdin() { return process.stdin; },
  get env() { return process.env; },
  get exitCode() { return Number(process.exitCode ?? 0); },
  set exitCode(code: number) { process.exitCode = code; },
};

/** The io of the command running in this async context: runCli's, else the process's. */
export function cliIo(): CliIo {
  return scoped.getStore() ?? processIo;
}

/** Runs `fn` with `io` as every command's io, for the calls it makes, however deep and async. */
export function withCliIo<T>(io: CliIo, fn: () => Promise<T>): Promise<T> {
  return scoped.run(io, fn);
}

/** console.log, on the command's stdout. */
export function say(...args: unknown[]): void {
  cliIo().stdout.write(`${format(...args)}\n`);
}

/** console.error, on the command's stderr. */
export function warn(...args: unknown[]): void {
  cliIo().stderr.write(`${format(...args)}\n`);
}

/** Marks the command failed (exit code 1 unless given) without stopping it. */
export function fail(code = 1): void {
  cliIo().exitCode = code;
}

/** All of the command's stdin (a file argument of "-"), as bytes. */
export async function readAllStdin(limit = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of cliIo().stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    size += bytes.length;
    if (size > limit) break; // enough to refuse it; the rest is never held
  }
  return Buffer.concat(chunks);
}
