// Runs a management command against the Redis named by REDIS_URL (unset: the embedded one of the
// `vigie start` running on this data folder; never a guessed default), then closes every connection
// so the process exits. VigieErrors print as `error CODE: message`, exit 1.
import { boot, type Booted } from '../runtime/boot.js';
import { isVigieError } from '../core/errors/vigie-error.js';
import { cliIo, fail, warn } from './cli-io.js';

export async function withServices(fn: (b: Booted) => Promise<void>, opts: { configDir?: string } = {}): Promise<void> {
  let booted: Booted | undefined;
  try {
    booted = await boot({ embedded: false, configDir: opts.configDir, env: cliIo().env });
    await fn(booted);
  } catch (err) {
    if (!isVigieError(err)) throw err;
    warn(`error ${err.code}: ${err.message}`);
    fail();
  } finally {
    await booted?.services.close();
  }
}

export function printJson(value: unknown): void {
  cliIo().stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
