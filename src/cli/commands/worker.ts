// `vigie worker`: a worker process (poll, article, deliver, digest, websub and update queues) against REDIS_URL; run
// as many as the load needs, on as many machines, against the same Redis.
import type { Command } from 'commander';
import { runService } from '../../runtime/run-service.js';
import { describe } from '../command-table.js';

export function register(program: Command): void {
  program.command('worker')
    .description(describe('worker'))
    .option('--config <dir>', 'config directory')
    .action(async (o: { config?: string }) => {
      await runService({ workers: true, api: false, embedded: false, configDir: o.config });
    });
}
