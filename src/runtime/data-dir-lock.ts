// The data folder's lock, `<data>/vigie.lock`: one `vigie start` (and so one embedded redis-server,
// one AOF) per folder. It records who holds it (pid + start time, host) and that holder's Redis, so a
// second start names the running one and one-shot commands find its Redis. It does not start anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VigieError } from '../core/errors/vigie-error.js';
import { processAlive, processStartTime } from './process-alive.js';

export interface LockHolder {
  pid: number;
  /** From /proc: tells the holder from an unrelated process that got its pid after a crash. */
  startTime?: string;
  host: string;
  startedAt: string;
  redisUrl?: string;
  redisPid?: number;
  redisStartTime?: string;
  http?: string;
}

export interface DataDirLock {
  /** The holder of a stale lock taken over (a killed run), if any, and whether its Redis had to be stopped. */
  recovered?: { holder: LockHolder; orphanRedisStopped: boolean };
  update(fields: Partial<LockHolder>): void;
  release(): void;
}

export function lockFile(dataDir: string): string {
  return path.resolve(dataDir, 'vigie.lock');
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(h.pid) && h.pid > 0 ? h : undefined;
  } catch {
    return undefined;
  }
}

function holderAlive(h: LockHolder): boolean {
  // A holder on another host (a folder shared over the network) cannot be checked: assume it runs.
  return h.host !== os.hostname() || processAlive(h.pid, h.startTime);
}

/** The live holder of this folder's lock, if any (a stale lock left by a killed run is ignored). */
export function runningHolder(dataDir: string): LockHolder | undefined {
  const h = readHolder(lockFile(dataDir));
  return h && holderAlive(h) ? h : undefined;
}

function describe(h: LockHolder): string {
  const where = h.host === os.hostname() ? '' : ` on host ${h.host}`;
  const extra = [h.http && `API ${h.http}`, h.redisUrl && `Redis ${h.redisUrl}`].filter(Boolean).join(', ');
  return `vigie start pid ${h.pid}${where} (since ${h.startedAt}${extra ? `, ${extra}` : ''})`;
}

function lockedError(dataDir: string, h: LockHolder): VigieError {
  return new VigieError('DATA_DIR_LOCKED', 'data-dir', `the data folder ${path.resolve(dataDir)} is in use by ${describe(h)}; `
    + 'stop that one first, or give this one another VIGIE_DATA_DIR', { details: { pid: h.pid, host: h.host } });
}

/** Writes the record whole, then links it in: a reader never sees a half-written lock. */
function writeFresh(file: string, h: LockHolder): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(h));
  try {
    fs.linkSync(tmp, file); // fails with EEXIST when the lock is held: the atomic "create if absent"
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * A killed run's redis-server normally stops by itself (its watcher sees vigie go), but it may still be
 * writing its AOF; a second server on the same files must not start before it is gone. Only a process
 * proven to be that server (same pid and start time) is signalled.
 */
async function stopOrphanRedis(h: LockHolder): Promise<boolean> {
  if (!h.redisPid || h.redisStartTime === undefined || !processAlive(h.redisPid, h.redisStartTime)) return false;
  for (const [signal, waitMs] of [['SIGTERM', 10_000], ['SIGKILL', 5_000]] as const) {
    try { process.kill(h.redisPid, signal); } catch { return true; }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!processAlive(h.redisPid, h.redisStartTime)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new VigieError('DATA_DIR_LOCKED', 'data-dir', `the redis-server (pid ${h.redisPid}) of a killed vigie start does not stop`);
}

/** Moves a stale lock aside; if a live start took the folder meanwhile, puts its lock back and refuses. */
function clearStale(dataDir: string, file: string): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // another start cleared it first
    throw err;
  }
  const moved = readHolder(aside);
  if (moved && holderAlive(moved)) {
    try { fs.linkSync(aside, file); } catch { /* a third start holds it now; it keeps it */ }
    fs.rmSync(aside, { force: true });
    throw lockedError(dataDir, moved);
  }
  fs.rmSync(aside, { force: true });
}

/** Takes the folder's lock or throws DATA_DIR_LOCKED naming the running holder. Call before starting anything. */
export async function lockDataDir(dataDir: string, now: Date): Promise<DataDirLock> {
  const file = lockFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let holder: LockHolder = { pid: process.pid, startTime: processStartTime(process.pid), host: os.hostname(), startedAt: now.toISOString() };
  let recovered: DataDirLock['recovered'];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (writeFresh(file, holder)) {
      return {
        recovered,
        update(fields) {
          holder = { ...holder, ...fields };
          const tmp = `${file}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, JSON.stringify(holder));
          fs.renameSync(tmp, file);
        },
        release() {
          const current = readHolder(file);
          if (current?.pid === holder.pid && current.startTime === holder.startTime) fs.rmSync(file, { force: true });
        },
      };
    }
    const other = readHolder(file);
    if (other && holderAlive(other)) throw lockedError(dataDir, other);
    if (other) recovered = { holder: other, orphanRedisStopped: await stopOrphanRedis(other) };
    clearStale(dataDir, file);
  }
  throw new VigieError('DATA_DIR_LOCKED', 'data-dir', `could not take the lock ${file}: other starts keep racing for it`);
}
