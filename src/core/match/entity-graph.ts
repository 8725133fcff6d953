// The entity hierarchy (region parents, actor member-of) and name lookup across languages and scripts:
// what rules expand ("Deir ez-Zor" covers Abu Kamal) and what the CLI/API resolve names with. Pure.
import type { Entity } from '../entities/entity.js';
import { LANGS } from '../entities/langs.js';
import { tokenWords } from './tokenize.js';

export interface EntityGraph {
  readonly size: number;
  get(id: string): Entity | undefined;
  /** All ancestors (parents, their parents...), nearest first, each once. */
  ancestors(id: string): string[];
  /** The entity and all its descendants (sub-regions, members). */
  expand(id: string): Set<string>;
  resolve(nameOrId: string): Entity | undefined;
  search(query: string, limit?: number): Entity[];
  validate(): string[];
}

/** Lookup key of a name: normalised words joined by one space (hyphens, apostrophes, case, marks ignored). */
export function nameKey(name: string): string {
  return tokenWords(name).join(' ');
}

function canonicalNames(e: Entity): string[] {
  return LANGS.map((l) => e.names[l]);
}
function otherNames(e: Entity): string[] {
  return [...LANGS.flatMap((l) => e.aliases[l] ?? []), ...e.acronyms];
}

/**
 * Each entity's lookup keys, kept while the entity object lives (entities are not changed in place:
 * an edit makes a new object). A catalog rebuilt after an edit then keys only the edited entities:
 * keying every name of the shipped catalog is most of a graph's build, a stall on the event loop.
 */
const keysOf = new WeakMap<Entity, { canonical: string[]; other: string[] }>();
function entityKeys(e: Entity): { canonical: string[]; other: string[] } {
  let keys = keysOf.get(e);
  if (!keys) {
    keys = { canonical: canonicalNames(e).map(nameKey), other: otherNames(e).map(nameKey) };
    keysOf.set(e, keys);
  }
  return keys;
}

function addKey(map: Map<string, Entity[]>, key: string, e: Entity): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [e]);
  else if (!list.includes(e)) list.push(e);
}

/**
 * What the parent links of `entities` break within `byId`: a parent it lacks, a cycle through them; one
 * message each. The whole graph's check (validate) and a single edit's (save-entity.ts) both ask it.
 */
export function linkProblems(entities: Entity[], byId: ReadonlyMap<string, Entity>): string[] {
  const unknown: string[] = [];
  for (const e of entities) for (const p of e.parents) if (!byId.has(p)) unknown.push(`${e.id}: unknown parent ${p}`);
  return [...unknown, ...findCycles(entities, byId)];
}

/** Cycles in the parent links, one message each. */
export function findCycles(entities: Entity[], byId: ReadonlyMap<string, Entity>): string[] {
  const state = new Map<string, 1 | 2>();
  const problems: string[] = [];
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      problems.push(`cycle in parents: ${[...trail.slice(trail.indexOf(id)), id].join(' -> ')}`);
      return;
    }
    state.set(id, 1);
    for (const p of byId.get(id)?.parents ?? []) if (byId.has(p)) visit(p, [...trail, id]);
    state.set(id, 2);
  };
  for (const e of entities) visit(e.id, []);
  return problems;
}

/** How the data names a governorate or district after its seat, in the three languages. */
// French elides "de" before a vowel: "gouvernorat d'Alep", "province d'Idleb" (the form the data uses).
const ADMIN_FORMS = ['{} Governorate', '{} province', 'gouvernorat de {}', "gouvernorat d'{}", 'province de {}',
  "province d'{}", 'محافظة {}'];

/** Lookup keys of a name and of its administrative forms ("Aleppo" -> "aleppo", "aleppo governorate"...). */
function adminKeys(name: string): string[] {
  return [nameKey(name), ...ADMIN_FORMS.map((form) => nameKey(form.replace('{}', name)))];
}

export function buildEntityGraph(entities: Entity[]): EntityGraph {
  const byId = new Map<string, Entity>();
  const duplicates: string[] = [];
  for (const e of entities) (byId.has(e.id) ? duplicates.push(e.id) : byId.set(e.id, e));
  const children = new Map<string, string[]>();
  for (const e of byId.values()) {
    for (const p of e.parents) {
      const list = children.get(p);
      if (list) list.push(e.id);
      else children.set(p, [e.id]);
    }
  }
  const canonical = new Map<string, Entity[]>();
  const aliases = new Map<string, Entity[]>();
  for (const e of byId.values()) {
    const keys = entityKeys(e);
    for (const k of keys.canonical) addKey(canonical, k, e);
    for (const k of keys.other) addKey(aliases, k, e);
  }
  const walk = (start: string, next: (id: string) => readonly string[]): string[] => {
    const out: string[] = [];
    const seen = new Set([start]);
    const queue = [start];
    for (let i = 0; i < queue.length; i += 1) {
      for (const n of next(queue[i]!)) if (!seen.has(n)) { seen.add(n); out.push(n); queue.push(n); }
    }
    return out;
  };
  const ancestors = (id: string): string[] => walk(id, (x) => byId.get(x)?.parents.filter((p) => byId.has(p)) ?? []);
  // Ambiguous names resolve to the highest level entity: the one with the fewest ancestors.
  const highest = (list: Entity[] | undefined): Entity | undefined =>
    list?.reduce((best, e) => (ancestors(e.id).length < ancestors(best.id).length ? e : best));

  return {
    size: byId.size,
    get: (id) => byId.get(id),
    ancestors,
    expand: (id) => (byId.has(id) ? new Set([id, ...walk(id, (x) => children.get(x) ?? [])]) : new Set()),
    resolve(nameOrId) {
      const exact = byId.get(nameOrId.trim());
      if (exact) return exact;
      // "Deir ez-Zor" is the town's canonical name and an alias of the governorate: a subscriber who
      // writes it means the province, so every entity carrying the name competes, canonical first on ties.
      // Likewise "Aleppo" also names "Aleppo Governorate": the administrative forms of the name compete too.
      const keys = adminKeys(nameOrId);
      const all = keys.flatMap((k) => [...(canonical.get(k) ?? []), ...(aliases.get(k) ?? [])]);
      return all.length > 0 ? highest(all) : undefined;
    },
    search(query, limit = 20) {
      const q = nameKey(query);
      if (!q) return [];
      // The whole name, in any of its forms (canonical, alias, or the administrative form "Aleppo
      // Governorate" of "Aleppo"), ranks above a partial one; among whole names the highest level comes
      // first, as in resolve(): "Aleppo" lists the governorate, then the city.
      const whole = new Set(adminKeys(query));
      const scored = new Map<Entity, number>();
      const score = (map: Map<string, Entity[]>, bonus: number): void => {
        for (const [key, list] of map) {
          const s = whole.has(key) ? 0 : key.startsWith(q) ? 1 : key.includes(` ${q}`) ? 2 : -1;
          if (s < 0) continue;
          for (const e of list) scored.set(e, Math.min(scored.get(e) ?? 99, s === 0 ? 0 : s * 2 + bonus));
        }
      };
      score(canonical, 0);
      score(aliases, 1);
      return [...scored].sort((a, b) => a[1] - b[1] || ancestors(a[0].id).length - ancestors(b[0].id).length)
        .slice(0, limit).map(([e]) => e);
    },
    validate() {
      return [...duplicates.map((id) => `duplicate id ${id}`), ...linkProblems([...byId.values()], byId)];
    },
  };
}
