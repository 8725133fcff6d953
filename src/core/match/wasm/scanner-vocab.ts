// The vocabulary table of the WebAssembly scanner: the same words as the matcher's TokenVocab, hashed
// with the scanner's own word hash (hashUnits in assembly/scan.ts, mirrored here by wasmHash). That hash
// reads a word 8 units at a time after the cut, so the cut's SIMD steps need no per-character hashing;
// the JavaScript reference keeps its FNV-1a, computed as it cuts. Same layout, masks and Bloom filter
// shape as TokenVocab; only the hashes differ. Short words (most of the words looked up in a text) also
// get a small table of their own, with the word inline in its record.
import { bloomBits, type TokenVocab } from '../token-vocab.js';

const HP1 = 0x9e3779b1 | 0;
const HP2 = 0x85ebca77 | 0;
const HP3 = 0xc2b2ae3d | 0;
const HP4 = 0x27d4eb2f;
const HP5 = 0x165667b1;

/** Units start..start+length of `units` as little-endian pairs; units past the word count as 0. */
function pair(units: Uint16Array, at: number, end: number): number {
  const lo = at < end ? units[at]! : 0;
  const hi = at + 1 < end ? units[at + 1]! : 0;
  return lo | (hi << 16);
}

/** hashUnits of assembly/scan.ts: the word units[start..start+length), as an int32. */
export function wasmHash(units: Uint16Array, start: number, length: number): number {
  const end = start + length;
  let h = Math.imul(length, HP5);
  let at = start;
  let left = length;
  for (;;) {
    h = (Math.imul(h, HP1) + Math.imul(pair(units, at, end), HP2) + Math.imul(pair(units, at + 2, end), HP3)
      + Math.imul(pair(units, at + 4, end), HP4) + Math.imul(pair(units, at + 6, end), HP5)) | 0;
    left -= 8;
    if (left <= 0) break;
    at += 8;
  }
  h ^= h >>> 15;
  h = Math.imul(h, HP2);
  h ^= h >>> 13;
  h = Math.imul(h, HP3);
  h ^= h >>> 16;
  return h;
}

/**
 * Flag in the ids the tables hold: the word starts some alias (ROOT_FLAG in assembly/scan.ts). Word ids
 * stay far below it (a vocabulary that large would not fit in memory).
 */
const ROOT_FLAG = 1 << 30;

/** Words of up to this many units also go in the short table (SHORT in assembly/scan.ts). */
const SHORT = 4;

export interface ScannerVocab {
  /** One 16-byte record per slot (hash, word id with ROOT_FLAG or -1, length, first char in vocab.chars). */
  records: Int32Array;
  /** The short words: one 16-byte record per slot (units 0-1, units 2-3, word id with ROOT_FLAG or -1, length). */
  short: Int32Array;
  shortMask: number;
  bloom: Uint32Array;
  /** Length of the longest word: no longer word needs a lookup. */
  maxWord: number;
}

/**
 * The vocabulary's words in open-addressing slots by wasmHash, and their Bloom filter. Ids carry
 * ROOT_FLAG when rootChild (the trie's root child per word id) has a node for the word.
 */
export function scannerVocab(vocab: TokenVocab, rootChild: Int32Array): ScannerVocab {
  const capacity = vocab.slots.length;
  const mask = capacity - 1;
  const records = new Int32Array(capacity * 4);
  for (let slot = 0; slot < capacity; slot += 1) records[slot * 4 + 1] = -1;
  const bloom = new Uint32Array(vocab.bloom.length);
  let shortCount = 0;
  for (let id = 0; id < vocab.size; id += 1) if (vocab.lens[id]! <= SHORT) shortCount += 1;
  let shortSlots = 16;
  while (shortSlots < shortCount * 2) shortSlots *= 2;
  const shortMask = shortSlots - 1;
  const short = new Int32Array(shortSlots * 4);
  for (let slot = 0; slot < shortSlots; slot += 1) short[slot * 4 + 2] = -1;
  let maxWord = 0;
  for (let id = 0; id < vocab.size; id += 1) {
    const start = vocab.starts[id]!;
    const length = vocab.lens[id]!;
    maxWord = Math.max(maxWord, length);
    const h = wasmHash(vocab.chars, start, length);
    const flagged = rootChild[id]! >= 0 ? id | ROOT_FLAG : id;
    let slot = h & mask;
    while (records[slot * 4 + 1] !== -1) slot = (slot + 1) & mask;
    records.set([h, flagged, length, start], slot * 4);
    bloom[(h >>> 10) & vocab.bloomMask]! |= bloomBits(h);
    if (length <= SHORT) {
      let at = h & shortMask;
      while (short[at * 4 + 2] !== -1) at = (at + 1) & shortMask;
      const end = start + length;
      short.set([pair(vocab.chars, start, end), pair(vocab.chars, start + 2, end), flagged, length], at * 4);
    }
  }
  return { records, short, shortMask, bloom, maxWord };
}
