// The commands of `vigie`, their one-line descriptions and where each lives. Loading a command module
// loads what it uses (Redis, BullMQ, fastify, the matcher): `vigie --help` and each command load only
// their own (main.ts), so the program starts in a fraction of the time.
import type { Command } from 'commander';

export interface CommandEntry {
  name: string;
  description: string;
  load: () => Promise<{ register(program: Command): void }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'start', description: 'run workers and the HTTP API in one process; with REDIS_URL unset, starts its own redis-server (data in ./data)', load: () => import('./commands/start.js') },
  { name: 'api', description: 'run only the HTTP API (scale workers separately with `vigie worker`); needs REDIS_URL, or a `vigie start` running on the same data folder', load: () => import('./commands/start.js') },
  { name: 'worker', description: 'run queue workers only (poll, article, deliver, digest, websub, update) against REDIS_URL (or the Redis of a `vigie start` on the same data folder); start more to scale out', load: () => import('./commands/worker.js') },
  { name: 'config', description: 'inspect and validate configuration', load: () => import('./commands/config.js') },
  { name: 'check-source', description: 'fetch a feed or HTML listing page through the SSRF-safe gate and list the items vigie would see', load: () => import('./commands/check-source.js') },
  { name: 'extract', description: 'extract the article (title, date, language, text) from an HTML file or URL, or a JSON-lines batch', load: () => import('./commands/extract.js') },
  { name: 'match', description: 'Find regions and actors (FR/EN/AR) in a text and explain each hit: alias, surface, offsets, snippet, region path', load: () => import('./commands/match.js') },
  { name: 'entities', description: 'List or search the regions and actors vigie matches (names in French, English and Arabic)', load: () => import('./commands/entities.js') },
  { name: 'sources', description: 'manage polled sources (feeds and HTML listing pages) in Redis', load: () => import('./commands/sources.js') },
  { name: 'subscriptions', description: 'manage subscriptions (regions, actors, keywords -> webhook or email)', load: () => import('./commands/subscriptions.js') },
  { name: 'deliveries', description: 'list deliveries still owed (pending, retrying: next attempt time; held for a disabled channel); --dead, --held, show, replay', load: () => import('./commands/deliveries.js') },
  { name: 'events', description: 'recent admin events (webhook endpoints disabled or re-enabled, sources unhealthy or recovered), newest first', load: () => import('./commands/events.js') },
  { name: 'demo', description: 'local demo servers: a news feed that publishes articles, and a webhook receiver', load: () => import('./commands/demo.js') },
  { name: 'keys', description: 'manage API keys (admin or subscriber) for the HTTP API', load: () => import('./commands/keys.js') },
];

/** A command's description, as the help lists it and as its module declares it. */
export function describe(name: string): string {
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) throw new Error(`no command ${name} in the command table`);
  return entry.description;
}
