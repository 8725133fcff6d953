// Turns a validated subscription input into a Subscription: entity names resolved to ids (any name,
// any language), the keyword query checked, channel ids assigned. Every problem is reported at once.
import type { Channel, Subscription } from '../model/subscription.js';
import type { EntityGraph } from '../match/entity-graph.js';
import { parseQuery } from '../match/query/parse-query.js';
import { isVigieError, VigieError } from '../errors/vigie-error.js';
import type { ParsedSubscriptionInput } from './subscription-input.js';

export interface BuildContext {
  graph: EntityGraph;
  id: string;
  owner: string;
  now: Date;
  /** Makes a channel id (random in production, deterministic in tests). */
  channelId: (type: Channel['type'], index: number) => string;
  /** Existing channels, kept by position when editing so secrets and digests stay attached. */
  previousChannels?: Channel[];
}

function resolveAll(names: string[], kind: 'region' | 'actor', graph: EntityGraph, problems: string[], field: string): string[] {
  const ids: string[] = [];
  names.forEach((name, i) => {
    const entity = graph.resolve(name);
    if (!entity) problems.push(`${field}[${i}]: no entity named "${name}" (try \`vigie entities search\`)`);
    else if (entity.kind !== kind && !(kind === 'actor' && entity.kind === 'topic')) problems.push(`${field}[${i}]: "${name}" is a ${entity.kind}, not a ${kind}`);
    else if (!ids.includes(entity.id)) ids.push(entity.id);
  });
  return ids;
}

export function buildSubscription(input: ParsedSubscriptionInput, ctx: BuildContext): Subscription {
  const problems: string[] = [];
  const regions = resolveAll(input.regions, 'region', ctx.graph, problems, 'regions');
  const actors = resolveAll(input.actors, 'actor', ctx.graph, problems, 'actors');
  let queryError: VigieError | undefined;
  if (input.query) {
    try {
      parseQuery(input.query);
    } catch (err) {
      // Only a syntax error is a problem to list with the others; a query over the length or nesting
      // bound was not read at all and keeps its own code (query_too_deep, query_too_long).
      if (!isVigieError(err) || err.code !== 'QUERY_SYNTAX') throw err;
      queryError = err;
      problems.push(`query: ${err.message}`);
    }
  }
  if (regions.length === 0 && actors.length === 0 && !input.query && problems.length === 0) {
    problems.push('a subscription needs at least one region, actor or query');
  }
  if (problems.length > 0) {
    throw new VigieError('CONFIG_INVALID', 'subscriptions', problems.join('; '), {
      details: { problems, ...(queryError ? { query: queryError.details } : {}) },
    });
  }
  const channels: Channel[] = input.channels.map((c, i) => {
    const previous = ctx.previousChannels?.[i];
    const id = previous && previous.type === c.type ? previous.id : ctx.channelId(c.type, i);
    return c.type === 'webhook'
      ? { id, type: 'webhook', url: c.url, format: c.format }
      : { id, type: 'email', address: c.address, mode: c.mode };
  });
  return {
    id: ctx.id, owner: ctx.owner, name: input.name, regions, actors, query: input.query,
    languages: input.languages, sources: input.sources, active: input.active, channels,
    ...(input.events?.length ? { events: [...new Set(input.events)] } : {}),
    ...(input.minKilled !== undefined ? { minKilled: input.minKilled } : {}),
    createdAt: ctx.now.toISOString(),
  };
}
