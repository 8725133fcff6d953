// The web page (/) and the admin queue page (/admin/queues): plain HTML, CSS and JS read once from
// src/api/web/ (tsc copies no assets, so they are found from the package root). No build step. The alert
// map's outlines and drawing libraries are served from here too (no CDN, no tile server).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../../config/load-entities.js';

const JS = 'text/javascript; charset=utf-8';
/** `file` is under src/api/web/, or under node_modules/ when `vendor` is set (the packages' own builds). */
const ASSETS: Array<{ url: string; file: string; type: string; vendor?: boolean }> = [
  { url: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { url: '/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { url: '/app.css', file: 'app.css', type: 'text/css; charset=utf-8' },
  { url: '/admin/queues', file: 'queues.html', type: 'text/html; charset=utf-8' },
  { url: '/queues.js', file: 'queues.js', type: 'text/javascript; charset=utf-8' },
  { url: '/map.js', file: 'map.js', type: JS },
  { url: '/map/boundaries.json', file: 'map/boundaries.json', type: 'application/json; charset=utf-8' },
  { url: '/map/ATTRIBUTION.txt', file: 'map/ATTRIBUTION.txt', type: 'text/plain; charset=utf-8' },
  { url: '/vendor/d3-array.min.js', file: 'd3-array/dist/d3-array.min.js', type: JS, vendor: true },
  { url: '/vendor/d3-geo.min.js', file: 'd3-geo/dist/d3-geo.min.js', type: JS, vendor: true },
  { url: '/vendor/topojson-client.min.js', file: 'topojson-client/dist/topojson-client.min.js', type: JS, vendor: true },
];

// Scripts and styles only from this origin: user text is never interpreted as markup or code.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function webDir(): string {
  return path.join(packageRoot(), 'src', 'api', 'web');
}

export async function webRoutes(app: FastifyInstance): Promise<void> {
  const dir = webDir();
  for (const asset of ASSETS) {
    const body = fs.readFileSync(asset.vendor ? path.join(packageRoot(), 'node_modules', asset.file) : path.join(dir, asset.file));
    app.get(asset.url, { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply.type(asset.type).header('content-security-policy', CSP).header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-cache').send(body));
  }
}
