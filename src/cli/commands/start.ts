// `vigie start` (workers + HTTP in one process, the default), `vigie worker` and `vigie api`.
import type { Command } from 'commander';
import { runService } from '../../runtime/run-service.js';

export function register(program: Command): void {
  program.command('start')
    .description('run workers and the HTTP API in one process; with REDIS_URL unset, starts its own redis-server (data in ./data)')
    .option('--port <port>', 'HTTP port (default VIGIE_HTTP_PORT or 8080)', (v) => Number(v))
    .option('--host <host>', 'HTTP host (default VIGIE_HTTP_HOST or 127.0.0.1)')
    .option('--config <dir>', 'config directory (default VIGIE_CONFIG_DIR or the package config/)')
    .action(async (o: { port?: number; host?: string; config?: string }) => {
      await runService({ workers: true, api: true, embedded: true, port: o.port, host: o.host, configDir: o.config });
    });
  program.command('api')
    .description('run only the HTTP API (scale workers separately with `vigie worker`); needs REDIS_URL, or a `vigie start` running on the same data folder')
    .option('--port <port>', 'HTTP port (default VIGIE_HTTP_PORT or 8080)', (v) => Number(v))
    .option('--host <host>', 'HTTP host')
    .option('--config <dir>', 'config directory')
    .action(async (o: { port?: number; host?: string; config?: string }) => {
      await runService({ workers: false, api: true, embedded: false, port: o.port, host: o.host, configDir: o.config });
    });
}
