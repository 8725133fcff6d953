// Compiles every alias, acronym and exclusion phrase of every entity into ONE token trie, versioned by
// a hash of the entity set. Done when entities change, never per article. No I/O.
import { createHash } from 'node:crypto';
import type { Entity, EntityKind } from '../entities/entity.js';
import { LANGS } from '../entities/entity.js';
import { aliasVariants } from './alias-variants.js';
import { nameKey } from './entity-graph.js';
import { TokenVocab } from './token-vocab.js';
import { seatUnits, type SeatUnits } from './seat-units.js';
import { TokenTrie } from './token-trie.js';
import { WASM_SCANNER_OK, WasmScanner } from './wasm/scanner.js';

/** Payload flags. ACRONYM: only in capitals; CASED: short alias, only as cased in the data. */
export const FLAG_ACRONYM = 1;
export const FLAG_CASED = 2;
export const FLAG_EXCLUSION = 4;
/** Counts only with evidence in the document (entity.ambiguous: a common word, a shared or minor name). */
export const FLAG_AMBIGUOUS = 8;
/** A generic reference ("the regime"): counts only once the document has established its entity. */
export const FLAG_GENERIC = 16;
/** Either flag: the hit waits for the whole document before it counts (confirm-context.ts). */
export const FLAG_NEEDS_CONTEXT = FLAG_AMBIGUOUS | FLAG_GENERIC;
/** Non-acronym aliases with at most this many letters must keep the case they are written with. */
export const SHORT_ALIAS_LETTERS = 3;

export interface EntityInfo {
  entity: Entity;
  kind: EntityKind;
  /** Region: en names up to the country; actor: name and member-of chain (first parent each step). */
  path: string[];
  pathIds: string[];
}

export interface Matcher {
  readonly version: string;
  readonly entityCount: number;
  readonly aliasCount: number;
  readonly entities: readonly EntityInfo[];
  readonly vocab: TokenVocab;
  readonly trie: TokenTrie;
  /** Per payload: entity index, flags, alias as written in the data. */
  readonly payEntity: Int32Array;
  readonly payFlags: Uint8Array;
  readonly payAlias: readonly string[];
  /**
   * The WebAssembly scanner holding a copy of the vocabulary and trie (scan-text.ts); undefined where
   * the engine cannot run it (then the JavaScript scanner does the work).
   */
  readonly scanner: WasmScanner | undefined;
  /** Towns seating a governorate or district of their name (seat-units.ts). */
  readonly seats: SeatUnits;
}

interface AliasEntry { entity: number; written: string; flags: number }

function countLetters(s: string): number {
  let n = 0;
  for (const ch of s) if (/\p{L}|\p{N}/u.test(ch)) n += 1;
  return n;
}

function entryFlags(written: string): number {
  return countLetters(written) <= SHORT_ALIAS_LETTERS ? FLAG_CASED : 0;
}

/**
 * Actor types whose every name needs context: a state or an international body is an actor only when
 * it or its forces act in the text (EVAL.md), not when a page merely names it ("talks in Washington").
 */
export const ACTS_ONLY_TYPES: ReadonlySet<string> = new Set(['state', 'international']);
export const ACTS_ONLY_REASON = 'state: counts when it acts';
export const INTERNATIONAL_REASON = 'international: counts when its forces are named';

export function actsOnly(e: Entity): boolean {
  return e.kind === 'actor' && e.type !== undefined && ACTS_ONLY_TYPES.has(e.type);
}

export const MINOR_PLACE_REASON = 'minor place';

/** A village or neighbourhood the gazetteer marks minor (any of its names marked "minor place"). */
export function isMinorPlace(e: Entity): boolean {
  if (e.kind !== 'region' || !e.ambiguous) return false;
  for (const reason of Object.values(e.ambiguous)) if (reason.startsWith(MINOR_PLACE_REASON)) return true;
  return false;
}

/** The normalised keys of an entity's ambiguous aliases (written in any form the lists use). */
function ambiguousKeys(e: Entity): Set<string> | undefined {
  if (!e.ambiguous) return undefined;
  const keys = Object.keys(e.ambiguous);
  return keys.length === 0 ? undefined : new Set(keys.map(nameKey));
}

function collectEntries(entities: Entity[]): AliasEntry[] {
  const entries: AliasEntry[] = [];
  entities.forEach((e, i) => {
    const seen = new Set<string>();
    const ambiguous = ambiguousKeys(e);
    const always = actsOnly(e);
    const push = (written: string, base: number): void => {
      const flags = always || ambiguous?.has(nameKey(written)) ? base | FLAG_AMBIGUOUS : base;
      const key = `${flags}\u0000${written}`;
      if (seen.has(key)) return;
      seen.add(key);
      entries.push({ entity: i, written, flags });
    };
    for (const lang of LANGS) push(e.names[lang], entryFlags(e.names[lang]));
    for (const lists of [e.aliases, e.former]) {
      if (lists) for (const lang of LANGS) for (const a of lists[lang] ?? []) push(a, entryFlags(a));
    }
    // A generated spelling of a minor place is as weak as the place's own names.
    const minor = isMinorPlace(e);
    if (e.generated) for (const lang of LANGS) for (const a of e.generated[lang] ?? []) push(a, minor ? entryFlags(a) | FLAG_AMBIGUOUS : entryFlags(a));
    for (const a of e.acronyms) push(a, FLAG_ACRONYM);
    if (e.generic) for (const lang of LANGS) for (const a of e.generic[lang] ?? []) push(a, FLAG_GENERIC);
    for (const x of e.exclusions) push(x, FLAG_EXCLUSION);
  });
  return entries;
}

function chainOf(entities: Entity[], byId: Map<string, number>, start: number): number[] {
  const chain = [start];
  let cur = entities[start]!;
  while (cur.parents.length > 0) {
    const next = byId.get(cur.parents[0]!);
    if (next === undefined || chain.includes(next)) break;
    chain.push(next);
    cur = entities[next]!;
  }
  return chain;
}

export function entitySetVersion(entities: Entity[]): string {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

export function compileMatcher(entities: Entity[]): Matcher {
  const byId = new Map(entities.map((e, i) => [e.id, i] as const));
  const infos: EntityInfo[] = entities.map((entity, i) => {
    const chain = chainOf(entities, byId, i);
    return { entity, kind: entity.kind, path: chain.map((k) => entities[k]!.names.en), pathIds: chain.map((k) => entities[k]!.id) };
  });
  const entries = collectEntries(entities);
  const sequences: Array<{ words: string[]; payload: number }> = [];
  const vocabIds = new Map<string, number>();
  entries.forEach((entry, payload) => {
    for (const words of aliasVariants(entry.written)) {
      for (const w of words) if (!vocabIds.has(w)) vocabIds.set(w, vocabIds.size);
      sequences.push({ words, payload });
    }
  });
  const vocab = new TokenVocab([...vocabIds.keys()]);
  const trie = new TokenTrie(vocab.size, sequences.map((s) => ({ ids: s.words.map((w) => vocabIds.get(w)!), payload: s.payload })));
  const payFlags = Uint8Array.from(entries, (e) => e.flags);
  return {
    version: entitySetVersion(entities),
    entityCount: entities.length,
    aliasCount: entries.filter((e) => (e.flags & FLAG_EXCLUSION) === 0).length,
    entities: infos,
    vocab,
    trie,
    payEntity: Int32Array.from(entries, (e) => e.entity),
    payFlags,
    payAlias: entries.map((e) => e.written),
    scanner: WASM_SCANNER_OK ? new WasmScanner(vocab, trie, payFlags) : undefined,
    seats: seatUnits(entities, byId),
  };
}
