// The web page (/) and the admin queue page (/admin/queues): plain HTML, CSS and JS read once from
// src/api/web/ (tsc copies no assets, so they are found from the package root). No build step.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../../config/load-entities.js';

const ASSETS: Array<{ url: string; file: string; type: string }> = [
  { url: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { url: '/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { url: '/app.css', file: 'app.css', type: 'text/css; charset=utf-8' },
  { url: '/admin/queues', file: 'queues.html', type: 'text/html; charset=utf-8' },
  { url: '/queues.js', file: 'queues.js', type: 'text/javascript; charset=utf-8' },
];

// Scripts and styles only from this origin: user text is never interpreted as markup or code.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function webDir(): string {
  return path.join(packageRoot(), 'src', 'api', 'web');
}

export async function webRoutes(app: FastifyInstance): Promise<void> {
  const dir = webDir();
  for (const asset of ASSETS) {
    const body = fs.readFileSync(path.join(dir, asset.file));
    app.get(asset.url, { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply.type(asset.type).header('content-security-policy', CSP).header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-cache').send(body));
  }
}
