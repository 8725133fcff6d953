// A compiled matcher as bytes, and back: the tables as they are (typed arrays, the WebAssembly scanner's
// memory), the strings joined. Restoring builds nothing again, so a one-shot `vigie match` skips the
// entity files and the compile. What a match needs is read at once (the scanner's memory straight into
// the scanner); the JavaScript scanner's tables and the entities only when first used. No I/O: the
// caller hands a reader (src/config/matcher-cache.ts reads a file).
import { Buffer } from 'node:buffer';
import type { Entity } from '../entities/entity.js';
import { ENTITY_KINDS, type EntityKind } from '../entities/langs.js';
import type { EntityInfo, Matcher } from './compile-matcher.js';
import type { EntityFacts, EntityFactsTable } from './entity-facts.js';
import { TokenTrie } from './token-trie.js';
import { TokenVocab } from './token-vocab.js';
import { CodedColumn, TextColumn } from './string-column.js';
import { WASM_SCANNER_OK, WasmScanner } from './wasm/scanner.js';

const MAGIC = 'VIGIEMS3';
/** Joins string lists: no alias, name or reason holds it. */
const SEP = '\u0000';

/** eager: read with the header; lazy: read on first use of the JavaScript tables or the entities. */
type Section = 'eager' | 'lazy';
/** text: UTF-16LE (decoding is a copy; most of it is not ASCII-only anyway). */
type BlobKind = 'u8' | 'u16' | 'i32' | 'u32' | 'text';
type Blob = Uint8Array | Uint16Array | Int32Array | Uint32Array | string;

interface Header {
  version: string; entityCount: number; aliasCount: number;
  vocab: { size: number; mask: number; bloomMask: number };
  trie: { nodeCount: number; mask: number };
  establishedBy: Record<number, readonly string[]>;
  period: Record<number, { from?: number; to?: number }>;
  /** Byte offset and length of each section in the file (the scanner's memory is one section). */
  sections: Record<Section | 'scanner', [offset: number, bytes: number]>;
  scannerHeader: number | undefined;
  blobs: Record<string, [section: Section, offset: number, bytes: number, kind: BlobKind]>;
}

/** Where the snapshot's bytes come from: a file, or bytes in memory (bytesReader). */
export interface SnapshotReader {
  readonly size: number;
  /** Fills `into` with the bytes from `offset`; throws when there are not that many. */
  read(offset: number, into: Uint8Array): void;
  /** Called once nothing more will be read (the lazy part is in memory): a file may be closed. */
  done?(): void;
}

export function bytesReader(bytes: Uint8Array): SnapshotReader {
  return {
    size: bytes.byteLength,
    read(offset, into) {
      if (offset + into.byteLength > bytes.byteLength) throw new SnapshotUnreadable('read past the end');
      into.set(bytes.subarray(offset, offset + into.byteLength));
    },
  };
}

/** Thrown for bytes that are not a whole snapshot of this format: the caller compiles again. */
export class SnapshotUnreadable extends Error {
  override readonly name = 'SnapshotUnreadable';
}

const align8 = (n: number): number => (n + 7) & ~7;

function kindOf(blob: Blob): BlobKind {
  if (typeof blob === 'string') return 'text';
  if (blob instanceof Uint8Array) return 'u8';
  if (blob instanceof Uint16Array) return 'u16';
  return blob instanceof Int32Array ? 'i32' : 'u32';
}

/**
 * The path of each entity as indices into the entity list: itself, then its parents resolved as
 * compileMatcher resolves them (of two entities with one id, the later one).
 */
function chains(facts: readonly EntityFacts[]): { start: Int32Array; list: Int32Array } {
  const index = new Map(facts.map((f, e) => [f.id, e] as const));
  const start = new Int32Array(facts.length + 1);
  const list: number[] = [];
  facts.forEach((f, e) => {
    f.pathIds.forEach((id, k) => list.push(k === 0 ? e : index.get(id)!));
    start[e + 1] = list.length;
  });
  return { start, list: Int32Array.from(list) };
}

function sparse<T>(facts: readonly EntityFacts[], pick: (f: EntityFacts) => T | undefined): Record<number, T> {
  const out: Record<number, T> = {};
  facts.forEach((f, e) => { const v = pick(f); if (v !== undefined) out[e] = v; });
  return out;
}

const LAZY = new Set(['vChars', 'vStarts', 'vLens', 'vSlots', 'vSlotHash', 'vBloom', 'vStart3', 'tRoot', 'tOutStart', 'tOutList', 'tEdgeFrom', 'tEdgeTok', 'tEdgeTo', 'entities']);

