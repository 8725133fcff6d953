// `vigie` run inside the caller's process: the arguments after `vigie`, the streams and environment
// the commands see, and the exit code the process would have had. Tests use it instead of spawning
// node for every command; `start`, `worker` and `api` own their process (signals, exit) and stay out.
import { Readable, type Writable } from 'node:stream';
import { CommanderError } from 'commander';
import { withCliIo, type CliIo } from './cli-io.js';
import { buildProgram, describeFailure } from './main.js';

export interface RunCliIo {
  stdout: Writable;
  stderr: Writable;
  /** The command's environment, whole: nothing of process.env is added to it. */
  env: NodeJS.ProcessEnv;
  /** stdin: a stream, or its whole text; nothing (an empty stdin) when absent. */
  stdin?: Readable | string;
}

const PROCESS_COMMANDS = new Set(['start', 'api', 'worker', 'demo']);

export async function runCli(args: readonly string[], io: RunCliIo): Promise<number> {
  const stdin = io.stdin instanceof Readable ? io.stdin : Readable.from(io.stdin === undefined || io.stdin === '' ? [] : [Buffer.from(io.stdin)]);
  const scope: CliIo = { stdout: io.stdout, stderr: io.stderr, stdin, env: io.env, exitCode: 0 };
  const argv = ['node', 'vigie', ...args];
  return withCliIo(scope, async () => {
    try {
      const program = await buildProgram(argv, { exitOverride: true });
      const named = program.commands.find((c) => c.name() === args.find((a) => !a.startsWith('-')));
      if (named && PROCESS_COMMANDS.has(named.name()) && !args.includes('--help')) {
        throw new Error(`vigie ${named.name()} runs only as its own process (bin/vigie.js), not through runCli`);
      }
      await program.parseAsync(argv);
      return scope.exitCode;
    } catch (err) {
      if (err instanceof CommanderError) return err.exitCode;
      io.stderr.write(`${describeFailure(err)}\n`);
      return 1;
    }
  });
}
