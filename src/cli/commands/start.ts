// `vigie start` (workers + HTTP in one process, the default), `vigie worker` and `vigie api`.
import type { Command } from 'commander';
import { runService } from '../../runtime/run-service.js';
import { describe } from '../command-table.js';

export function register(program: Command): void {
  program.command('start')
    .description(describe('start'))
    .option('--port <port>', 'HTTP port (default VIGIE_HTTP_PORT or 8080)', (v) => Number(v))
    .option('--host <host>', 'HTTP host (default VIGIE_HTTP_HOST or 127.0.0.1)')
    .option('--config <dir>', 'config directory (default VIGIE_CONFIG_DIR or the package config/)')
    .action(async (o: { port?: number; host?: string; config?: string }) => {
      await runService({ workers: true, api: true, embedded: true, port: o.port, host: o.host, configDir: o.config });
    });
  program.command('api')
    .description(describe('api'))
    .option('--port <port>', 'HTTP port (default VIGIE_HTTP_PORT or 8080)', (v) => Number(v))
    .option('--host <host>', 'HTTP host')
    .option('--config <dir>', 'config directory')
    .action(async (o: { port?: number; host?: string; config?: string }) => {
      await runService({ workers: false, api: true, embedded: false, port: o.port, host: o.host, configDir: o.config });
    });
}
