// The shipped entity catalog for tests, compiled once per build and kept as a matcher snapshot in
// dist/test-cache, which every test process of that build reads (a compile costs ~8 s of CPU, a snapshot
// read ~0.4 s; a suite has dozens of processes that need the catalog). Must not change what a test sees:
// the snapshot holds the same entities and a matcher that matches alike (matcher-snapshot.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEntitiesCached, loadMatcher, snapshotFile, snapshotKey } from '../../src/config/matcher-cache.js';
import type { Entity } from '../../src/core/entities/entity.js';
import type { Matcher } from '../../src/core/match/compile-matcher.js';
import { repoRoot } from './paths.js';

export const shippedEntitiesDir = path.join(repoRoot, 'config', 'entities');
/** Next to the build it was made from (dist is per checkout), so two checkouts never prune each other's. */
const sharedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-cache');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The path of the shipped catalog's snapshot, compiled and written first if this build has none. One
 * process compiles (it holds a lock file naming its pid); the others wait for the file instead of
 * compiling the same thing on the same two cores. A lock left by a dead process is taken over.
 */
export async function shippedSnapshot(): Promise<string> {
  const file = snapshotFile(sharedDir, snapshotKey(shippedEntitiesDir));
  const lock = path.join(sharedDir, 'compile.lock');
  fs.mkdirSync(sharedDir, { recursive: true });
  for (;;) {
    if (fs.existsSync(file)) return file;
    let fd: number | undefined;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fd !== undefined) {
      try {
        fs.writeSync(fd, String(process.pid));
        await loadMatcher({ entitiesDir: shippedEntitiesDir, cacheDir: sharedDir });
      } finally {
        fs.closeSync(fd);
        fs.rmSync(lock, { force: true });
      }
      if (!fs.existsSync(file)) throw new Error(`the shipped catalog's snapshot could not be written to ${sharedDir}`);
      return file;
    }
    let owner: number;
    try {
      owner = Number(fs.readFileSync(lock, 'utf8'));
    } catch {
      continue; // released meanwhile: the snapshot is there, or the lock is free
    }
    // An empty lock is one being written this instant: only a named, dead owner is taken over.
    if (owner > 0 && !alive(owner)) fs.rmSync(lock, { force: true });
    else await new Promise((r) => setTimeout(r, 100));
  }
}

let catalog: Promise<{ entities: Entity[]; matcher: Matcher }> | undefined;

/** The shipped entities and their compiled matcher, read from the shared snapshot (once per process). */
export function shippedCatalog(): Promise<{ entities: Entity[]; matcher: Matcher }> {
  catalog ??= (async () => {
    const matcher = await readShippedMatcher();
    return { entities: await loadEntitiesCached({ entitiesDir: shippedEntitiesDir, cacheDir: sharedDir }), matcher };
  })();
  return catalog;
}

/** A matcher of its own (its own WebAssembly scanner, as a compile leaves it), read anew from the snapshot. */
export async function readShippedMatcher(): Promise<Matcher> {
  await shippedSnapshot();
  const { matcher, origin } = await loadMatcher({ entitiesDir: shippedEntitiesDir, cacheDir: sharedDir });
  if (origin !== 'snapshot') throw new Error('the shipped catalog was compiled again instead of read from its snapshot');
  return matcher;
}

/**
 * Puts the shipped catalog's snapshot (a symbolic link to it) in a process's cache folder, so a `vigie
 * match` or `vigie entities` run with VIGIE_CACHE_DIR there reads it instead of compiling.
 */
export async function linkShippedSnapshot(cacheDir: string): Promise<void> {
  linkSnapshot(await shippedSnapshot(), cacheDir);
}

function linkSnapshot(file: string, cacheDir: string): void {
  const link = path.join(cacheDir, path.basename(file));
  try {
    fs.symlinkSync(file, link);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/**
 * The same link when this build's snapshot is already written, else nothing (a process started then
 * compiles the catalog itself, as it would in production). Run before each child process starts: a
 * child that compiled another catalog into the folder has replaced the link with its own snapshot.
 */
export function linkShippedSnapshotIfBuilt(cacheDir: string): void {
  const file = snapshotFile(sharedDir, snapshotKey(shippedEntitiesDir));
  if (fs.existsSync(file)) linkSnapshot(file, cacheDir);
}
