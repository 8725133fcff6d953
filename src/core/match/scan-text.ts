// One pass of the compiled trie over one text: normalise, cut tokens, look each token up (with Arabic
// clitic variants), walk the trie from every token. Returns every alias hit, nested and overlapping.
import type { Matcher } from './compile-matcher.js';
import { normalizeInto, scratch } from './normalize.js';
import { WORD_CLASS, isWordAt, originalEnd } from './char-class.js';
import { FNV_OFFSET, FNV_PRIME } from './token-vocab.js';
import { continuationVariants, isArabicStart, leadingVariants } from './arabic-variants.js';

export interface RawHit {
  payload: number;
  /** Token indices, end exclusive. */
  startToken: number;
  endToken: number;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

const STRIDE = 8;
const buf = {
  tokStart: new Int32Array(1024), tokEnd: new Int32Array(1024), tokHash: new Int32Array(1024),
  cand: new Int32Array(1024 * STRIDE), contCount: new Uint8Array(1024), allCount: new Uint8Array(1024),
};

function grow(tokens: number): void {
  if (buf.tokStart.length >= tokens) return;
  let size = buf.tokStart.length;
  while (size < tokens) size *= 2;
  buf.tokStart = new Int32Array(size);
  buf.tokEnd = new Int32Array(size);
  buf.tokHash = new Int32Array(size);
  buf.cand = new Int32Array(size * STRIDE);
  buf.contCount = new Uint8Array(size);
  buf.allCount = new Uint8Array(size);
}

/** Cuts the normalised scratch text into tokens, hashing each on the way; returns the token count. */
function cutTokens(n: number): number {
  const chars = scratch.chars;
  grow(Math.ceil(n / 2) + 1);
  const { tokStart, tokEnd, tokHash } = buf;
  const get = (i: number): number => chars[i]!;
  let t = 0;
  let s = -1;
  let h = FNV_OFFSET;
  for (let i = 0; i < n; i += 1) {
    const c = chars[i]!;
    const k = WORD_CLASS[c]!;
    if (k === 1 || (k === 2 && isWordAt(get, i, n))) {
      if (s < 0) { s = i; h = FNV_OFFSET; }
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    if (s >= 0) { tokStart[t] = s; tokEnd[t] = i; tokHash[t] = h; t += 1; s = -1; }
  }
  if (s >= 0) { tokStart[t] = s; tokEnd[t] = n; tokHash[t] = h; t += 1; }
  return t;
}

/** Fills the candidate token ids of every token; returns whether any token is an alias token. */
function lookupTokens(m: Matcher, tokens: number): boolean {
  const { tokStart, tokEnd, tokHash, cand, contCount, allCount } = buf;
  const chars = scratch.chars;
  let any = false;
  for (let t = 0; t < tokens; t += 1) {
    const s = tokStart[t]!;
    const e = tokEnd[t]!;
    const base = t * STRIDE;
    const id = m.vocab.lookupHashed(tokHash[t]!, chars, s, e);
    let count = 0;
    if (id >= 0) { cand[base] = id; count = 1; }
    if (isArabicStart(chars[s]!)) {
      count = continuationVariants(m.vocab, chars, s, e, cand, base, count);
      contCount[t] = count;
      count = leadingVariants(m.vocab, chars, s, e, cand, base, count);
    } else {
      contCount[t] = count;
    }
    allCount[t] = count;
    if (count > 0) any = true;
  }
  return any;
}

function emit(m: Matcher, node: number, from: number, to: number, hits: RawHit[]): void {
  const { outStart, outList } = m.trie;
  for (let k = outStart[node]!; k < outStart[node + 1]!; k += 1) {
    hits.push({ payload: outList[k]!, startToken: from, endToken: to, start: 0, end: 0 });
  }
}

function extend(m: Matcher, node: number, from: number, next: number, tokens: number, hits: RawHit[]): void {
  if (next >= tokens) return;
  const base = next * STRIDE;
  for (let k = 0; k < buf.contCount[next]!; k += 1) {
    const child = m.trie.child(node, buf.cand[base + k]!);
    if (child < 0) continue;
    emit(m, child, from, next + 1, hits);
    extend(m, child, from, next + 1, tokens, hits);
  }
}

/** Every alias/exclusion hit in `text`, with original offsets. */
export function scanText(m: Matcher, text: string): RawHit[] {
  const hits: RawHit[] = [];
  const n = normalizeInto(text);
  const tokens = cutTokens(n);
  if (tokens === 0 || !lookupTokens(m, tokens)) return hits;
  const root = m.trie.rootChild;
  for (let t = 0; t < tokens; t += 1) {
    const base = t * STRIDE;
    for (let k = 0; k < buf.allCount[t]!; k += 1) {
      const node = root[buf.cand[base + k]!]!;
      if (node < 0) continue;
      emit(m, node, t, t + 1, hits);
      extend(m, node, t, t + 1, tokens, hits);
    }
  }
  for (const h of hits) {
    h.start = scratch.offsets[buf.tokStart[h.startToken]!]!;
    h.end = originalEnd(text, scratch.offsets, buf.tokEnd[h.endToken - 1]!);
  }
  return hits;
}
