// Entry of the small process between `vigie start` and its embedded redis-server: it runs redis-server
// with the arguments it was given and stops it (SIGTERM: the AOF is flushed) when vigie goes, however
// vigie goes. It never talks to Redis.
//
// Why a watcher on a pipe: vigie holds the other end of this process's stdin. When vigie exits, even
// by SIGKILL or the OOM killer, the kernel closes that end and stdin reads end-of-file here, with no
// race at start-up (if vigie is already gone, the first read is EOF). Linux's PR_SET_PDEATHSIG would
// need a native addon (or setpriv, absent from some images) and fires when the forking *thread* exits.
import { spawn } from 'node:child_process';

const redis = spawn('redis-server', process.argv.slice(2), { stdio: 'ignore' });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  if (redis.exitCode === null && redis.signalCode === null) redis.kill('SIGTERM');
};

// vigie reads redis-server's pid from the first line (it records it in the data folder's lock).
process.stdout.on('error', () => undefined); // vigie may be gone already: nothing to tell
redis.once('spawn', () => process.stdout.write(`${redis.pid}\n`));
redis.once('error', () => process.exit(127));
redis.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, stop);
