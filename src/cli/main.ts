// The `vigie` command line: one program, one sub-command per file under ./commands/.
// Each command module exports `register(program)`; this file only assembles them.
import { Command } from 'commander';
import { register as registerStart } from './commands/start.js';
import { register as registerWorker } from './commands/worker.js';
import { register as registerConfig } from './commands/config.js';
import { register as registerCheckSource } from './commands/check-source.js';
import { register as registerExtract } from './commands/extract.js';
import { register as registerMatch } from './commands/match.js';
import { register as registerEntities } from './commands/entities.js';
import { register as registerSources } from './commands/sources.js';
import { register as registerSubscriptions } from './commands/subscriptions.js';
import { register as registerDeliveries } from './commands/deliveries.js';
import { register as registerEvents } from './commands/events.js';
import { register as registerDemo } from './commands/demo.js';
import { register as registerKeys } from './commands/keys.js';

export function buildProgram(): Command {
  const program = new Command('vigie')
    .description('vigie: news-feed monitoring and alerting (regions and actors in French, English and Arabic)')
    .version('0.1.0')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  for (const register of [
    registerStart, registerWorker, registerConfig, registerCheckSource, registerExtract, registerMatch, registerEntities,
    registerSources, registerSubscriptions, registerDeliveries, registerEvents, registerDemo, registerKeys,
  ]) {
    register(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
