// Placeholder until the 'check-source' command lands; replaced by its owner.
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('check-source').description('(not yet available)').action(() => {
    console.error('vigie check-source: not yet available');
    process.exitCode = 2;
  });
}
