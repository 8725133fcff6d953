// /v1/entities: the gazetteer (regions, actors, topics) that watch keywords come from. Everyone reads
// and searches it in any language; admins add or edit entities and aliases, which bumps the entity
// version so every process (this one at once) recompiles its matcher.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { entitySchema, ENTITY_KINDS, type Entity } from '../../core/entities/entity.js';
import { buildEntityGraph } from '../../core/match/entity-graph.js';
import { type EntitySnapshot } from '../../pipeline/entity-catalog.js';
import { saveEntity, withAliases } from '../../pipeline/save-entity.js';
import { isVigieError } from '../../core/errors/vigie-error.js';
import { aliasTable } from '../../core/entities/alias-table.js';
import { entityLabel } from '../../core/entities/entity-label.js';
import type { Services } from '../../runtime/create-services.js';
import { ApiError, notFound } from '../api-errors.js';
import { routeSchema } from '../route-schema.js';
import { idParam, langEnum } from '../common-schemas.js';
import { displayName } from '../../core/model/display-name.js';

const tags = ['entities'];
const admin = { auth: 'admin' as const };

const listQuery = z.object({
  search: z.string().trim().min(1).max(200).optional().describe('a name in any language or script (prefix match)'),
  kind: z.enum(ENTITY_KINDS).optional(),
  parent: z.string().max(100).optional().describe('only the direct children of this entity id'),
  roots: z.enum(['true', 'false']).optional().describe('only entities without parents'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
}).strict();

const aliasBody = z.object({ lang: langEnum, aliases: z.array(displayName(200)).min(1).max(50) }).strict();

/** Children per id, computed once per entity version. */
function childIndex(): (snap: EntitySnapshot) => Map<string, string[]> {
  let cached: { version: string; map: Map<string, string[]> } | undefined;
  return (snap) => {
    if (cached?.version === snap.version) return cached.map;
    const map = new Map<string, string[]>();
    for (const e of snap.entities) for (const p of e.parents) map.set(p, [...(map.get(p) ?? []), e.id]);
    cached = { version: snap.version, map };
    return map;
  };
}

function view(snap: EntitySnapshot, children: Map<string, string[]>, e: Entity) {
  const path = [e.id, ...snap.graph.ancestors(e.id)].map((id) => snap.graph.get(id)?.names.en ?? id);
  return { ...e, label: entityLabel(e, path.slice(1)), path, childCount: children.get(e.id)?.length ?? 0 };
}

function listEntities(snap: EntitySnapshot, children: Map<string, string[]>, q: z.output<typeof listQuery>): Entity[] {
  let list: Entity[];
  if (q.search) list = snap.graph.search(q.search, 1000);
  else if (q.parent) list = (children.get(q.parent) ?? []).map((id) => snap.graph.get(id)).filter((e): e is Entity => e !== undefined);
  else list = [...snap.entities];
  if (q.kind) list = list.filter((e) => e.kind === q.kind);
  if (q.roots === 'true') list = list.filter((e) => e.parents.length === 0);
  if (!q.search) list.sort((a, b) => a.names.en.localeCompare(b.names.en));
  return list.slice(0, q.limit);
}

/** saveEntity, with catalog problems as the API's 422. */
async function save(s: Services, entity: Entity): Promise<{ entity: Entity; version: string }> {
  try {
    return await saveEntity(s, entity);
  } catch (err) {
    if (isVigieError(err) && err.code === 'ENTITY_INVALID') throw new ApiError('unprocessable', err.message, err.details);
    throw err;
  }
}

export async function entityRoutes(app: FastifyInstance, s: Services): Promise<void> {
  const childrenOf = childIndex();

  app.get('/v1/entities', { schema: routeSchema({ operationId: 'listEntities', summary: 'List or search entities (names in en, fr, ar; any script)', tags, query: listQuery }) },
    async (req) => {
      const snap = await s.entities.current();
      const children = childrenOf(snap);
      const list = listEntities(snap, children, req.query as z.output<typeof listQuery>);
      return { version: snap.version, entities: list.map((e) => view(snap, children, e)) };
    });

  app.get('/v1/entities/:id', { schema: routeSchema({ operationId: 'getEntity', summary: 'One entity with its path, children, and every alias with its origin (data, hand, generated, former, generic) and status (ok, ambiguous with the reason, generic, acronym)', tags, params: idParam, responses: { 404: 'not_found' } }) },
    async (req) => {
      const snap = await s.entities.current();
      const e = snap.graph.get((req.params as { id: string }).id);
      if (!e) throw notFound('such entity');
      const children = childrenOf(snap);
      return { version: snap.version, entity: view(snap, children, e), aliases: aliasTable(e), children: (children.get(e.id) ?? []).slice(0, 500) };
    });

  app.put('/v1/entities/:id', {
    config: admin,
    schema: routeSchema({ operationId: 'putEntity', summary: 'Add or replace an entity; the matcher recompiles (on an analysis thread) and the answer shows the new version', tags, params: idParam, body: entitySchema, responses: { 403: 'forbidden', 422: 'unknown parent, cycle, id mismatch; entity_compile_failed: the catalog with it could not be compiled (the previous one stays in use)' } }),
  }, async (req) => {
    const entity = req.body as Entity;
    if (entity.id !== (req.params as { id: string }).id) throw new ApiError('unprocessable', `body.id ${entity.id} differs from the path id`, { field: 'body.id' });
    return save(s, entity);
  });

  app.post('/v1/entities/:id/aliases', {
    config: admin,
    schema: routeSchema({ operationId: 'addEntityAliases', summary: 'Add aliases (spellings) to an entity in one language', tags, params: idParam, body: aliasBody, responses: { 403: 'forbidden', 404: 'not_found', 422: 'entity_compile_failed: the catalog with them could not be compiled (the previous one stays in use)' } }),
  }, async (req) => {
    const snap = await s.entities.current();
    const e = snap.graph.get((req.params as { id: string }).id);
    if (!e) throw notFound('such entity');
    const { lang, aliases } = req.body as z.output<typeof aliasBody>;
    return save(s, withAliases(e, lang, aliases));
  });

  app.delete('/v1/entities/:id', {
    config: admin,
    schema: routeSchema({ operationId: 'deleteEntityEdit', summary: 'Drop the API edit of an entity (a shipped entity returns to its file version)', tags, params: idParam, responses: { 403: 'forbidden', 404: 'no API edit of this id' } }),
  }, async (req) => {
    const id = (req.params as { id: string }).id;
    if (!(await s.entityEdits.remove(id))) throw notFound(`API edit of entity ${id}`);
    return { id, version: (await s.entities.latest()).version };
  });
}
