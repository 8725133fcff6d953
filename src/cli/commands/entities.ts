// Placeholder until the 'entities' command lands; replaced by its owner.
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('entities').description('(not yet available)').action(() => {
    console.error('vigie entities: not yet available');
    process.exitCode = 2;
  });
}
