// Compiles every alias, acronym and exclusion phrase of every entity into ONE token trie, versioned by
// a hash of the entity set. Done when entities change, never per article. No I/O.
import { createHash } from 'node:crypto';
import type { Entity, EntityKind } from '../entities/entity.js';
import { aliasVariants } from './alias-variants.js';
import { aliasTable, type AliasRow } from '../entities/alias-table.js';
import { TokenVocab } from './token-vocab.js';
import { seatUnits, type SeatUnits } from './seat-units.js';
import { TokenTrie } from './token-trie.js';
import { entityFacts, type EntityFactsTable } from './entity-facts.js';
import { CodedColumn, TextColumn } from './string-column.js';
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
/** A place's Latin alias written with a capital (a proper name: "Damas", "Mari"): a hit written all in
 * lower case is the common noun ("acier damas", "son mari"), not the place. */
export const FLAG_PROPER = 32;
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
  /** Per entity index: what a match reports of it (entity-facts.ts). */
  readonly facts: EntityFactsTable;
  readonly vocab: TokenVocab;
  readonly trie: TokenTrie;
  /** Per payload: entity index, flags, alias as written in the data. */
  readonly payEntity: Int32Array;
  readonly payFlags: Uint8Array;
  readonly payAlias: TextColumn;
  /** Per payload: why the alias needs context (alias-table.ts), undefined when it counts alone. */
  readonly payReason: CodedColumn;
  /**
   * The WebAssembly scanner holding a copy of the vocabulary and trie (scan-text.ts); undefined where
   * the engine cannot run it (then the JavaScript scanner does the work).
   */
  readonly scanner: WasmScanner | undefined;
  /** Towns seating a governorate or district of their name (seat-units.ts). */
  readonly seats: SeatUnits;
}

interface AliasEntry { entity: number; written: string; flags: number; reason: string | undefined }

function countLetters(s: string): number {
  let n = 0;
  for (const ch of s) if (/\p{L}|\p{N}/u.test(ch)) n += 1;
  return n;
}

function entryFlags(written: string, kind: EntityKind): number {
  if (countLetters(written) <= SHORT_ALIAS_LETTERS) return FLAG_CASED;
  // Places only: French and English press write some armed groups' names in lower case ("le
  // hezbollah", "daech"), never a town's.
  if (kind !== 'region') return 0;
  const first = /\p{L}/u.exec(written)?.[0];
  return first !== undefined && /\p{Script=Latin}/u.test(first) && first !== first.toLowerCase() ? FLAG_PROPER : 0;
}

/** The compile order of an entity's rows: canonical names, aliases, former names, generated spellings,
 * acronyms, generic references (of two equal hits of one entity, the earlier payload is reported). */
function rank(e: Entity, row: AliasRow): number {
  if (row.origin === 'generic') return 5;
  if (row.lang === 'acronym') return 4;
  if (row.origin === 'generated') return 3;
  if (row.origin === 'former') return 2;
  return row.alias === e.names[row.lang] ? 0 : 1;
}

function rowFlags(row: AliasRow, kind: EntityKind): number {
  if (row.status === 'generic') return FLAG_GENERIC;
  const base = row.lang === 'acronym' ? FLAG_ACRONYM : entryFlags(row.alias, kind);
  return row.status === 'ambiguous' ? base | FLAG_AMBIGUOUS : base;
}

/** The payload entries of every entity: its alias table (alias-table.ts), then its exclusions. */
function collectEntries(entities: Entity[]): AliasEntry[] {
  const entries: AliasEntry[] = [];
  entities.forEach((e, i) => {
    const seen = new Set<string>();
    const push = (written: string, flags: number, reason: string | undefined): void => {
      const key = `${flags}\u0000${written}`;
      if (seen.has(key)) return;
      seen.add(key);
      entries.push({ entity: i, written, flags, reason });
    };
    const rows = aliasTable(e).map((row) => ({ row, rank: rank(e, row) })).sort((x, y) => x.rank - y.rank);
    for (const { row } of rows) push(row.alias, rowFlags(row, e.kind), row.reason);
    for (const x of e.exclusions) push(x, FLAG_EXCLUSION, undefined);
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
    facts: entityFacts(infos),
    vocab,
    trie,
    payEntity: Int32Array.from(entries, (e) => e.entity),
    payFlags,
    payAlias: TextColumn.of(entries.map((e) => e.written)),
    payReason: CodedColumn.of(entries.map((e) => e.reason)),
    scanner: WASM_SCANNER_OK ? new WasmScanner(vocab, trie, payFlags) : undefined,
    seats: seatUnits(entities, byId),
  };
}
