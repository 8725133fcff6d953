// Runs a `vigie` command in the test process (runCli) with the environment runVigie gives a child
// process, and returns what it printed: the same verdicts as a spawned CLI without a node start-up and
// module load per command. Start-up, signals and exit codes keep their real-process tests (runVigie).
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { runCli } from '../../src/cli/run-cli.js';
import { preparedCacheDir } from './vigie-process.js';

/** A stream that keeps what is written to it as text (decoded as a stream: Arabic may span chunks). */
function textSink(): Writable & { text(): string } {
  const decoder = new StringDecoder('utf8');
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      text += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      done();
    },
  });
  return Object.assign(sink, { text: () => text + decoder.end() });
}

export async function runCliCaptured(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = textSink();
  const stderr = textSink();
  const code = await runCli(args, {
    stdout, stderr, stdin: input,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', VIGIE_LOG_LEVEL: 'warn', VIGIE_CACHE_DIR: preparedCacheDir(), ...env },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
