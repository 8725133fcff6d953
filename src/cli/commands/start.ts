// Placeholder until the 'start' command lands; replaced by its owner.
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('start').description('(not yet available)').action(() => {
    console.error('vigie start: not yet available');
    process.exitCode = 2;
  });
}
