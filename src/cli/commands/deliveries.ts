// `vigie deliveries [--dead]`, `vigie deliveries show <id>`, `vigie deliveries replay <id>`: the
// delivery log, the dead list, and resending a dead delivery with the same webhook-id.
import type { Command } from 'commander';
import { JOB_OPTIONS } from '../../adapters/queue/queues.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import { printJson, withServices } from '../with-services.js';

export function register(program: Command): void {
  const deliveries = program.command('deliveries')
    .description('list deliveries (--dead for those that exhausted their retries), show attempts, replay')
    .option('--dead', 'only dead deliveries')
    .option('--subscription <id>', 'deliveries of one subscription')
    .option('--json', 'JSON output')
    .action(async (o: { dead?: boolean; subscription?: string; json?: boolean }) => withServices(async ({ services }) => {
      const ids = o.dead || !o.subscription ? await services.alerts.listDead() : await services.alerts.listDeliveryIds(o.subscription);
      const rows = (await Promise.all(ids.map((id) => services.alerts.getDelivery(id)))).filter((d) => d !== undefined);
      if (o.json) return printJson(rows);
      if (rows.length === 0) return console.log(o.dead || !o.subscription ? 'no dead deliveries' : 'no deliveries');
      for (const d of rows) console.log(`${d.id}  ${d.status.padEnd(9)} attempts=${d.attempts} sub=${d.subscriptionId} last=${d.lastError ?? '-'}`);
    }));
  deliveries.command('show <id>')
    .description('one delivery with its attempt log')
    .action(async (id: string) => withServices(async ({ services }) => {
      const d = await services.alerts.getDelivery(id);
      if (!d) throw new VigieError('NOT_FOUND', 'deliveries', `no delivery ${id}`);
      printJson({ ...d, attemptLog: await services.alerts.attempts(id) });
    }));
  deliveries.command('replay <id>')
    .description('send a dead (or failed) delivery again, with the same webhook-id / Message-ID')
    .action(async (id: string) => withServices(async ({ services }) => {
      if (!(await services.alerts.resetForReplay(id))) throw new VigieError('NOT_FOUND', 'deliveries', `no dead or failed delivery ${id}`);
      await services.queues.deliver.add('deliver', { deliveryId: id }, { ...JOB_OPTIONS.deliver, jobId: `${id}-replay-${Date.now()}` });
      console.log(`delivery ${id} queued for replay`);
    }));
}
