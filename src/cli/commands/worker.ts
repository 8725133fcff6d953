// `vigie worker`: a worker process (poll, article, deliver, digest queues) against REDIS_URL; run
// as many as the load needs, on as many machines, against the same Redis.
import type { Command } from 'commander';
import { runService } from '../../runtime/run-service.js';

export function register(program: Command): void {
  program.command('worker')
    .description('run queue workers only (poll, article, deliver, digest) against REDIS_URL (or the Redis of a `vigie start` on the same data folder); start more to scale out')
    .option('--config <dir>', 'config directory')
    .action(async (o: { config?: string }) => {
      await runService({ workers: true, api: false, embedded: false, configDir: o.config });
    });
}
