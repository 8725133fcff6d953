// The `vigie` command line: one program, one sub-command per file under ./commands/ (listed in
// command-table.ts). Only the module of the command being run is imported; the others stand in the
// program as their name and description, which is all the top-level help shows.
import { Command } from 'commander';
import { COMMANDS } from './command-table.js';

/** The command the arguments name: the first word that is not an option ("help X" names X). */
export function commandNamed(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('vigie')
    .description('vigie: news-feed monitoring and alerting (regions and actors in French, English and Arabic)')
    .version('0.1.0')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
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
