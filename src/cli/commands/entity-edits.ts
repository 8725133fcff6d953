// `vigie entities add|alias|remove`: run-time entity edits, stored in Redis like the API's (PUT
// /v1/entities/:id): every worker recompiles its matcher on the next article, no restart. The shipped
// files stay as they are; `remove` drops an edit (a shipped entity returns to its file version).
import fs from 'node:fs';
import type { Command } from 'commander';
import YAML from 'yaml';
import { entitySchema, LANGS, type Lang } from '../../core/entities/entity.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import { displayNameProblem } from '../../core/model/display-name.js';
import { saveEntity, withAliases } from '../../pipeline/save-entity.js';
import { printJson, withServices } from '../with-services.js';
import { readAllStdin, say } from '../cli-io.js';

async function readEntity(source: string): Promise<unknown> {
  const text = source === '-' ? (await readAllStdin()).toString('utf8') : fs.existsSync(source) ? fs.readFileSync(source, 'utf8') : source;
  try {
    return YAML.parse(text);
  } catch (err) {
    throw new VigieError('ENTITY_INVALID', 'entities', `cannot parse the entity: ${(err as Error).message.split('\n')[0]}`);
  }
}

export function registerEdits(entities: Command): void {
  entities.command('add')
    .description('add or replace an entity at run time (JSON or YAML: a file, "-" for stdin, or inline); workers see it on their next article')
    .argument('<entity>', 'file, "-" or inline JSON, e.g. \'{"id":"sy-hajin","kind":"region","names":{"en":"Hajin","fr":"Hajine","ar":"هجين"},"parents":["sy-deir-ez-zor"]}\'')
    .option('--json', 'print {"entity","version"} as JSON')
    .action(async (source: string, o: { json?: boolean }) => withServices(async ({ services }) => {
      const parsed = entitySchema.safeParse(await readEntity(source));
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(entity)'}: ${i.message}`);
        throw new VigieError('ENTITY_INVALID', 'entities', problems.join('; '), { details: { problems } });
      }
      const saved = await saveEntity(services, parsed.data);
      if (o.json) return printJson(saved);
      say(`entity ${saved.entity.id} saved; entity version ${saved.version}`);
    }));
  entities.command('alias')
    .description('add spellings to an entity at run time (recorded as hand-added); workers see them on their next article')
    .argument('<id>', 'entity id, e.g. sy-town-abu-kamal')
    .argument('<alias...>', 'one or more spellings')
    .requiredOption('--lang <lang>', `language of the spellings: ${LANGS.join(', ')}`)
    .option('--json', 'print {"entity","version"} as JSON')
    .action(async (id: string, aliases: string[], o: { lang: string; json?: boolean }) => withServices(async ({ services }) => {
      if (!(LANGS as readonly string[]).includes(o.lang)) throw new VigieError('CONFIG_INVALID', 'entities', `--lang must be one of ${LANGS.join(', ')}, not "${o.lang}"`);
      const e = (await services.entities.current()).graph.get(id);
      if (!e) throw new VigieError('NOT_FOUND', 'entities', `no entity ${id} (find ids with \`vigie entities search <name>\`)`);
      const spellings = aliases.map((a) => a.trim()).filter(Boolean);
      const problems = spellings.flatMap((a, i) => { const p = displayNameProblem(a); return p ? [`alias ${i + 1}: ${p}`] : []; });
      if (problems.length > 0) throw new VigieError('ENTITY_INVALID', 'entities', problems.join('; '), { details: { problems } });
      const saved = await saveEntity(services, withAliases(e, o.lang as Lang, spellings));
      if (o.json) return printJson(saved);
      say(`entity ${id}: ${aliases.length} alias(es) added in ${o.lang}; entity version ${saved.version}`);
    }));
  entities.command('remove')
    .description('drop the run-time edit of an entity (a shipped entity returns to its file version)')
    .argument('<id>', 'entity id')
    .action(async (id: string) => withServices(async ({ services }) => {
      if (!(await services.entityEdits.remove(id))) throw new VigieError('NOT_FOUND', 'entities', `no run-time edit of entity ${id}`);
      say(`edit of ${id} removed; entity version ${(await services.entities.latest()).version}`);
    }));
}