const allFacts = (m: Matcher): EntityFacts[] => Array.from({ length: m.facts.length }, (_, e) => m.facts.at(e)!);

/** A string column as two blobs: the strings side by side, and where each ends. */
function column(name: string, values: readonly string[]): Record<string, Blob> {
  const { text, ends } = TextColumn.of(values).parts();
  return { [`${name}Text`]: text, [`${name}Ends`]: ends };
}

function blobsOf(m: Matcher, facts: readonly EntityFacts[]): Record<string, Blob> {
  const { vocab: v, trie: t } = m;
  const chain = chains(facts);
  const alias = m.payAlias.parts();
  const reason = m.payReason.parts();
  return {
    payEntity: m.payEntity, payFlags: m.payFlags, aliasText: alias.text, aliasEnds: alias.ends,
    reasons: reason.table.join(SEP), reasonCodes: reason.codes,
    seatGov: m.seats.governorate, seatDistrict: m.seats.district,
    ...column('id', facts.map((f) => f.id)), ...column('en', facts.map((f) => f.en)),
    ...column('fr', facts.map((f) => f.fr)), ...column('ar', facts.map((f) => f.ar)),
    kinds: Uint8Array.from(facts, (f) => ENTITY_KINDS.indexOf(f.kind)), owner: Int32Array.from(facts, (f) => f.owner),
    actsOnly: Uint8Array.from(facts, (f) => (f.actsOnly ? 1 : 0)), chainStart: chain.start, chainList: chain.list,
    vChars: v.chars, vStarts: v.starts, vLens: v.lens, vSlots: v.slots, vSlotHash: v.slotHash, vBloom: v.bloom, vStart3: v.start3,
    tRoot: t.rootChild, tOutStart: t.outStart, tOutList: t.outList, tEdgeFrom: t.edgeFrom, tEdgeTok: t.edgeTok, tEdgeTo: t.edgeTo,
    entities: JSON.stringify(m.entities.map((i) => i.entity)),
  };
}

const bytesOf = (blob: Blob): Uint8Array => (typeof blob === 'string'
  ? Buffer.from(blob, 'utf16le') : new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength));

/** The matcher as bytes (readMatcherSnapshot gives it back). */
export function writeMatcherSnapshot(m: Matcher): Uint8Array {
  const image = m.scanner?.image();
  const facts = allFacts(m);
  const raw = Object.entries(blobsOf(m, facts)).map(([name, blob]) => ({
    name, kind: kindOf(blob), bytes: bytesOf(blob), section: (LAZY.has(name) ? 'lazy' : 'eager') as Section,
  }));
  const size: Record<Section, number> = { eager: 0, lazy: 0 };
  const blobs: Header['blobs'] = {};
  for (const r of raw) {
    blobs[r.name] = [r.section, size[r.section], r.bytes.byteLength, r.kind];
    size[r.section] = align8(size[r.section] + r.bytes.byteLength);
  }
  const header: Header = {
    version: m.version, entityCount: m.entityCount, aliasCount: m.aliasCount,
    vocab: { size: m.vocab.size, mask: m.vocab.mask, bloomMask: m.vocab.bloomMask },
    trie: { nodeCount: m.trie.nodeCount, mask: m.trie.mask },
    establishedBy: sparse(facts, (f) => (f.establishedBy.length > 0 ? f.establishedBy : undefined)),
    period: sparse(facts, (f) => f.period),
    sections: { eager: [0, 0], scanner: [0, 0], lazy: [0, 0] }, scannerHeader: image?.header, blobs,
  };
  // The header's own length moves the sections: lay out with a header long enough for the offsets.
  const probe = Buffer.byteLength(JSON.stringify({ ...header, sections: { eager: [1e12, 1e12], scanner: [1e12, 1e12], lazy: [1e12, 1e12] } }));
  let at = align8(12 + probe);
  for (const [name, bytes] of [['eager', size.eager], ['scanner', image?.memory.byteLength ?? 0], ['lazy', size.lazy]] as const) {
    header.sections[name] = [at, bytes];
    at = align8(at + bytes);
  }
  const head = Buffer.from(JSON.stringify(header));
  const out = new Uint8Array(at);
  out.set(Buffer.from(MAGIC, 'latin1'), 0);
  new DataView(out.buffer).setUint32(8, head.byteLength, true);
  out.set(head, 12);
  for (const r of raw) out.set(r.bytes, header.sections[r.section][0] + blobs[r.name]![1]);
  if (image !== undefined) out.set(image.memory, header.sections.scanner[0]);
  return out;
}

