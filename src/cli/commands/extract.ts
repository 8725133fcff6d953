// Placeholder until the 'extract' command lands; replaced by its owner.
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('extract').description('(not yet available)').action(() => {
    console.error('vigie extract: not yet available');
    process.exitCode = 2;
  });
}
