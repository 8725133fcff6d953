// Placeholder until the 'config' command lands; replaced by its owner.
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('config').description('(not yet available)').action(() => {
    console.error('vigie config: not yet available');
    process.exitCode = 2;
  });
}
