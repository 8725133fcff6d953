// `vigie deliveries [--held|--dead]`, `vigie deliveries show <id>`, `vigie deliveries replay <id>`: what
// still waits (pending, retrying: with the next attempt time) and what is held for a disabled channel,
// the dead list, one delivery's attempt log, and resending a dead delivery with the same webhook-id.
import type { Command } from 'commander';
import { JOB_OPTIONS } from '../../adapters/queue/queues.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import type { Delivery } from '../../core/model/alert.js';
import { printJson, withServices } from '../with-services.js';
import { describe } from '../command-table.js';
import { say } from '../cli-io.js';

function line(d: Delivery): string {
  const when = d.status === 'held' ? `held since ${d.heldSince ?? '-'} (${d.heldReason ?? 'channel disabled'})`
    : d.nextAttemptAt && (d.status === 'pending' || d.status === 'failed' || d.status === 'sending') ? `next ${d.nextAttemptAt}` : '';
  return `${d.id}  ${d.status.padEnd(9)} attempts=${d.attempts} sub=${d.subscriptionId}${when ? `  ${when}` : ''}  last=${d.lastError ?? '-'}`;
}

export function register(program: Command): void {
  const deliveries = program.command('deliveries')
    .description(describe('deliveries'))
    .option('--dead', 'only dead deliveries (retries exhausted)')
    .option('--held', 'only deliveries held for a disabled webhook channel')
    .option('--subscription <id>', 'every delivery of one subscription, newest first')
    .option('--json', 'JSON output')
    .action(async (o: { dead?: boolean; held?: boolean; subscription?: string; json?: boolean }) => withServices(async ({ services }) => {
      const a = services.alerts;
      const ids = o.dead ? await a.listDead() : o.held ? await a.listHeld() : o.subscription ? await a.listDeliveryIds(o.subscription)
        : [...await a.listWaiting(), ...await a.listHeld()];
      const rows = (await Promise.all(ids.map((id) => a.getDelivery(id))))
        .filter((d): d is Delivery => d !== undefined && (!o.subscription || d.subscriptionId === o.subscription));
      if (o.json) return printJson(rows);
      const what = o.dead ? 'dead' : o.held ? 'held' : o.subscription ? '' : 'pending, retrying or held';
      if (rows.length === 0) return say(`no ${what ? `${what} ` : ''}deliveries`);
      for (const d of rows) say(line(d));
    }));
  deliveries.command('show <id>')
    .description('one delivery with its attempt log')
    .action(async (id: string) => withServices(async ({ services }) => {
      const d = await services.alerts.getDelivery(id);
      if (!d) throw new VigieError('NOT_FOUND', 'deliveries', `no delivery ${id}`);
      printJson({ ...d, attemptLog: await services.alerts.attempts(id) });
    }));
  deliveries.command('replay <id>')
    .description('send a dead (or failed, submitted, discarded) delivery again, with the same webhook-id / Message-ID')
    .action(async (id: string) => withServices(async ({ services }) => {
      if (!(await services.alerts.resetForReplay(id))) throw new VigieError('NOT_FOUND', 'deliveries', `no dead, failed, submitted or discarded delivery ${id}`);
      await services.queues.deliver.add('deliver', { deliveryId: id }, { ...JOB_OPTIONS.deliver, jobId: `${id}-replay-${Date.now()}` });
      say(`delivery ${id} queued for replay`);
    }));
}
