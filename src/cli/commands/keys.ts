// `vigie keys create|list|revoke`: API keys for the HTTP API. A key is printed once at creation and
// stored only as its SHA-256 hash; subscriber keys see only their own subscriptions.
import type { Command } from 'commander';
import { createApiKeyStore, type ApiRole } from '../../adapters/redis/api-key-store.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import { displayNameProblem } from '../../core/model/display-name.js';
import { printJson, withServices } from '../with-services.js';
import { describe } from '../command-table.js';
import { say } from '../cli-io.js';

export function register(program: Command): void {
  const keys = program.command('keys').description(describe('keys'));
  keys.command('create')
    .description('create an API key; prints it once (it is stored hashed and cannot be shown again)')
    .requiredOption('--role <role>', 'admin (manages everything) or subscriber (only its own subscriptions)')
    .requiredOption('--name <name>', 'who or what uses this key')
    .option('--json', 'print {"id","key","role","name"} as JSON')
    .action(async (o: { role: string; name: string; json?: boolean }) => withServices(async ({ services }) => {
      if (o.role !== 'admin' && o.role !== 'subscriber') throw new VigieError('CONFIG_INVALID', 'keys', `--role must be admin or subscriber, not "${o.role}"`);
      const name = o.name.trim();
      if (name === '' || name.length > 200) throw new VigieError('CONFIG_INVALID', 'keys', '--name must be 1 to 200 characters');
      const problem = displayNameProblem(name);
      if (problem) throw new VigieError('CONFIG_INVALID', 'keys', `--name ${problem}`);
      const { key, record } = await createApiKeyStore(services.redis, services.keys).create({ name, role: o.role as ApiRole, now: services.clock() });
      if (o.json) return printJson({ ...record, key });
      say(`key ${record.id} (${record.role}, ${record.name}) created; shown once:\n${key}`);
    }));
  keys.command('list')
    .description('list API keys (ids, roles, names, creation and revocation times; never the keys)')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => withServices(async ({ services }) => {
      const all = await createApiKeyStore(services.redis, services.keys).list();
      if (o.json) return printJson(all);
      if (all.length === 0) return say('no API keys (create one with `vigie keys create --role admin --name me`)');
      for (const k of all) say(`${k.id}  ${k.role.padEnd(10)} ${k.hint}...  ${k.createdAt}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.name}`);
    }));
  keys.command('revoke <id>')
    .description('revoke an API key at once (by its id from `vigie keys list`)')
    .action(async (id: string) => withServices(async ({ services }) => {
      if (!(await createApiKeyStore(services.redis, services.keys).revoke(id, services.clock()))) throw new VigieError('NOT_FOUND', 'keys', `no key ${id}`);
      say(`key ${id} revoked`);
    }));
}