/** The blobs of one section, read whole into a buffer of its own (so 8-aligned). */
class Body {
  constructor(private readonly bytes: Uint8Array, private readonly section: Section, private readonly header: Header) {}

  static read(reader: SnapshotReader, section: Section, header: Header): Body {
    const bytes = new Uint8Array(header.sections[section][1]);
    reader.read(header.sections[section][0], bytes);
    return new Body(bytes, section, header);
  }

  private place(name: string, kind: BlobKind): [number, number] {
    const b = this.header.blobs[name];
    if (b === undefined || b[0] !== this.section || b[3] !== kind || b[1] < 0 || b[1] + b[2] > this.bytes.byteLength) {
      throw new SnapshotUnreadable(`blob ${name} missing or out of bounds`);
    }
    return [b[1], b[2]];
  }

  u8(name: string): Uint8Array { const [o, n] = this.place(name, 'u8'); return new Uint8Array(this.bytes.buffer, o, n); }
  u16(name: string): Uint16Array { const [o, n] = this.place(name, 'u16'); return new Uint16Array(this.bytes.buffer, o, n >> 1); }
  i32(name: string): Int32Array { const [o, n] = this.place(name, 'i32'); return new Int32Array(this.bytes.buffer, o, n >> 2); }
  u32(name: string): Uint32Array { const [o, n] = this.place(name, 'u32'); return new Uint32Array(this.bytes.buffer, o, n >> 2); }
  text(name: string): string { const [o, n] = this.place(name, 'text'); return Buffer.from(this.bytes.buffer, o, n).toString('utf16le'); }
  /** A string column written by column(): `count` strings. */
  column(name: string, count: number): TextColumn {
    const text = this.text(`${name}Text`);
    const ends = this.i32(`${name}Ends`);
    if (ends.length !== count || (count > 0 && ends[count - 1] !== text.length)) throw new SnapshotUnreadable(`column ${name} of the wrong length`);
    return new TextColumn(text, ends);
  }
}

function readHeader(reader: SnapshotReader): Header {
  const start = new Uint8Array(12);
  if (reader.size < 12) throw new SnapshotUnreadable('not a matcher snapshot');
  reader.read(0, start);
  if (Buffer.from(start.buffer, 0, 8).toString('latin1') !== MAGIC) throw new SnapshotUnreadable('not a matcher snapshot');
  const length = new DataView(start.buffer).getUint32(8, true);
  if (12 + length > reader.size) throw new SnapshotUnreadable('truncated header');
  const text = new Uint8Array(length);
  reader.read(12, text);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(text.buffer).toString('utf8')) as Header;
  } catch {
    throw new SnapshotUnreadable('unreadable header');
  }
  const [lazyAt, lazyBytes] = header.sections?.lazy ?? [0, 0];
  if (align8(lazyAt + lazyBytes) !== reader.size) throw new SnapshotUnreadable('truncated or padded file');
  return header;
}

/** The entity facts of a snapshot, each built on first use from the columns (most are never asked for). */
class StoredFacts implements EntityFactsTable {
  readonly length: number;
  private readonly built: Array<EntityFacts | undefined>;
  private readonly id: TextColumn; private readonly en: TextColumn; private readonly fr: TextColumn; private readonly ar: TextColumn;
  private readonly kinds: Uint8Array; private readonly owner: Int32Array; private readonly acts: Uint8Array;
  private readonly chainStart: Int32Array; private readonly chainList: Int32Array;

  constructor(body: Body, private readonly header: Header) {
    const n = header.entityCount;
    this.length = n;
    this.built = new Array<EntityFacts | undefined>(n);
    [this.id, this.en, this.fr, this.ar] = (['id', 'en', 'fr', 'ar'] as const).map((c) => body.column(c, n));
    this.kinds = body.u8('kinds');
    this.owner = body.i32('owner');
    this.acts = body.u8('actsOnly');
    this.chainStart = body.i32('chainStart');
    this.chainList = body.i32('chainList');
    if (this.kinds.length !== n || this.owner.length !== n || this.acts.length !== n || this.chainStart.length !== n + 1
      || this.chainStart[n] !== this.chainList.length) throw new SnapshotUnreadable('entity columns of the wrong length');
  }

  at(e: number): EntityFacts | undefined {
    if (e < 0 || e >= this.length) return undefined;
    return (this.built[e] ??= this.build(e));
  }

