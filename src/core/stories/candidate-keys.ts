// Index keys under which a story's fingerprints are filed and looked up, so finding candidates for a
// new article reads a few short lists instead of every recent story. Pure; the store owns Redis.
import type { StoryFingerprint } from './story-fingerprint.js';
import { mix32, storyHash32 } from './story-hash.js';

/** 16 bands of 2 MinHash rows: two texts with shingle Jaccard 0.5 share a band with p = 1-(1-0.5²)¹⁶ ≈ 0.99,
 * at 0.3 with p ≈ 0.79, at 0.1 with p ≈ 0.15: near-duplicates are found, unrelated texts rarely are. */
const BANDS = 16;
const ROWS = 2;
const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => mix32(i + 1, 0x9e3779b9));

/** MinHash signature of a shingle set (one minimum per seeded permutation); empty for an empty set. */
export function minHash(shingles: readonly number[]): number[] {
  if (shingles.length === 0) return [];
  return SEEDS.map((seed) => shingles.reduce((min, s) => Math.min(min, mix32(s, seed)), 0xffffffff));
}

/**
 * Keys to file the fingerprint under and to look candidates up with: `u:` the canonical URL,
 * `p:` each precise place (the entity rule needs one in common), `b:` each MinHash band (the text
 * rule). Actors and areas are not keys: "ISIS" or "Syria" would return every recent story.
 */
export function candidateKeys(fp: StoryFingerprint): string[] {
  const keys = [`u:${storyHash32(fp.url).toString(16)}`, ...fp.places.map((p) => `p:${p}`)];
  const sig = minHash(fp.shingles);
  for (let b = 0; b * ROWS < sig.length; b += 1) {
    keys.push(`b:${b}:${storyHash32(sig.slice(b * ROWS, (b + 1) * ROWS).join('.')).toString(16)}`);
  }
  return keys;
}
