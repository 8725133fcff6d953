// The JavaScript reference scanner: one pass of the compiled trie over one text: cut tokens
// (cut-tokens.ts), look each token up by its hash (with Arabic clitic variants), walk the trie from every
// token that starts an alias. Finds every alias hit, nested and overlapping, into typed arrays.
// Production matching runs the WebAssembly port of this file (wasm/assembly/scan.ts, several times
// faster); this one stays as the readable definition the port is tested against, hit for hit.
import { FLAG_EXCLUSION, type Matcher } from './compile-matcher.js';
import type { ScanHits } from './scan-hits.js';
import { cut, cutTokens } from './cut-tokens.js';
import { MAX_CANDIDATES, addCandidate, continuationVariants, isArabicStart, leadingVariants, type CandidateSink } from './arabic-variants.js';

/** The reference scanner's result (shared scratch, valid until its next scan). */
const hits: ScanHits = {
  count: 0, payload: new Int32Array(256), startToken: new Int32Array(256), endToken: new Int32Array(256),
  start: new Int32Array(256), end: new Int32Array(256),
  tokenCount: 0, tokenStart: cut.start, tokenEnd: cut.end,
};

const sink: CandidateSink = { ids: new Int32Array(1024 * MAX_CANDIDATES), toggled: new Uint8Array(1024 * MAX_CANDIDATES), base: 0, count: 0 };
let contCount = new Uint8Array(1024);
let allCount = new Uint8Array(1024);

function growCandidates(tokens: number): void {
  if (contCount.length >= tokens) return;
  let size = contCount.length;
  while (size < tokens) size *= 2;
  sink.ids = new Int32Array(size * MAX_CANDIDATES);
  sink.toggled = new Uint8Array(size * MAX_CANDIDATES);
  contCount = new Uint8Array(size);
  allCount = new Uint8Array(size);
  starts = new Int32Array(size);
}

function growHits(): void {
  const size = hits.payload.length * 2;
  const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => { const b = new Int32Array(size); b.set(a); return b; };
  hits.payload = grow(hits.payload); hits.startToken = grow(hits.startToken); hits.endToken = grow(hits.endToken);
  hits.start = grow(hits.start); hits.end = grow(hits.end);
}

/** Candidates of an Arabic token: itself, article toggled, proclitics stripped (arabic-variants.ts). */
function arabicCandidates(vocab: Matcher['vocab'], t: number, id: number, s: number, e: number): void {
  const units = cut.units;
  sink.base = t * MAX_CANDIDATES;
  sink.count = 0;
  addCandidate(sink, id, 0);
  continuationVariants(vocab, units, s, e, sink);
  contCount[t] = sink.count;
  leadingVariants(vocab, units, s, e, sink);
  allCount[t] = sink.count;
}

/** Tokens that have at least one candidate id, in order (the walk visits only these). */
let starts = new Int32Array(1024);
let startCount = 0;

/** Fills the candidate token ids of every token and the list of tokens that have some. */
function lookupTokens(m: Matcher, tokens: number): void {
  const { units, uStart, uEnd, hash } = cut;
  const vocab = m.vocab;
  const ids = sink.ids;
  startCount = 0;
  for (let t = 0; t < tokens; t += 1) {
    const s = uStart[t]!;
    const e = uEnd[t]!;
    const id = vocab.lookupHashed(hash[t]!, units, s, e);
    if (!isArabicStart(units[s]!)) {
      // The common case: a Latin-script (or digit) token, in the vocabulary or not.
      const n = id >= 0 ? 1 : 0;
      if (n !== 0) { ids[t * MAX_CANDIDATES] = id; sink.toggled[t * MAX_CANDIDATES] = 0; starts[startCount++] = t; }
      contCount[t] = n;
      allCount[t] = n;
      continue;
    }
    arabicCandidates(vocab, t, id, s, e);
    if (sink.count > 0) starts[startCount++] = t;
  }
}

/** Records the payloads of `node`; a path through an article-toggled variant never yields an exclusion. */
function emit(m: Matcher, node: number, from: number, to: number, toggled: number): void {
  const { outStart, outList } = m.trie;
  for (let k = outStart[node]!; k < outStart[node + 1]!; k += 1) {
    const payload = outList[k]!;
    if (toggled !== 0 && (m.payFlags[payload]! & FLAG_EXCLUSION) !== 0) continue;
    if (hits.count >= hits.payload.length) growHits();
    const h = hits.count;
    hits.payload[h] = payload;
    hits.startToken[h] = from;
    hits.endToken[h] = to;
    hits.start[h] = cut.start[from]!;
    hits.end[h] = cut.end[to - 1]!;
    hits.count = h + 1;
  }
}

function extend(m: Matcher, node: number, from: number, next: number, tokens: number, toggled: number): void {
  if (next >= tokens) return;
  const base = next * MAX_CANDIDATES;
  for (let k = 0; k < contCount[next]!; k += 1) {
    const child = m.trie.child(node, sink.ids[base + k]!);
    if (child < 0) continue;
    const tg = toggled | sink.toggled[base + k]!;
    emit(m, child, from, next + 1, tg);
    extend(m, child, from, next + 1, tokens, tg);
  }
}

/** Every alias/exclusion hit in `text`, with original offsets, into `hits` (returned). */
export function scanTextJs(m: Matcher, text: string): ScanHits {
  hits.count = 0;
  const tokens = cutTokens(text);
  hits.tokenCount = tokens; hits.tokenStart = cut.start; hits.tokenEnd = cut.end;
  growCandidates(tokens);
  if (tokens === 0) return hits;
  lookupTokens(m, tokens);
  const root = m.trie.rootChild;
  for (let k0 = 0; k0 < startCount; k0 += 1) {
    const t = starts[k0]!;
    const base = t * MAX_CANDIDATES;
    for (let k = 0; k < allCount[t]!; k += 1) {
      const node = root[sink.ids[base + k]!]!;
      if (node < 0) continue;
      const toggled = sink.toggled[base + k]!;
      emit(m, node, t, t + 1, toggled);
      extend(m, node, t, t + 1, tokens, toggled);
    }
  }
  return hits;
}
