// Placeholder until the 'worker' command lands; replaced by its owner.
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('worker').description('(not yet available)').action(() => {
    console.error('vigie worker: not yet available');
    process.exitCode = 2;
  });
}
