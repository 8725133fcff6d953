// Runs a management command against the Redis named by REDIS_URL (unset: the embedded one of the
// `vigie start` running on this data folder; never a guessed default), then closes every connection
// so the process exits. VigieErrors print as `error CODE: message`, exit 1.
import { boot, type Booted } from '../runtime/boot.js';
import { isVigieError } from '../core/errors/vigie-error.js';

export async function withServices(fn: (b: Booted) => Promise<void>, opts: { configDir?: string } = {}): Promise<void> {
  let booted: Booted | undefined;
  try {
    booted = await boot({ embedded: false, configDir: opts.configDir });
    await fn(booted);
  } catch (err) {
    if (!isVigieError(err)) throw err;
    console.error(`error ${err.code}: ${err.message}`);
    process.exitCode = 1;
  } finally {
    await booted?.services.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
