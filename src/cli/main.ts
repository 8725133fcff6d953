// The `vigie` command line: one program, one sub-command per file under ./commands/ (listed in
// command-table.ts). Only the module of the command being run is imported; the others stand in the
// program as their name and description, which is all the top-level help shows.
import { Command } from 'commander';
import { COMMANDS } from './command-table.js';
import { cliIo } from './cli-io.js';

/** The command the arguments name: the first word that is not an option ("help X" names X). */
export function commandNamed(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * With `exitOverride`, help, --version and usage errors throw commander's error (its exitCode) instead
 * of ending the process: runCli needs that to run commands inside the caller's process.
 */
export async function buildProgram(argv: readonly string[] = process.argv, opts: { exitOverride?: boolean } = {}): Promise<Command> {
  const program = new Command('vigie')
    .description('vigie: news-feed monitoring and alerting (regions and actors in French, English and Arabic)')
    .version('0.1.0')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true })
    // Looked up at each write: the io of the command running (runCli's, else the process's).
    .configureOutput({ writeOut: (s) => cliIo().stdout.write(s), writeErr: (s) => cliIo().stderr.write(s) });
  if (opts.exitOverride) program.exitOverride();
  const wanted = COMMANDS.find((c) => c.name === commandNamed(argv.slice(2)));
  // Its module may declare a sibling too (start.ts has start and api): the placeholders fill the rest.
  if (wanted !== undefined) (await wanted.load()).register(program);
  for (const entry of COMMANDS) {
    if (!program.commands.some((c) => c.name() === entry.name)) program.command(entry.name).description(entry.description);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await (await buildProgram(argv)).parseAsync(argv);
}

/** What a command that threw prints: `error CODE: message` for a coded error, else the stack. */
export function describeFailure(err: unknown): string {
  const e = err as { code?: string; message?: string; stack?: string };
  if (typeof e?.code === 'string' && /^[A-Z_]+$/.test(e.code)) return `error ${e.code}: ${e.message}`;
  return e?.stack ?? String(err);
}
