// Whether a pid recorded earlier still names the same live process. On Linux /proc gives each
// process's start time, so a pid reused by an unrelated process after a crash is not taken for it.
import fs from 'node:fs';

const HAS_PROC = fs.existsSync('/proc/self/stat');

interface ProcStat { state: string; startTime: string }

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): state is field 3,
    // starttime field 22 (proc(5)).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0] ?? '', startTime: rest[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** The process's start time (clock ticks since boot) on Linux; undefined elsewhere. */
export function processStartTime(pid: number): string | undefined {
  return readStat(pid)?.startTime;
}

/** True while `pid` runs and, when a start time was recorded, is still the process that had it. */
export function processAlive(pid: number, startTime?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (!HAS_PROC) return true;
  const stat = readStat(pid);
  if (!stat || stat.state === 'Z') return false; // a zombie is dead, only not yet reaped
  return startTime === undefined || stat.startTime === startTime;
}
