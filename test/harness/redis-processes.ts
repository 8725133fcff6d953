// Finds the redis-server processes working in a folder, by reading /proc (Linux): redis-server
// rewrites its command line, but it chdirs into its --dir, so its cwd names the data folder.
import fs from 'node:fs';
import path from 'node:path';

export function redisServersIn(dir: string): number[] {
  const want = fs.realpathSync(path.resolve(dir));
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'redis-server') continue;
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === want) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** Ends the given processes (redis-servers a failed test left behind, found by redisServersIn). */
export function killAll(pids: number[]): void {
  for (const pid of pids) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}
