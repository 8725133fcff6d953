// The compiled matcher, from a snapshot file when one was written for the same entity data and the
// same matcher code, else compiled from the entity files (and the snapshot written for next time).
// A snapshot that cannot be read is compiled again and replaced; an unwritable cache folder only costs
// the next run a compile. The loader and compiler are imported only on a miss (they load YAML and zod).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity } from '../core/entities/entity.js';
import type { Matcher } from '../core/match/compile-matcher.js';
import { readMatcherSnapshot, readSnapshotEntities, writeMatcherSnapshot, type SnapshotReader } from '../core/match/matcher-snapshot.js';

export interface MatcherSource {
  entitiesDir: string;
  /** Folder of snapshot files (cache-dir.ts); undefined: compile, read and write nothing (--no-cache). */
  cacheDir: string | undefined;
}

/** How the matcher was had: from a snapshot, or compiled (and with the snapshot written, or not). */
export type MatcherOrigin = 'snapshot' | 'compiled';

const distSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The code that shapes a compiled matcher: the matcher, the entity model and the entity loader. */
const CODE_DIRS = ['core/match', 'core/entities', 'config'];

function hashFiles(hash: ReturnType<typeof createHash>, dir: string, keep: (name: string) => boolean): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) { hashFiles(hash, file, keep); continue; }
    if (!keep(entry.name)) continue;
    hash.update(`${path.relative(distSrc, file)}\u0000`).update(fs.readFileSync(file)).update('\u0000');
  }
}

/** The matcher code's hash, taken once: the code a process runs is the code it loaded at start. */
let codeHash: string | undefined;

function matcherCodeHash(): string {
  if (codeHash === undefined) {
    const hash = createHash('sha256');
    for (const dir of CODE_DIRS) hashFiles(hash, path.join(distSrc, dir), (n) => n.endsWith('.js'));
    codeHash = hash.digest('hex');
  }
  return codeHash;
}

/**
 * The last key of each entity folder, by the size and modification time of its files (as loadEntities
 * keeps its last load): every command a test runs in process boots anew, and hashing 13 MB each time
 * would cost more than the command.
 */
const keyedBefore = new Map<string, { stamp: string; key: string }>();

/** A hash of the entity files (those loadEntities reads) and of the matcher code of this build. */
export function snapshotKey(entitiesDir: string): string {
  const names = fs.existsSync(entitiesDir) ? fs.readdirSync(entitiesDir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort() : [];
  const stamp = names.map((name) => {
    const st = fs.statSync(path.join(entitiesDir, name));
    return `${name}:${st.size}:${st.mtimeMs}`;
  }).join('|');
  const dirKey = path.resolve(entitiesDir);
  const before = keyedBefore.get(dirKey);
  if (before?.stamp === stamp) return before.key;
  const hash = createHash('sha256').update(matcherCodeHash());
  hash.update('\u0001entities\u0001');
  for (const name of names) hash.update(`${name}\u0000`).update(fs.readFileSync(path.join(entitiesDir, name))).update('\u0000');
  const key = hash.digest('hex').slice(0, 32);
  keyedBefore.set(dirKey, { stamp, key });
  return key;
}

/** The snapshot file of `key` (snapshotKey) in a cache folder. */
export const snapshotFile = (dir: string, key: string): string => path.join(dir, `matcher-${key}.snap`);

/**
 * Reads the snapshot through a descriptor kept open: the parts read on first use come from the same
 * file even if a newer run renames another over it (the process holds it until exit).
 */
function fileReader(file: string): SnapshotReader & { done(): void } {
  const fd = fs.openSync(file, 'r');
  let open = true;
  return {
    size: fs.fstatSync(fd).size,
    done() {
      if (open) fs.closeSync(fd);
      open = false;
    },
    read(offset, into) {
      let done = 0;
      while (done < into.byteLength) {
        const n = fs.readSync(fd, into, done, into.byteLength - done, offset + done);
        if (n === 0) throw new Error(`${file}: ends before byte ${offset + into.byteLength}`);
        done += n;
      }
    },
  };
}

/** The matcher of a snapshot file; undefined when there is none or it cannot be read (then compile). */
export function readSnapshot(file: string): Matcher | undefined {
  if (!fs.existsSync(file)) return undefined;
  let reader: ReturnType<typeof fileReader> | undefined;
  try {
    reader = fileReader(file);
    return readMatcherSnapshot(reader);
  } catch {
    reader?.done();
    return undefined; // corrupt, truncated, or from another format: compiled again below
  }
}

/**
 * Writes the snapshot whole or not at all (temporary file, then rename), and drops older ones; false if it
 * could not. `matcher`: compiled here, or the bytes of its snapshot as an analysis thread wrote them (no second write).
 */
export function writeSnapshot(dir: string, key: string, matcher: Matcher | Uint8Array): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = snapshotFile(dir, key);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, matcher instanceof Uint8Array ? matcher : writeMatcherSnapshot(matcher));
    fs.renameSync(tmp, file);
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith('matcher-') && name.endsWith('.snap') && path.join(dir, name) !== file) fs.rmSync(path.join(dir, name), { force: true });
    }
    return true;
  } catch {
    // A read-only or full disk: the matcher is still right, the next run compiles again.
    return false;
  }
}

async function compile(entitiesDir: string): Promise<Matcher> {
  const [{ loadEntities }, { compileMatcher }] = await Promise.all([
    import('./load-entities.js'), import('../core/match/compile-matcher.js'),
  ]);
  return compileMatcher(loadEntities(entitiesDir));
}

/** The entities a snapshot file holds (as loadEntities gave them); undefined when there is none or it cannot be read. */
export function readEntitiesOfSnapshot(file: string): Entity[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  let reader: ReturnType<typeof fileReader> | undefined;
  try {
    reader = fileReader(file);
    return readSnapshotEntities(reader);
  } catch {
    return undefined;
  } finally {
    reader?.done();
  }
}

/**
 * The entities as loadEntities gives them: from the matcher snapshot when there is one (it holds them,
 * validated and merged), else read from the files (without compiling a matcher for that).
 */
export async function loadEntitiesCached(src: MatcherSource): Promise<Entity[]> {
  const file = src.cacheDir === undefined ? undefined : snapshotFile(src.cacheDir, snapshotKey(src.entitiesDir));
  const cached = file === undefined ? undefined : readEntitiesOfSnapshot(file);
  if (cached !== undefined) return cached;
  const { loadEntities } = await import('./load-entities.js');
  return loadEntities(src.entitiesDir);
}

/**
 * Makes sure the snapshot file exists (compiling and writing it if not), for workers to read; returns
 * the file, so each worker reads it without hashing the entity files again (undefined: no cache folder).
 */
export async function prepareSnapshot(src: MatcherSource): Promise<string | undefined> {
  if (src.cacheDir === undefined) return undefined;
  const file = snapshotFile(src.cacheDir, snapshotKey(src.entitiesDir));
  if (!fs.existsSync(file)) await loadMatcher(src);
  return file;
}

export async function loadMatcher(src: MatcherSource): Promise<{ matcher: Matcher; origin: MatcherOrigin }> {
  if (src.cacheDir === undefined) return { matcher: await compile(src.entitiesDir), origin: 'compiled' };
  const key = snapshotKey(src.entitiesDir);
  const cached = readSnapshot(snapshotFile(src.cacheDir, key));
  if (cached !== undefined) return { matcher: cached, origin: 'snapshot' };
  const matcher = await compile(src.entitiesDir);
  writeSnapshot(src.cacheDir, key, matcher);
  return { matcher, origin: 'compiled' };
}
