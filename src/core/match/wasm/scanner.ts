// The JavaScript side of the WebAssembly scanner (assembly/scan.ts): one instance per compiled matcher,
// holding a copy of its vocabulary and trie tables in the instance's memory. scan(text) copies the
// text in (one native UTF-16 write), runs the whole cut + lookup + trie walk in WebAssembly, and hands
// back the hits as typed-array views of that memory (valid until the next scan; matching never awaits).
// Output is identical to the JavaScript reference scanner (../scan-text-js.ts); a test holds them equal.
import { Buffer } from 'node:buffer';
import os from 'node:os';
import { SCAN, computeScan } from '../scan-table.js';
import { BREAK_KIND, loadSentences } from '../sentence-index.js';
import { MAX_SLOW_OPS, slowOps } from '../cut-tokens.js';
import { writeUnits } from '../copy-units.js';
import { MAX_CANDIDATES } from '../arabic-variants.js';
import type { ScanHits } from '../scan-hits.js';
import type { TokenVocab } from '../token-vocab.js';
import type { TokenTrie } from '../token-trie.js';
import { SCANNER_WASM_BASE64 } from './scanner-binary.js';
import { scannerVocab } from './scanner-vocab.js';

/** Header slots shared with assembly/scan.ts (H_*). */
const H = {
  SCAN: 0, BREAK: 1, V_CHARS: 2, WORD: 3, MAX_WORD: 4, V_SLOTS: 5, COMPACT: 6, V_MASK: 7, BLOOM: 8,
  BLOOM_MASK: 9, START3: 10, ROOT: 11, E_FROM: 12, SHORT: 13, SHORT_MASK: 14, E_MASK: 15, NODES: 16,
  OUT_LIST: 17, PAY_FLAGS: 18, TEXT: 20, UNITS: 21, UNITS_CAP: 22, U_START: 23, U_END: 24, HASH: 25,
  T_START: 26, T_END: 27, TOKENS_CAP: 28, CAND_IDS: 29, CAND_TOGGLED: 30, CONT_COUNT: 31, ALL_COUNT: 32,
  STARTS: 33, HIT_PAYLOAD: 34, HIT_FROM: 35, HIT_TO: 36, HIT_START: 37, HIT_END: 38, HITS_CAP: 39,
  ENDS: 40, IRREGULAR: 41, OPS: 42, OUT_TOKENS: 50, OUT_ENDS: 51, OUT_IRREGULAR: 52,
} as const;
const HEADER_SLOTS = 64;
/**
 * Longest text (UTF-16 units) scanned here: the scratch takes about 60 bytes per unit and WebAssembly
 * memory never shrinks, so every matcher that once saw a huge text would keep that much. Longer texts
 * (rare: article text is capped upstream) go to the JavaScript scanner, whose scratch is one set for
 * the whole process.
 */
export const MAX_WASM_TEXT = 1 << 20;
const NEED_UNITS = -1;
const NEED_TOKENS = -2;
const NEED_HITS = -3;
const PAGE = 65536;

/**
 * The tables are copied into WebAssembly memory byte for byte, which is right only on a little-endian
 * machine (WebAssembly memory is little-endian); elsewhere scanText uses the JavaScript scanner.
 */
const WASM_BYTE_ORDER_OK = os.endianness() === 'LE';

