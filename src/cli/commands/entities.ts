// `vigie entities`: lists the loaded entities or searches them by any name in any language, showing
// each one's path (town > district > governorate > country), or shows one entity with every alias, its
// origin and status. Reads the entity files; no network.
import type { Command } from 'commander';
import os from 'node:os';
import { defaultEntitiesDir } from '../../config/package-root.js';
import { cacheDir } from '../../config/cache-dir.js';
import { loadEntitiesCached } from '../../config/matcher-cache.js';
import { buildEntityGraph, type EntityGraph } from '../../core/match/entity-graph.js';
import type { Entity } from '../../core/entities/entity.js';
import { registerEdits } from './entity-edits.js';
import { registerCandidates } from './entity-candidates.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import { entityView, showEntity } from '../show-entity.js';
import { describe } from '../command-table.js';
import { cliIo, say } from '../cli-io.js';

interface ListOptions { kind?: string; json?: boolean; entities?: string }

function pathOf(graph: EntityGraph, e: Entity): string[] {
  const names = [e.names.en];
  let cur = e;
  while (cur.parents.length > 0) {
    const parent = graph.get(cur.parents[0]!);
    if (!parent || names.length > 20) break;
    names.push(parent.names.en);
    cur = parent;
  }
  return names;
}

function show(graph: EntityGraph, list: Entity[], json: boolean | undefined): void {
  if (json) {
    say(JSON.stringify(list.map((e) => ({ ...e, path: pathOf(graph, e) })), null, 2));
    return;
  }
  for (const e of list) {
    say(`${e.id}\t${e.kind}${e.type ? `/${e.type}` : ''}\t${e.names.en} | ${e.names.fr} | ${e.names.ar}\t${pathOf(graph, e).join(' > ')}`);
  }
  if (list.length === 0) say('no entity');
}

/** The entities, from the matcher snapshot when `vigie match` wrote one for the same files (no reload). */
async function load(dir: string | undefined): Promise<{ graph: EntityGraph; entities: Entity[] }> {
  const entities = await loadEntitiesCached({ entitiesDir: dir ?? defaultEntitiesDir(), cacheDir: cacheDir(cliIo().env, os.homedir()) });
  return { graph: buildEntityGraph(entities), entities };
}

/** A shortened id (sy-abu-kamal for sy-town-abu-kamal): of the ids holding all its dash-separated parts,
 * the one with the fewest others (the town before sy-deir-ez-zor-abu-kamal, its district). */
function byIdParts(entities: Entity[], query: string): Entity {
  const parts = query.trim().toLowerCase().split('-');
  const found = entities.filter((e) => { const ps = e.id.split('-'); return parts.every((p) => ps.includes(p)); })
    .sort((a, b) => a.id.split('-').length - b.id.split('-').length);
  const size = (e: Entity | undefined): number => e?.id.split('-').length ?? 0;
  if (found.length === 1 || (found.length > 1 && size(found[0]) < size(found[1]))) return found[0]!;
  const hint = found.length > 1 ? `; ids that fit: ${found.slice(0, 10).map((f) => f.id).join(', ')}` : ' (try: vigie entities search)';
  throw new VigieError('NOT_FOUND', 'cli', `no entity with id or name "${query}"${hint}`);
}

export function register(program: Command): void {
  const cmd = program.command('entities')
    .description(describe('entities'));
  cmd.command('list', { isDefault: true })
    .description('List entities with their path (town > district > governorate > country)')
    .option('--kind <kind>', 'only this kind: region, actor or topic')
    .option('--json', 'print JSON')
    .option('--entities <dir>', 'entity folder (default: config/entities of the vigie package)')
    .action(async (opts: ListOptions) => {
      const { graph, entities } = await load(opts.entities);
      show(graph, entities.filter((e) => !opts.kind || e.kind === opts.kind), opts.json);
    });
  cmd.command('search')
    .description('Find entities by any name or alias, any language or script (e.g. "Boukamal", "البوكمال")')
    .argument('<text...>', 'name or name prefix')
    .option('--limit <n>', 'at most this many results', '20')
    .option('--json', 'print JSON')
    .option('--entities <dir>', 'entity folder (default: config/entities of the vigie package)')
    .action(async (words: string[], opts: ListOptions & { limit: string }) => {
      const { graph } = await load(opts.entities);
      show(graph, graph.search(words.join(' '), Number(opts.limit) || 20), opts.json);
    });
  registerEdits(cmd);
  registerCandidates(cmd);
  cmd.command('show')
    .description('Show one entity (by id or any name): names, path, parents, codes, sources, and every alias with '
      + 'its origin (data, hand, generated, former, generic) and status (ok, ambiguous and why, generic, acronym)')
    .argument('<id or name...>', 'an entity id (sy-town-abu-kamal) or a name in any language ("Boukamal", "البوكمال")')
    .option('--json', 'print JSON: {entity, path, aliases: [{alias, lang, origin, status, reason?}]}')
    .option('--entities <dir>', 'entity folder (default: config/entities of the vigie package)')
    .action(async (words: string[], opts: ListOptions) => {
      const { graph, entities } = await load(opts.entities);
      const e = graph.resolve(words.join(' ')) ?? byIdParts(entities, words.join(' '));
      say(opts.json ? JSON.stringify(entityView(graph, e), null, 2) : showEntity(graph, e));
    });
}