  private build(e: number): EntityFacts {
    // A plain loop: typed-array subarray + Array.from cost several microseconds per entity.
    const from = this.chainStart[e]!;
    const length = this.chainStart[e + 1]! - from;
    const path = new Array<string>(length);
    const pathIds = new Array<string>(length);
    for (let k = 0; k < length; k += 1) {
      const up = this.chainList[from + k]!;
      path[k] = up === e ? this.en.at(e) : this.at(up)!.en;
      pathIds[k] = up === e ? this.id.at(e) : this.at(up)!.id;
    }
    return {
      id: this.id.at(e), kind: ENTITY_KINDS[this.kinds[e]!] as EntityKind, en: this.en.at(e), fr: this.fr.at(e), ar: this.ar.at(e),
      path, pathIds, owner: this.owner[e]!,
      actsOnly: this.acts[e] === 1, establishedBy: this.header.establishedBy[e] ?? [], period: this.header.period[e],
    };
  }
}

function restoreScanner(reader: SnapshotReader, header: Header, tables: () => { vocab: TokenVocab; trie: TokenTrie }, payFlags: Uint8Array): WasmScanner | undefined {
  if (!WASM_SCANNER_OK) return undefined;
  const [at, bytes] = header.sections.scanner;
  if (header.scannerHeader === undefined || bytes === 0) return new WasmScanner(tables().vocab, tables().trie, payFlags);
  return new WasmScanner({ header: header.scannerHeader, bytes, fill: (into) => reader.read(at, into) });
}

interface LazyParts { vocab: TokenVocab; trie: TokenTrie; entities: Entity[] }

function readLazy(reader: SnapshotReader, header: Header): LazyParts {
  const body = Body.read(reader, 'lazy', header);
  return {
    vocab: TokenVocab.fromTables({
      ...header.vocab, chars: body.u16('vChars'), starts: body.i32('vStarts'), lens: body.i32('vLens'),
      slots: body.i32('vSlots'), slotHash: body.i32('vSlotHash'), bloom: body.u32('vBloom'), start3: body.u32('vStart3'),
    }),
    trie: TokenTrie.fromTables({
      ...header.trie, rootChild: body.i32('tRoot'), outStart: body.i32('tOutStart'), outList: body.i32('tOutList'),
      edgeFrom: body.i32('tEdgeFrom'), edgeTok: body.i32('tEdgeTok'), edgeTo: body.i32('tEdgeTo'),
    }),
    entities: JSON.parse(body.text('entities')) as Entity[],
  };
}

/** Only the entities a snapshot holds (as `readMatcherSnapshot(r).entities` gives them), reading nothing else. */
export function readSnapshotEntities(reader: SnapshotReader): Entity[] {
  return JSON.parse(Body.read(reader, 'lazy', readHeader(reader)).text('entities')) as Entity[];
}

/**
 * The matcher stored by writeMatcherSnapshot. `vocab`, `trie` and `entities` are read from `reader` on
 * first use (the WebAssembly scanner does not need them), so the reader must stay readable.
 * Throws SnapshotUnreadable for anything that is not such a snapshot.
 */
export function readMatcherSnapshot(reader: SnapshotReader): Matcher {
  const header = readHeader(reader);
  const body = Body.read(reader, 'eager', header);
  const payEntity = body.i32('payEntity');
  const payFlags = body.u8('payFlags');
  const reasons = body.text('reasons');
  const payReason = new CodedColumn(reasons === '' ? [] : reasons.split(SEP), body.i32('reasonCodes'));
  const payAlias = body.column('alias', payEntity.length);
  if (payFlags.length !== payEntity.length || payReason.length !== payEntity.length) throw new SnapshotUnreadable('payload columns of the wrong length');
  const facts = new StoredFacts(body, header);
  let lazy: LazyParts | undefined;
  const later = (): LazyParts => {
    if (lazy === undefined) {
      lazy = readLazy(reader, header);
      reader.done?.();
    }
    return lazy;
  };
  let entities: EntityInfo[] | undefined;
  return {
    version: header.version, entityCount: header.entityCount, aliasCount: header.aliasCount,
    get entities(): EntityInfo[] {
      entities ??= later().entities.map((entity, e) => {
        const f = facts.at(e)!;
        return { entity, kind: f.kind, path: f.path, pathIds: f.pathIds };
      });
      return entities;
    },
    get vocab(): TokenVocab { return later().vocab; },
    get trie(): TokenTrie { return later().trie; },
    facts, payEntity, payFlags, payAlias, payReason,
    scanner: restoreScanner(reader, header, later, payFlags),
    seats: { governorate: body.i32('seatGov'), district: body.i32('seatDistrict') },
  };
}
