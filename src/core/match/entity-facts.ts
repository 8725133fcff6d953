// What a match reports of one entity, flat: one object per entity instead of the chain
// entities[e].entity.names[lang] (fewer dependent loads per match, which at 10k+ entities miss the
// cache). Built with the compiled matcher, so a matcher restored from its snapshot needs no entity.
import type { Entity, EntityKind } from '../entities/entity.js';
import { actsOnly } from '../entities/alias-table.js';

/** `owner`: the first entity index with the same id (the entity list names each id once). */
export interface EntityFacts {
  id: string; kind: EntityKind; en: string; fr: string; ar: string; path: string[]; pathIds: string[]; owner: number;
  actsOnly: boolean; establishedBy: readonly string[]; period: { from?: number; to?: number } | undefined;
}

/** Facts by entity index: an array, or a table that builds each entry on first use (a restored matcher). */
export interface EntityFactsTable {
  readonly length: number;
  at(e: number): EntityFacts | undefined;
}

export interface PlacedEntity { entity: Entity; kind: EntityKind; path: string[]; pathIds: string[] }

export function entityFacts(infos: readonly PlacedEntity[]): EntityFacts[] {
  const owners = new Map<string, number>();
  return infos.map(({ entity, kind, path, pathIds }, e) => {
    if (!owners.has(entity.id)) owners.set(entity.id, e);
    const { en, fr, ar } = entity.names;
    return {
      id: entity.id, kind, en, fr, ar, path, pathIds, owner: owners.get(entity.id)!,
      actsOnly: actsOnly(entity), establishedBy: entity.establishedBy ?? [], period: entity.period,
    };
  });
}
