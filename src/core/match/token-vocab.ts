// The vocabulary of alias tokens: an open-addressing hash table looked up straight from the normalised
// char buffer, so matching allocates no string per token. Built once per compiled matcher.
// Each slot keeps the word's hash (a miss is rejected without touching the chars); a small blocked Bloom
// filter (two bits of one 32-bit word per hash, ~8 bits per word) rejects most text words before the
// table is probed; a bitset of the words' first three units lets the Arabic variants skip lookups.

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The tables of a vocabulary, as a matcher snapshot stores them (matcher-snapshot.ts). */
export interface VocabTables {
  size: number; chars: Uint16Array; starts: Int32Array; lens: Int32Array; slots: Int32Array; slotHash: Int32Array;
  mask: number; bloom: Uint32Array; bloomMask: number; start3: Uint32Array;
}

/** Tables are public read-only: the WebAssembly scanner (wasm/scanner.ts) copies them. */
export class TokenVocab implements VocabTables {
  readonly size: number;
  readonly chars: Uint16Array;
  readonly starts: Int32Array;
  readonly lens: Int32Array;
  readonly slots: Int32Array;
  readonly slotHash: Int32Array;
  readonly mask: number;
  /** Blocked Bloom filter over word hashes; `bloomMask` selects the 32-bit block. */
  readonly bloom: Uint32Array;
  readonly bloomMask: number;
  /** Bit per hash of a word's first three units (words of >= 3 units only). */
  readonly start3: Uint32Array;

  /** A vocabulary over tables built before (a snapshot's): nothing is hashed again. */
  static fromTables(t: VocabTables): TokenVocab {
    return Object.assign(Object.create(TokenVocab.prototype) as TokenVocab, t);
  }

  constructor(words: string[]) {
    this.size = words.length;
    const total = words.reduce((sum, w) => sum + w.length, 0);
    this.chars = new Uint16Array(total);
    this.starts = new Int32Array(words.length);
    this.lens = new Int32Array(words.length);
    let capacity = 16;
    while (capacity < words.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.slotHash = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.start3 = new Uint32Array(START3_BITS >>> 5);
    let blocks = 64;
    while (blocks * 32 < words.length * 8) blocks *= 2;
    this.bloom = new Uint32Array(blocks);
    this.bloomMask = blocks - 1;
    let at = 0;
    words.forEach((w, id) => {
      this.starts[id] = at;
      this.lens[id] = w.length;
      for (let k = 0; k < w.length; k += 1) this.chars[at + k] = w.charCodeAt(k);
      at += w.length;
      const h = hashString(w);
      let slot = h & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
      this.slotHash[slot] = h;
      this.bloom[(h >>> 10) & this.bloomMask]! |= bloomBits(h);
      if (w.length >= 3) {
        const b = start3Bit(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2));
        this.start3[b >>> 5] |= 1 << (b & 31);
      }
    });
  }

  /** The word as a string (spelled out from the tables: lookups never need it). */
  word(id: number): string {
    const at = this.starts[id]!;
    return String.fromCharCode(...this.chars.subarray(at, at + this.lens[id]!));
  }

  /** Id of the word buf[s..e) whose FNV-1a hash the caller computed while cutting tokens, or -1. */
  lookupHashed(h: number, buf: Uint16Array, s: number, e: number): number {
    const bits = bloomBits(h);
    if ((this.bloom[(h >>> 10) & this.bloomMask]! & bits) !== bits) return -1;
    const length = e - s;
    let slot = h & this.mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id === -1) return -1;
      if (this.slotHash[slot] === h && this.lens[id] === length && this.equals(id, buf, s, e, 0, 0)) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Whether some word of >= 3 units may start with units a, b, c (false: certainly none). */
  mayStartWith(a: number, b: number, c: number): boolean {
    const bit = start3Bit(a, b, c);
    return (this.start3[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** Id of the word `pre1 pre2 buf[s..e)` (pre = 0: absent), or -1. */
  lookup(buf: Uint16Array, s: number, e: number, pre1 = 0, pre2 = 0): number {
    const length = e - s + (pre1 !== 0 ? 1 : 0) + (pre2 !== 0 ? 1 : 0);
    if (length >= 3) {
      // The first three units of pre1 pre2 buf[s..]: a cheap filter before hashing the whole word.
      const a = pre1 !== 0 ? pre1 : buf[s]!;
      const b = pre1 !== 0 ? (pre2 !== 0 ? pre2 : buf[s]!) : buf[s + 1]!;
      const c = pre1 !== 0 ? (pre2 !== 0 ? buf[s]! : buf[s + 1]!) : buf[s + 2]!;
      if (!this.mayStartWith(a, b, c)) return -1;
    }
    let h = FNV_OFFSET;
    if (pre1 !== 0) h = Math.imul(h ^ pre1, FNV_PRIME);
    if (pre2 !== 0) h = Math.imul(h ^ pre2, FNV_PRIME);
    for (let i = s; i < e; i += 1) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
    const bits = bloomBits(h);
    if ((this.bloom[(h >>> 10) & this.bloomMask]! & bits) !== bits) return -1;
    let slot = h & this.mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id === -1) return -1;
      if (this.slotHash[slot] === h && this.lens[id] === length && this.equals(id, buf, s, e, pre1, pre2)) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  private equals(id: number, buf: Uint16Array, s: number, e: number, pre1: number, pre2: number): boolean {
    let at = this.starts[id]!;
    if (pre1 !== 0 && this.chars[at++] !== pre1) return false;
    if (pre2 !== 0 && this.chars[at++] !== pre2) return false;
    for (let i = s; i < e; i += 1) if (this.chars[at++] !== buf[i]) return false;
    return true;
  }
}

function hashString(w: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i += 1) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
  return h;
}

const START3_BITS = 1 << 16;

function start3Bit(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d), 0x27d4eb2f) >>> 16) & (START3_BITS - 1);
}

/** Two bit positions in a 32-bit block, from hash bits not used to pick the block or the slot. */
export function bloomBits(h: number): number {
  const m = Math.imul(h, 0x9e3779b1);
  return (1 << (m >>> 27)) | (1 << ((m >>> 22) & 31));
}
