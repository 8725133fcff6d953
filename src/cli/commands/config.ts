// `vigie config check`: validates the environment and every config file, reporting all problems at once.
import type { Command } from 'commander';
import { loadEnv } from '../../config/env.js';
import { configDir } from '../../config/config-dir.js';
import { loadConfig } from '../../config/load-config.js';
import { isVigieError } from '../../core/errors/vigie-error.js';

export function register(program: Command): void {
  const config = program.command('config').description('inspect and validate configuration');
  config.command('check')
    .description('validate the environment and config/ (sources, entities, subscriptions); exit 1 on any problem')
    .option('--dir <path>', 'config directory (default: VIGIE_CONFIG_DIR or the package config/)')
    .option('--json', 'print a JSON report')
    .action((opts: { dir?: string; json?: boolean }) => {
      const problems: string[] = [];
      let summary = {};
      try {
        const env = loadEnv(process.env);
        const cfg = loadConfig(configDir(opts.dir ?? env.VIGIE_CONFIG_DIR));
        const kinds = cfg.entities.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.kind]: (acc[e.kind] ?? 0) + 1 }), {});
        summary = { dir: cfg.dir, sources: cfg.sources.length, entities: cfg.entities.length, entityKinds: kinds, subscriptions: cfg.subscriptions.length };
      } catch (err) {
        if (!isVigieError(err)) throw err;
        problems.push(...(Array.isArray(err.details.problems) ? (err.details.problems as string[]) : [err.message]));
      }
      if (opts.json) console.log(JSON.stringify({ ok: problems.length === 0, ...summary, problems }, null, 2));
      else if (problems.length === 0) console.log(`config ok: ${JSON.stringify(summary)}`);
      else console.error(`config has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
      if (problems.length > 0) process.exitCode = 1;
    });
}
