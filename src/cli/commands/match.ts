// Placeholder until the 'match' command lands; replaced by its owner.
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('match').description('(not yet available)').action(() => {
    console.error('vigie match: not yet available');
    process.exitCode = 2;
  });
}
