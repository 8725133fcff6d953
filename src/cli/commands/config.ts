// `vigie config check`: reports, with its code, everything `vigie start` would refuse in the environment
// and config/ (checkSetup is the one list both use), all at once; exit 1 on any problem.
import type { Command } from 'commander';
import { checkSetup } from '../../config/check-setup.js';
import { describe } from '../command-table.js';

export function register(program: Command): void {
  const config = program.command('config').description(describe('config'));
  config.command('check')
    .description('report everything `vigie start` would refuse in the environment and config/ (sources, entities, subscriptions), each with its code; exit 1 on any problem')
    .option('--dir <path>', 'config directory (default: VIGIE_CONFIG_DIR or the package config/)')
    .option('--json', 'print a JSON report: {ok, ..., problems: [{code, message}]}')
    .action((opts: { dir?: string; json?: boolean }) => {
      const { setup, problems } = checkSetup(process.env, opts.dir);
      const cfg = setup?.config;
      const kinds = cfg?.entities.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.kind]: (acc[e.kind] ?? 0) + 1 }), {});
      const summary = cfg ? { dir: cfg.dir, sources: cfg.sources.length, entities: cfg.entities.length, entityKinds: kinds, subscriptions: cfg.subscriptions.length } : {};
      if (opts.json) console.log(JSON.stringify({ ok: problems.length === 0, ...summary, problems }, null, 2));
      else if (problems.length === 0) console.log(`config ok: ${JSON.stringify(summary)}`);
      else console.error(`config has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p.code} ${p.message}`).join('\n')}`);
      if (problems.length > 0) process.exitCode = 1;
    });
}
