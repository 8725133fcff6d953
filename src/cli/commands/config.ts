// `vigie config check`: reports, with its code, everything `vigie start` would refuse in the environment
// and config/ (checkSetup is the one list both use), all at once; exit 1 on any problem.
import type { Command } from 'commander';
import { checkSetup } from '../../config/check-setup.js';
import { describe } from '../command-table.js';
import { cliIo, fail, say, warn } from '../cli-io.js';

export function register(program: Command): void {
  const config = program.command('config').description(describe('config'));
  config.command('check')
    .description('report everything `vigie start` would refuse in the environment and config/ (sources, entities, subscriptions), each with its code; exit 1 on any problem')
    .option('--dir <path>', 'config directory (default: VIGIE_CONFIG_DIR or the package config/)')
    .option('--json', 'print a JSON report: {ok, ..., problems: [{code, message}]}')
    .action((opts: { dir?: string; json?: boolean }) => {
      const { setup, problems } = checkSetup(cliIo().env, opts.dir);
      const cfg = setup?.config;
      const kinds = cfg?.entities.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.kind]: (acc[e.kind] ?? 0) + 1 }), {});
      const summary = cfg ? { dir: cfg.dir, sources: cfg.sources.length, entities: cfg.entities.length, entityKinds: kinds, subscriptions: cfg.subscriptions.length } : {};
      if (opts.json) say(JSON.stringify({ ok: problems.length === 0, ...summary, problems }, null, 2));
      else if (problems.length === 0) say(`config ok: ${JSON.stringify(summary)}`);
      else warn(`config has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p.code} ${p.message}`).join('\n')}`);
      if (problems.length > 0) fail();
    });
}
