// Sorts the dev part's errors into classes (BENCHMARKS.md's table): by what the matcher did with the
// entity (not found, found without evidence, counted on evidence, plain) and how the label relates to
// it (a unit of the same name, a missing catalog entry). Dev only: the test part is never studied.
import type { Entity } from '../../src/core/entities/entity.js';
import type { EntityGraph } from '../../src/core/match/entity-graph.js';
import type { MatchResult } from '../../src/core/match/match-document.js';

export interface ClassInput { offtopic: boolean; fp: string[]; fn: string[]; result: MatchResult }

export function errorClasses(g: EntityGraph, byId: ReadonlyMap<string, Entity>, articles: ClassInput[]): Map<string, number> {
  const out = new Map<string, number>();
  const bump = (k: string): void => { out.set(k, (out.get(k) ?? 0) + 1); };
  const bare = (id: string): string => (byId.get(id)?.names.en ?? id).toLowerCase()
    .replace(/\s*\(.*\)|\s+(governorate|district|subdistrict|province|city|airport|military airport)$/g, '').replace(/^al-/, '');
  const sameUnit = (x: string, y: string): boolean => (g.ancestors(x).includes(y) || g.ancestors(y).includes(x)) && bare(x) === bare(y);
  for (const a of articles) {
    const found = a.result.entities.map((e) => e.id);
    for (const id of a.fp) {
      const m = a.result.matches.find((x) => x.entityId === id && !x.suppressedBy);
      const ev = m?.evidence ?? '';
      if (a.fn.some((w) => sameUnit(w, id))) bump('FP granularity: a place and its unit labelled the other way');
      else if (/acts|forces are named/.test(ev)) bump('FP state counted as acting');
      else if (/established|date|current referent/.test(ev)) bump('FP generic reference given to the wrong referent');
      else if (ev) bump('FP ambiguous name counted on context evidence');
      else if (a.offtopic) bump('FP plain name on an off-topic page (club, product, same name abroad)');
      else bump(`FP plain ${byId.get(id)?.kind ?? 'entity'} not labelled (metonym, party, unlabelled mention)`);
    }
    for (const id of a.fn) {
      if (/^(new|wof):/.test(id)) { bump('FN entity missing from the catalog'); continue; }
      const u = (a.result.unconfirmed ?? []).find((x) => x.entityId === id);
      if (found.some((f) => sameUnit(f, id))) bump('FN granularity: found as its unit or the town of that name');
      else if (u) {
        const why = u.unconfirmed ?? '';
        bump(`FN found but not counted: ${/^(state|international)/.test(why) ? 'state not acting / mission' : /generic/.test(why) ? 'generic reference not established' : /part of/.test(why) ? 'inside another name' : 'ambiguous name without evidence'}`);
      } else bump('FN spelling or form not matched');
    }
  }
  return out;
}
