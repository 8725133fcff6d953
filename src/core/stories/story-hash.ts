// Small non-cryptographic hashes for shingles and MinHash: deterministic across processes and
// machines, so fingerprints written by one worker compare with those of another. Not for security.

/** FNV-1a over the UTF-16 code units of a string, as an unsigned 32-bit integer. */
export function storyHash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser applied to `value ^ seed`: one cheap "permutation" per seed for MinHash. */
export function mix32(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
