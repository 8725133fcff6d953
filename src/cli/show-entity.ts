// Renders one entity for `vigie entities show`: its names, path, links, codes and sources, then a
// table of every alias with its origin and status (why it is ambiguous). Returns text; prints nothing.
import type { Entity } from '../core/entities/entity.js';
import { aliasTable, type AliasRow } from '../core/entities/alias-table.js';
import type { EntityGraph } from '../core/match/entity-graph.js';

export interface EntityView {
  entity: Entity;
  path: string[];
  aliases: AliasRow[];
}

export function entityView(graph: EntityGraph, e: Entity): EntityView {
  const path = [e.id, ...graph.ancestors(e.id)].map((id) => graph.get(id)?.names.en ?? id);
  return { entity: e, path, aliases: aliasTable(e) };
}

function countBy(rows: AliasRow[], field: 'origin' | 'status'): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r[field], (counts.get(r[field]) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** Fixed-width columns for lang, origin and status; the alias (maybe right-to-left) and reason last. */
function aliasLines(rows: AliasRow[]): string[] {
  const pad = (s: string, n: number): string => s.padEnd(n);
  return [
    `  ${pad('lang', 8)}${pad('origin', 10)}${pad('status', 10)}alias`,
    ...rows.map((r) => `  ${pad(r.lang, 8)}${pad(r.origin, 10)}${pad(r.status, 10)}${r.alias}${r.reason ? `  (${r.reason})` : ''}`),
  ];
}

export function showEntity(graph: EntityGraph, e: Entity): string {
  const v = entityView(graph, e);
  const label = (name: string, value: string | undefined): string[] => (value ? [`${name.padEnd(11)}${value}`] : []);
  const names = (e.parents.map((p) => `${p} (${graph.get(p)?.names.en ?? 'unknown'})`)).join(', ');
  return [
    `${e.id}  ${e.kind}${e.type ? `/${e.type}` : ''}`,
    ...label('names', `en: ${e.names.en} | fr: ${e.names.fr} | ar: ${e.names.ar}`),
    ...label('path', v.path.join(' > ')),
    ...label('parents', names),
    ...label('backedBy', e.backedBy?.join(', ')),
    ...label('population', e.population?.toString()),
    ...label('coords', e.coords?.join(', ')),
    ...label('codes', e.codes ? Object.entries(e.codes).map(([k, c]) => `${k}=${c}`).join(', ') : undefined),
    ...label('sources', e.sources?.join(', ')),
    ...label('exclusions', e.exclusions.join(' | ')),
    `aliases    ${v.aliases.length} (${countBy(v.aliases, 'origin')}; ${countBy(v.aliases, 'status')})`,
    ...aliasLines(v.aliases),
  ].join('\n');
}
