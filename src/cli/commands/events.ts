// `vigie events`: what an admin should know without reading logs (webhook endpoints disabled by a 410,
// whether their owner was emailed; re-enabled, with the fate of their held deliveries), newest first.
import type { Command } from 'commander';
import { printJson, withServices } from '../with-services.js';
import { describe } from '../command-table.js';
import { say } from '../cli-io.js';

export function register(program: Command): void {
  program.command('events')
    .description(describe('events'))
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'JSON output')
    .action(async (o: { limit: string; json?: boolean }) => withServices(async ({ services }) => {
      const events = await services.events.list(Math.max(1, Math.min(1000, Number(o.limit) || 50)));
      if (o.json) return printJson(events);
      if (events.length === 0) return say('no events');
      for (const e of events) {
        const where = e.subscriptionId ? ` sub=${e.subscriptionId}${e.channelId ? ` channel=${e.channelId}` : ''}` : e.sourceId ? ` source=${e.sourceId}` : '';
        say(`${e.at}  ${e.event}${where}${e.notified ? ` notified=${e.notified}` : ''}  ${e.message}`);
      }
    }));
}