/** The few members of the WebAssembly JS API used here (TypeScript's ES libs do not describe it). */
interface WasmMemory { readonly buffer: ArrayBuffer; grow(pages: number): number }
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The module from `bytes`, or undefined when this engine cannot compile it. */
export function compileScanner(bytes: Uint8Array): object | undefined {
  try {
    return new WebAssemblyApi.Module(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Compiled once per process (about 7 KB of code); instances are per matcher. Undefined where the
 * engine lacks WebAssembly SIMD (x86 processors without SSE4.1, from before 2008) or WebAssembly
 * itself: compileMatcher then makes no scanner and scanText uses the JavaScript one.
 */
const compiled = WASM_BYTE_ORDER_OK ? compileScanner(Buffer.from(SCANNER_WASM_BASE64, 'base64')) : undefined;

/** Whether matchers get a WebAssembly scanner here (see `compiled`). */
export const WASM_SCANNER_OK = compiled !== undefined;

function scannerModule(): object {
  if (compiled === undefined) throw new Error('the WebAssembly scanner does not run on this engine (check WASM_SCANNER_OK)');
  return compiled;
}

interface Exports {
  memory: WasmMemory;
  heapBase(): number;
  setLayout(header: number): void;
  scan(len: number): number;
}

const align = (n: number): number => (n + 7) & ~7;

/** Scratch capacities, in elements. */
interface Capacity { text: number; units: number; tokens: number; hits: number }

/**
 * Spare units after every area of words: the scanner stores 8 units at a time, hashes 8 and compares 4
 * at a time, and may read or write past a word's last unit.
 */
const UNIT_PAD = 16;

/** A copy with spare units (UNIT_PAD). */
function padded(chars: Uint16Array): Uint16Array {
  const out = new Uint16Array(chars.length + UNIT_PAD);
  out.set(chars);
  return out;
}

/** The trie's edge table as 16-byte records (from, token, to, unused): one cache line per probe. */
function edgeRecords(trie: TokenTrie): Int32Array {
  const records = new Int32Array(trie.edgeFrom.length * 4);
  trie.edgeFrom.forEach((from, slot) => {
    records[slot * 4] = from;
    records[slot * 4 + 1] = trie.edgeTok[slot]!;
    records[slot * 4 + 2] = trie.edgeTo[slot]!;
  });
  return records;
}

/** Bit of token id `tok` in a node's child mask (childBit in assembly/scan.ts). */
const childBit = (tok: number): number => Math.imul(tok, 0x9e3779b1) >>> 27;

/**
 * The trie's nodes as 16-byte records (first output, end of outputs, child mask, unused): a node's
 * outputs and a filter of its children's token ids in one cache line.
 */
function nodeRecords(trie: TokenTrie): Int32Array {
  const records = new Int32Array(trie.nodeCount * 4);
  for (let node = 0; node < trie.nodeCount; node += 1) {
    records[node * 4] = trie.outStart[node]!;
    records[node * 4 + 1] = trie.outStart[node + 1]!;
  }
  trie.edgeFrom.forEach((from, slot) => {
    if (from >= 0) records[from * 4 + 2]! |= 1 << childBit(trie.edgeTok[slot]!);
  });
  return records;
}

/** A scanner's memory below its scratch, and where its header sits (the module's heap base). */
export interface ScannerImage { memory: Uint8Array; header: number }

/** Such an image as stored: its length, and how to copy it into a scanner's memory. */
export interface StoredScannerImage { header: number; bytes: number; fill(into: Uint8Array): void }

export class WasmScanner {
  private readonly exports: Exports;
  private readonly header: number;
  /** First free byte after the per-matcher tables: the per-text scratch starts here. */
  private readonly scratch: number;
  private cap: Capacity = { text: 0, units: 0, tokens: 0, hits: 0 };
  /** Byte addresses, in the current layout, of the areas JavaScript itself writes or reads. */
  private at = { text: 0, ends: 0, irregular: 0 };
  private buffer: ArrayBuffer | undefined;
  private bytes = Buffer.alloc(0);
  private i32 = new Int32Array(0);
  private ops = new Int32Array(0);
  private text = '';
  /** Scans done again because a scratch area was too small (tests read it). */
  private rescanCount = 0;
  /** The result object, re-pointed at the memory after every scan. */
  private readonly hits: ScanHits = {
    count: 0, payload: new Int32Array(0), startToken: new Int32Array(0), endToken: new Int32Array(0),
    start: new Int32Array(0), end: new Int32Array(0), tokenCount: 0, tokenStart: new Int32Array(0), tokenEnd: new Int32Array(0),
  };

  /** From a matcher's tables, or from the image of a scanner built before (see image()). */
  constructor(...from: [vocab: TokenVocab, trie: TokenTrie, payFlags: Uint8Array] | [image: StoredScannerImage]) {
    const instance = new WebAssemblyApi.Instance(scannerModule(), {
      env: {
        computeScan: (c: number): number => computeScan(c),
        foldSlow: (i: number): number => slowOps(this.text, i, this.ops),
      },
    });
    this.exports = instance.exports as unknown as Exports;
    this.header = this.exports.heapBase();
    this.scratch = from.length === 1 ? this.restore(from[0]) : this.copyTables(...from);
    this.layout({ text: 4096, units: 4096 + 64, tokens: 2048 + 2, hits: 2048 + 256 });
  }

  /**
   * The memory below the scratch (module data, header, tables): all a scanner of the same module needs
   * to start again without rebuilding its tables (the matcher snapshot stores it).
   */
  image(): ScannerImage {
    return { memory: new Uint8Array(this.exports.memory.buffer, 0, this.scratch).slice(), header: this.header };
  }

  /** Fills the memory straight from the stored image (no copy of it in JavaScript's heap). */
  private restore(image: StoredScannerImage): number {
    if (image.header !== this.header) throw new Error('scanner image from another build of the scanner module');
    this.grow(image.bytes);
    image.fill(new Uint8Array(this.exports.memory.buffer, 0, image.bytes));
    return image.bytes;
  }

  /** Copies the per-matcher tables after the header; returns the first byte after them. */
  private copyTables(vocab: TokenVocab, trie: TokenTrie, payFlags: Uint8Array): number {
    const words = scannerVocab(vocab, trie.rootChild);
    const tables: Array<[number, ArrayBufferView]> = [
      [H.SCAN, SCAN], [H.BREAK, BREAK_KIND],
      [H.V_CHARS, padded(vocab.chars)], [H.V_SLOTS, words.records], [H.BLOOM, words.bloom], [H.START3, vocab.start3],
      // Where lookups spell out a word with its Arabic prefixes (2 units), padded like every word area.
      [H.WORD, new Uint16Array(words.maxWord + 2 + UNIT_PAD)],
      [H.ROOT, trie.rootChild], [H.E_FROM, edgeRecords(trie)],
      [H.NODES, nodeRecords(trie)], [H.OUT_LIST, trie.outList], [H.PAY_FLAGS, payFlags], [H.SHORT, words.short],
    ];
    let end = align(this.header + HEADER_SLOTS * 4);
    const placed: Array<[number, number, ArrayBufferView]> = [];
    for (const [slot, table] of tables) {
      placed.push([slot, end, table]);
      end = align(end + table.byteLength);
    }
    this.grow(end);
    const mem = new Uint8Array(this.exports.memory.buffer);
    for (const [slot, at, table] of placed) {
      mem.set(new Uint8Array(table.buffer, table.byteOffset, table.byteLength), at);
      this.setSlot(slot, at);
    }
    this.setSlot(H.V_MASK, vocab.mask);
    this.setSlot(H.BLOOM_MASK, vocab.bloomMask);
    this.setSlot(H.MAX_WORD, words.maxWord);
    this.setSlot(H.SHORT_MASK, words.shortMask);
    this.setSlot(H.E_MASK, trie.mask);
    return end;
  }

  /** Bytes of WebAssembly memory this scanner holds (its tables plus the scratch of the longest text). */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /** How many scans were done again with bigger scratch areas. */
  get rescans(): number {
    return this.rescanCount;
  }

  /** Every alias/exclusion hit of `text` (see ScanHits), exactly as the JavaScript reference finds them. */
  scan(text: string): ScanHits {
    const len = text.length;
    if (len > this.cap.text) this.layout(this.sized(len));
    this.copyIn(text);
    let count = this.exports.scan(len);
    // A text that outgrows a scratch area (foldings that lengthen it, nested hits) is scanned again.
    while (count < 0) {
      const next = { ...this.cap };
      if (count === NEED_UNITS) next.units *= 2;
      else if (count === NEED_TOKENS) next.tokens *= 2;
      else if (count === NEED_HITS) next.hits *= 2;
      this.layout(next);
      this.rescanCount += 1;
      this.copyIn(text);
      count = this.exports.scan(len);
    }
    const i32 = this.i32;
    const h = this.hits;
    h.count = count;
    h.tokenCount = i32[(this.header >> 2) + H.OUT_TOKENS]!;
    loadSentences(text, i32, this.at.ends >> 2, i32[(this.header >> 2) + H.OUT_ENDS]!,
      this.at.irregular >> 2, i32[(this.header >> 2) + H.OUT_IRREGULAR]!);
    return h;
  }

  private copyIn(text: string): void {
    this.text = text;
    writeUnits(text, this.bytes, this.at.text);
  }

  private sized(len: number): Capacity {
    let text = this.cap.text;
    while (text < len) text *= 2;
    return { text, units: text + 64, tokens: Math.max(this.cap.tokens, (text >> 1) + 2), hits: Math.max(this.cap.hits, (text >> 1) + 256) };
  }

  private setSlot(slot: number, value: number): void {
    new Int32Array(this.exports.memory.buffer, this.header, HEADER_SLOTS)[slot] = value;
  }

  /** Makes sure the memory reaches byte `end`; refreshes the views when it grew. */
  private grow(end: number): void {
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < end) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
    if (this.buffer !== memory.buffer) {
      this.buffer = memory.buffer;
      this.bytes = Buffer.from(memory.buffer);
      this.i32 = new Int32Array(memory.buffer);
    }
  }

  /** Lays out the per-text scratch for capacity `cap` after the tables, and tells the scanner. */
  private layout(cap: Capacity): void {
    let end = this.scratch;
    const slots: Array<[number, number]> = [];
    const take = (slot: number, bytes: number): number => {
      const at = end;
      slots.push([slot, at]);
      end = align(end + bytes);
      return at;
    };
    const text = take(H.TEXT, 2 * cap.text);
    // Folded units: the text's positions (a block of 64 may write past the end), then packed words.
    const compact = cap.text + 64 + UNIT_PAD;
    take(H.UNITS, 2 * (compact + cap.units + UNIT_PAD));
    slots.push([H.COMPACT, compact], [H.UNITS_CAP, compact + cap.units]);
    take(H.U_START, 4 * cap.tokens);
    take(H.U_END, 4 * cap.tokens);
    take(H.HASH, 4 * cap.tokens);
    const tStart = take(H.T_START, 4 * cap.tokens);
    const tEnd = take(H.T_END, 4 * cap.tokens);
    slots.push([H.TOKENS_CAP, cap.tokens]);
    take(H.CAND_IDS, 4 * MAX_CANDIDATES * cap.tokens);
    take(H.CAND_TOGGLED, MAX_CANDIDATES * cap.tokens);
    take(H.CONT_COUNT, cap.tokens);
    take(H.ALL_COUNT, cap.tokens);
    take(H.STARTS, 4 * cap.tokens);
    const hitPayload = take(H.HIT_PAYLOAD, 4 * cap.hits);
    const hitFrom = take(H.HIT_FROM, 4 * cap.hits);
    const hitTo = take(H.HIT_TO, 4 * cap.hits);
    const hitStart = take(H.HIT_START, 4 * cap.hits);
    const hitEnd = take(H.HIT_END, 4 * cap.hits);
    slots.push([H.HITS_CAP, cap.hits]);
    const ends = take(H.ENDS, 4 * (cap.text + 1));
    const irregular = take(H.IRREGULAR, 4 * (cap.text + 1));
    const ops = take(H.OPS, 4 * MAX_SLOW_OPS);
    // About 60 bytes per text unit (see MAX_WASM_TEXT).
    this.grow(end);
    for (const [slot, value] of slots) this.setSlot(slot, value);
    this.cap = cap;
    this.at = { text, ends, irregular };
    const buffer = this.exports.memory.buffer;
    this.ops = new Int32Array(buffer, ops, MAX_SLOW_OPS);
    const h = this.hits;
    h.payload = new Int32Array(buffer, hitPayload, cap.hits);
    h.startToken = new Int32Array(buffer, hitFrom, cap.hits);
    h.endToken = new Int32Array(buffer, hitTo, cap.hits);
    h.start = new Int32Array(buffer, hitStart, cap.hits);
    h.end = new Int32Array(buffer, hitEnd, cap.hits);
    h.tokenStart = new Int32Array(buffer, tStart, cap.tokens);
    h.tokenEnd = new Int32Array(buffer, tEnd, cap.tokens);
    this.exports.setLayout(this.header);
  }
}
