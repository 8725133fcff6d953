// The vocabulary of alias tokens: an open-addressing hash table looked up straight from the normalised
// char buffer, so matching allocates no string per token. Built once per compiled matcher.

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export class TokenVocab {
  readonly size: number;
  private readonly chars: Uint16Array;
  private readonly starts: Int32Array;
  private readonly lens: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly words: string[];

  constructor(words: string[]) {
    this.words = words;
    this.size = words.length;
    const total = words.reduce((sum, w) => sum + w.length, 0);
    this.chars = new Uint16Array(total);
    this.starts = new Int32Array(words.length);
    this.lens = new Int32Array(words.length);
    let capacity = 16;
    while (capacity < words.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    let at = 0;
    words.forEach((w, id) => {
      this.starts[id] = at;
      this.lens[id] = w.length;
      for (let k = 0; k < w.length; k += 1) this.chars[at + k] = w.charCodeAt(k);
      at += w.length;
      let slot = hashString(w) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    });
  }

  word(id: number): string {
    return this.words[id]!;
  }

  /** Id of the word buf[s..e) whose FNV-1a hash the caller computed while cutting tokens, or -1. */
  lookupHashed(h: number, buf: Uint16Array, s: number, e: number): number {
    const length = e - s;
    let slot = h & this.mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id === -1) return -1;
      if (this.lens[id] === length && this.equals(id, buf, s, e, 0, 0)) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Id of the word `pre1 pre2 buf[s..e)` (pre = 0: absent), or -1. */
  lookup(buf: Uint16Array, s: number, e: number, pre1 = 0, pre2 = 0): number {
    let h = FNV_OFFSET;
    if (pre1 !== 0) h = Math.imul(h ^ pre1, FNV_PRIME);
    if (pre2 !== 0) h = Math.imul(h ^ pre2, FNV_PRIME);
    for (let i = s; i < e; i += 1) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
    const length = e - s + (pre1 !== 0 ? 1 : 0) + (pre2 !== 0 ? 1 : 0);
    let slot = h & this.mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id === -1) return -1;
      if (this.lens[id] === length && this.equals(id, buf, s, e, pre1, pre2)) return id;
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
