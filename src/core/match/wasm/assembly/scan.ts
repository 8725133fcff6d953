// AssemblyScript (compiled to WebAssembly by scripts/build-wasm.mjs, not by tsc): the matcher's hot
// path, a line-for-line port of the JavaScript reference scanner (../../cut-tokens.ts, ../../scan-text.ts,
// ../../arabic-variants.ts, the lookups of ../../token-vocab.ts and ../../token-trie.ts). Same tables,
// same hashes, same hit order; test/match/wasm-scan.test.ts holds the two to identical output.
// Why WebAssembly: a JS loop over a string pays for every charCodeAt and every typed-array bounds check,
// and tops out near a quarter of the machine's speed; here the loop is plain loads and stores.
// Memory is laid out by the JS glue (../scanner.ts): it writes the table addresses into a header of i32
// slots (H_* below), copies the text in, calls scan(), and reads tokens, hits and sentence marks back.
// Rare work stays in JS through two imports: filling a fold-table entry, and multi-unit foldings.

/** Fills and returns the scan-table entry of unit `c` (scan-table.ts computeScan). */
@external("env", "computeScan")
declare function computeScan(c: i32): i32;
/**
 * Folds the slow unit at text index `i` (a multi-unit folding or a surrogate pair) into push/close
 * operations at OPS (unit >= 0: push it; -1: close the token); returns width | count << 2.
 */
@external("env", "foldSlow")
declare function foldSlow(i: i32): i32;

// Scan-table values (scan-table.ts).
const SEP: i32 = -1;
const DROP: i32 = -2;
const DROP_MARK: i32 = -3;
const UNCOMPUTED: i32 = -5;

const FNV_OFFSET: i32 = <i32>0x811c9dc5;
const FNV_PRIME: i32 = 0x01000193;
const GOLD: i32 = <i32>0x9e3779b1;
const MIX2: i32 = <i32>0x85ebca77;
const MIX3: i32 = <i32>0xc2b2ae3d;
const MIX4: i32 = 0x27d4eb2f;
const EDGE_SALT: i32 = 0x632be5ab;

const MAX_CANDIDATES: i32 = 8;
const MIN_REMAINDER: i32 = 3;
const FLAG_EXCLUSION: i32 = 4;
const ALEF: i32 = 0x627;
const LAM: i32 = 0x644;
const WAW: i32 = 0x648;
const FA: i32 = 0x641;
const BA: i32 = 0x628;
const KAF: i32 = 0x643;

// Header slots (i32 each), written by the JS glue. Keep in step with ../scanner.ts.
const H_SCAN = 0; const H_BREAK = 1;
const H_V_CHARS = 2; const H_V_SLOTS = 5; // slots 3, 4 and 6 are free
const H_V_MASK = 7; const H_BLOOM = 8; const H_BLOOM_MASK = 9; const H_START3 = 10;
const H_ROOT = 11; const H_E_FROM = 12; const H_E_MASK = 15; // slots 13 and 14 are free
const H_OUT_START = 16; const H_OUT_LIST = 17; const H_PAY_FLAGS = 18;
const H_TEXT = 20; const H_UNITS = 21; const H_UNITS_CAP = 22;
const H_U_START = 23; const H_U_END = 24; const H_HASH = 25; const H_T_START = 26; const H_T_END = 27; const H_TOKENS_CAP = 28;
const H_CAND_IDS = 29; const H_CAND_TOGGLED = 30; const H_CONT_COUNT = 31; const H_ALL_COUNT = 32; const H_STARTS = 33;
const H_HIT_PAYLOAD = 34; const H_HIT_FROM = 35; const H_HIT_TO = 36; const H_HIT_START = 37; const H_HIT_END = 38; const H_HITS_CAP = 39;
const H_ENDS = 40; const H_IRREGULAR = 41; const H_OPS = 42;
const H_OUT_TOKENS = 50; const H_OUT_ENDS = 51; const H_OUT_IRREGULAR = 52;

/** scan() results below zero: a scratch area was too small; the glue enlarges it and scans again. */
const NEED_UNITS: i32 = -1;
const NEED_TOKENS: i32 = -2;
const NEED_HITS: i32 = -3;

let header: usize = 0;
let SCAN: usize = 0; let BREAK: usize = 0;
let vChars: usize = 0; let vSlots: usize = 0;
let vMask: i32 = 0; let bloom: usize = 0; let bloomMask: i32 = 0; let start3: usize = 0;
let root: usize = 0; let eFrom: usize = 0; let eMask: i32 = 0;
let outStart: usize = 0; let outList: usize = 0; let payFlags: usize = 0;
let TEXT: usize = 0; let UNITS: usize = 0; let unitsCap: i32 = 0;
let uStart: usize = 0; let uEnd: usize = 0; let hashes: usize = 0; let tStart: usize = 0; let tEnd: usize = 0; let tokensCap: i32 = 0;
let candIds: usize = 0; let candToggled: usize = 0; let contCount: usize = 0; let allCount: usize = 0; let startList: usize = 0;
let hitPayload: usize = 0; let hitFrom: usize = 0; let hitTo: usize = 0; let hitStart: usize = 0; let hitEnd: usize = 0; let hitsCap: i32 = 0;
let ends: usize = 0; let irregular: usize = 0; let OPS: usize = 0;

let endCount: i32 = 0;
let irregularCount: i32 = 0;
let hitCount: i32 = 0;
let hitsFull: bool = false;

/** Where the JS glue may start laying out memory (after this module's own static data). */
export function heapBase(): usize { return (__heap_base + 15) & ~15; }

@inline function slot(k: i32): i32 { return load<i32>(header + (<usize>k << 2)); }
@inline function i32At(base: usize, k: i32): i32 { return load<i32>(base + (<usize>k << 2)); }
@inline function setI32(base: usize, k: i32, v: i32): void { store<i32>(base + (<usize>k << 2), v); }
@inline function u16At(base: usize, k: i32): i32 { return <i32>load<u16>(base + (<usize>k << 1)); }
@inline function u8At(base: usize, k: i32): i32 { return <i32>load<u8>(base + <usize>k); }

/** Reads the layout the glue wrote at `h`. Called by the glue after every layout change. */
export function setLayout(h: usize): void {
  header = h;
  SCAN = slot(H_SCAN); BREAK = slot(H_BREAK);
  vChars = slot(H_V_CHARS); vSlots = slot(H_V_SLOTS);
  vMask = slot(H_V_MASK); bloom = slot(H_BLOOM); bloomMask = slot(H_BLOOM_MASK);
  start3 = slot(H_START3);
  root = slot(H_ROOT); eFrom = slot(H_E_FROM); eMask = slot(H_E_MASK);
  outStart = slot(H_OUT_START); outList = slot(H_OUT_LIST); payFlags = slot(H_PAY_FLAGS);
  TEXT = slot(H_TEXT); UNITS = slot(H_UNITS); unitsCap = slot(H_UNITS_CAP);
  uStart = slot(H_U_START); uEnd = slot(H_U_END); hashes = slot(H_HASH); tStart = slot(H_T_START); tEnd = slot(H_T_END);
  tokensCap = slot(H_TOKENS_CAP);
  candIds = slot(H_CAND_IDS); candToggled = slot(H_CAND_TOGGLED); contCount = slot(H_CONT_COUNT);
  allCount = slot(H_ALL_COUNT); startList = slot(H_STARTS);
  hitPayload = slot(H_HIT_PAYLOAD); hitFrom = slot(H_HIT_FROM); hitTo = slot(H_HIT_TO); hitStart = slot(H_HIT_START);
  hitEnd = slot(H_HIT_END); hitsCap = slot(H_HITS_CAP);
  ends = slot(H_ENDS); irregular = slot(H_IRREGULAR); OPS = slot(H_OPS);
}

// ---- the cut (cut-tokens.ts) ----

@inline function isSpaceKind(k: i32): bool { return k == 1 || k == 4; }

/** sentence-index.ts noteBreak: unit i (BREAK kind != 0) as a sentence end and/or irregular space. */
function noteBreak(i: i32, c: i32, len: i32): void {
  const k = u8At(BREAK, c);
  const next = i + 1 < len ? u16At(TEXT, i + 1) : -1;
  const spaceNext = next >= 0 && isSpaceKind(u8At(BREAK, next));
  if (k == 2 || k == 4 || (k == 3 && (next < 0 || spaceNext))) { setI32(ends, endCount, i); endCount += 1; }
  if (isSpaceKind(k) && (c != 0x20 || spaceNext)) { setI32(irregular, irregularCount, i); irregularCount += 1; }
}

/** Tokens that may have a vocabulary id (the Bloom filter passed, or Arabic: clitic variants), in order. */
let listCount: i32 = 0;

/**
 * Records token t, and lists it for lookup when it may be a vocabulary word. Branch-free on purpose:
 * whether a text word passes the filter is a coin toss to the branch predictor, and a wrong guess
 * per word cost more than the rest of this function.
 */
@inline function closeToken(t: i32, ts: i32, n: i32, h: i32, os: i32, oe: i32): void {
  setI32(uStart, t, ts); setI32(uEnd, t, n); setI32(hashes, t, h); setI32(tStart, t, os); setI32(tEnd, t, oe);
  const arabic = <u32>(u16At(UNITS, ts) - 0x620) <= <u32>(0x6ff - 0x620);
  const bits = bloomBits(h);
  const pass = (i32At(bloom, (h >>> 10) & bloomMask) & bits) == bits;
  setI32(startList, listCount, t);
  listCount += <i32>(pass | arabic);
}

/** Normalises and cuts TEXT[0..len) into tokens; returns the token count or a NEED_* code. */
function cutTokens(len: i32): i32 {
  endCount = 0;
  irregularCount = 0;
  listCount = 0;
  let n: i32 = 0; let t: i32 = 0; let ts: i32 = -1; let h: i32 = 0; let os: i32 = 0; let oe: i32 = 0;
  let i: i32 = 0;
  while (i < len) {
    const c = u16At(TEXT, i);
    let v = i32At(SCAN, c);
    if (v >= 0) {
      if (ts < 0) { ts = n; h = FNV_OFFSET; os = i; }
      // The tight word loop. Units never outnumber text units here; the slow path checks its own growth.
      while (true) {
        store<u16>(UNITS + (<usize>n << 1), <u16>v);
        n += 1;
        h = (h ^ v) * FNV_PRIME;
        i += 1;
        if (i == len) { v = SEP; break; }
        v = i32At(SCAN, u16At(TEXT, i));
        if (v < 0) break;
      }
      oe = i;
      if (v != SEP) continue; // unit i (dropped, slow or new) is handled below
      if (t >= tokensCap) return NEED_TOKENS;
      closeToken(t, ts, n, h, os, oe);
      t += 1;
      ts = -1;
      if (i >= len) break;
      const sep = u16At(TEXT, i);
      if (sep == 0x20 ? i + 1 < len && u8At(BREAK, u16At(TEXT, i + 1)) != 0 : u8At(BREAK, sep) != 0) noteBreak(i, sep, len);
      i += 1;
      continue;
    }
    if (v == SEP) {
      if (ts >= 0) {
        if (t >= tokensCap) return NEED_TOKENS;
        closeToken(t, ts, n, h, os, oe);
        t += 1;
        ts = -1;
      }
      if (u8At(BREAK, c) != 0 && (c != 0x20 || (i + 1 < len && u8At(BREAK, u16At(TEXT, i + 1)) != 0))) noteBreak(i, c, len);
    } else if (v == UNCOMPUTED) {
      setI32(SCAN, c, computeScan(c));
      continue; // look again with the entry filled
    } else if (v == DROP_MARK) {
      if (ts >= 0 && oe == i) oe = i + 1;
    } else if (v == DROP) {
      if (u8At(BREAK, c) != 0) noteBreak(i, c, len);
    } else {
      if (u8At(BREAK, c) != 0) noteBreak(i, c, len);
      const r = foldSlow(i);
      const width = r & 3;
      const count = r >> 2;
      // The rest of the text may still add one unit per text unit.
      if (n + count + (len - i) > unitsCap) return NEED_UNITS;
      for (let k = 0; k < count; k += 1) {
        const u = i32At(OPS, k);
        if (u >= 0) {
          if (ts < 0) { ts = n; h = FNV_OFFSET; os = i; }
          store<u16>(UNITS + (<usize>n << 1), <u16>u);
          n += 1;
          h = (h ^ u) * FNV_PRIME;
          oe = i + width;
        } else if (ts >= 0) {
          if (t >= tokensCap) return NEED_TOKENS;
          closeToken(t, ts, n, h, os, oe);
          t += 1;
          ts = -1;
        }
      }
      i += width - 1;
    }
    i += 1;
  }
  if (ts >= 0) {
    if (t >= tokensCap) return NEED_TOKENS;
    closeToken(t, ts, n, h, os, oe);
    t += 1;
  }
  return t;
}

// ---- the vocabulary (token-vocab.ts) ----

@inline function bloomBits(h: i32): i32 {
  const m = h * GOLD;
  return (1 << (m >>> 27)) | (1 << ((m >>> 22) & 31));
}

@inline function bloomRejects(h: i32): bool {
  const bits = bloomBits(h);
  return (i32At(bloom, (h >>> 10) & bloomMask) & bits) != bits;
}

/** Masks of the low 0..3 units of a u64 (four UTF-16 units). */
@inline function lowUnits(count: i32): u64 { return count >= 4 ? <u64>-1 : (<u64>1 << (<u64>count << 4)) - 1; }

/**
 * Whether vChars[at..) equals `pre1 pre2 UNITS[s..e)`. Without prefixes (the common case) it compares
 * four units per u64 load, tail masked: both areas are padded, so reading past the end is safe.
 */
function equals(at: i32, s: i32, e: i32, pre1: i32, pre2: i32): bool {
  if (pre1 != 0) { if (u16At(vChars, at) != pre1) return false; at += 1; }
  if (pre2 != 0) { if (u16At(vChars, at) != pre2) return false; at += 1; }
  let a = vChars + (<usize>at << 1);
  let b = UNITS + (<usize>s << 1);
  for (let left = e - s; left > 0; left -= 4) {
    if (((load<u64>(a) ^ load<u64>(b)) & lowUnits(left)) != 0) return false;
    a += 8;
    b += 8;
  }
  return true;
}

/**
 * The vocabulary table: one 16-byte record per slot (hash, word id or -1, length, first char in
 * vChars), so a probe reads one cache line, not four arrays.
 */
function probe(h: i32, length: i32, s: i32, e: i32, pre1: i32, pre2: i32): i32 {
  let sl = h & vMask;
  while (true) {
    const rec = vSlots + (<usize>sl << 4);
    const id = load<i32>(rec, 4);
    if (id == -1) return -1;
    if (load<i32>(rec) == h && load<i32>(rec, 8) == length && equals(load<i32>(rec, 12), s, e, pre1, pre2)) return id;
    sl = (sl + 1) & vMask;
  }
  return -1;
}

/** Id of the word UNITS[s..e) whose hash the cut computed, or -1. */
@inline function lookupHashed(h: i32, s: i32, e: i32): i32 {
  if (bloomRejects(h)) return -1;
  return probe(h, e - s, s, e, 0, 0);
}

function mayStartWith(a: i32, b: i32, c: i32): bool {
  const bit = ((((a * GOLD) ^ (b * MIX2) ^ (c * MIX3)) * MIX4) >>> 16) & 0xffff;
  return (i32At(start3, bit >>> 5) & (1 << (bit & 31))) != 0;
}

/** Id of the word `pre1 pre2 UNITS[s..e)` (pre = 0: absent), or -1. */
function lookup(s: i32, e: i32, pre1: i32, pre2: i32): i32 {
  const length = e - s + (pre1 != 0 ? 1 : 0) + (pre2 != 0 ? 1 : 0);
  if (length >= 3) {
    const a = pre1 != 0 ? pre1 : u16At(UNITS, s);
    const b = pre1 != 0 ? (pre2 != 0 ? pre2 : u16At(UNITS, s)) : u16At(UNITS, s + 1);
    const c = pre1 != 0 ? (pre2 != 0 ? u16At(UNITS, s) : u16At(UNITS, s + 1)) : u16At(UNITS, s + 2);
    if (!mayStartWith(a, b, c)) return -1;
  }
  let h = FNV_OFFSET;
  if (pre1 != 0) h = (h ^ pre1) * FNV_PRIME;
  if (pre2 != 0) h = (h ^ pre2) * FNV_PRIME;
  for (let i = s; i < e; i += 1) h = (h ^ u16At(UNITS, i)) * FNV_PRIME;
  if (bloomRejects(h)) return -1;
  return probe(h, length, s, e, pre1, pre2);
}

// ---- Arabic clitic candidates (arabic-variants.ts) ----

let candBase: i32 = 0;
let candCount: i32 = 0;

function addCandidate(id: i32, toggled: i32): void {
  if (id < 0) return;
  const end = candBase + candCount;
  for (let k = candBase; k < end; k += 1) {
    if (i32At(candIds, k) == id) {
      store<u8>(candToggled + <usize>k, <u8>(u8At(candToggled, k) & toggled));
      return;
    }
  }
  if (candCount >= MAX_CANDIDATES) return;
  setI32(candIds, end, id);
  store<u8>(candToggled + <usize>end, <u8>toggled);
  candCount += 1;
}

function articleToggle(s: i32, e: i32): void {
  if (e - s >= 2 && u16At(UNITS, s) == ALEF && u16At(UNITS, s + 1) == LAM) {
    if (e - s - 2 >= MIN_REMAINDER) addCandidate(lookup(s + 2, e, 0, 0), 1);
  } else if (e - s >= MIN_REMAINDER) addCandidate(lookup(s, e, ALEF, LAM), 1);
}

function strippedRemainder(r: i32, e: i32): void {
  if (e - r < MIN_REMAINDER) return;
  addCandidate(lookup(r, e, 0, 0), 0);
  articleToggle(r, e);
}

function lamLam(r: i32, e: i32): void {
  if (u16At(UNITS, r) == LAM && u16At(UNITS, r + 1) == LAM && e - r - 2 >= MIN_REMAINDER) {
    addCandidate(lookup(r + 1, e, ALEF, 0), 0);
    addCandidate(lookup(r + 2, e, 0, 0), 1);
  }
}

@inline function isConjunction(c: i32): bool { return c == WAW || c == FA; }
@inline function isPreposition(c: i32): bool { return c == BA || c == LAM || c == KAF; }

function leadingVariants(s: i32, e: i32): void {
  const c0 = u16At(UNITS, s);
  const c1 = s + 1 < e ? u16At(UNITS, s + 1) : 0;
  const conj = isConjunction(c0);
  if (conj || isPreposition(c0)) strippedRemainder(s + 1, e);
  if (conj && isPreposition(c1)) strippedRemainder(s + 2, e);
  lamLam(s, e);
  if (conj) lamLam(s + 1, e);
}

/**
 * Candidate ids of the listed tokens (the cut listed them at startList; every other token has none);
 * rewrites startList to the tokens that have some and returns their count.
 */
function lookupTokens(tokens: i32): i32 {
  // Unlisted tokens: no candidates.
  memory.fill(contCount, 0, <usize>tokens);
  memory.fill(allCount, 0, <usize>tokens);
  let startCount = 0;
  for (let k = 0; k < listCount; k += 1) {
    const t = i32At(startList, k);
    const s = i32At(uStart, t);
    const e = i32At(uEnd, t);
    const c0 = u16At(UNITS, s);
    if (c0 < 0x620 || c0 > 0x6ff) {
      // The Bloom filter already passed: probe the table.
      const id = probe(i32At(hashes, t), e - s, s, e, 0, 0);
      if (id >= 0) {
        setI32(candIds, t * MAX_CANDIDATES, id);
        store<u8>(candToggled + <usize>(t * MAX_CANDIDATES), 0);
        store<u8>(contCount + <usize>t, 1);
        store<u8>(allCount + <usize>t, 1);
        // startCount <= k: the list is rewritten in place, never ahead of where it is read.
        setI32(startList, startCount, t);
        startCount += 1;
      }
      continue;
    }
    candBase = t * MAX_CANDIDATES;
    candCount = 0;
    addCandidate(lookupHashed(i32At(hashes, t), s, e), 0);
    articleToggle(s, e);
    store<u8>(contCount + <usize>t, <u8>candCount);
    leadingVariants(s, e);
    store<u8>(allCount + <usize>t, <u8>candCount);
    if (candCount > 0) { setI32(startList, startCount, t); startCount += 1; }
  }
  return startCount;
}

// ---- the trie walk (scan-text.ts, token-trie.ts) ----

/** Child of `node` by token id, or -1. Edges are 16-byte records (from, token, to): one cache line. */
function child(node: i32, tok: i32): i32 {
  let sl = ((node * GOLD) ^ ((tok + EDGE_SALT) * MIX2)) & eMask;
  while (true) {
    const rec = eFrom + (<usize>sl << 4);
    const from = load<i32>(rec);
    if (from == -1) return -1;
    if (from == node && load<i32>(rec, 4) == tok) return load<i32>(rec, 8);
    sl = (sl + 1) & eMask;
  }
  return -1;
}

function emit(node: i32, from: i32, to: i32, toggled: i32): void {
  const end = i32At(outStart, node + 1);
  for (let k = i32At(outStart, node); k < end; k += 1) {
    const payload = i32At(outList, k);
    if (toggled != 0 && (u8At(payFlags, payload) & FLAG_EXCLUSION) != 0) continue;
    if (hitCount >= hitsCap) { hitsFull = true; return; }
    setI32(hitPayload, hitCount, payload);
    setI32(hitFrom, hitCount, from);
    setI32(hitTo, hitCount, to);
    setI32(hitStart, hitCount, i32At(tStart, from));
    setI32(hitEnd, hitCount, i32At(tEnd, to - 1));
    hitCount += 1;
  }
}

function extend(node: i32, from: i32, next: i32, tokens: i32, toggled: i32): void {
  if (next >= tokens) return;
  const base = next * MAX_CANDIDATES;
  const count = u8At(contCount, next);
  for (let k = 0; k < count; k += 1) {
    const c = child(node, i32At(candIds, base + k));
    if (c < 0) continue;
    const tg = toggled | u8At(candToggled, base + k);
    emit(c, from, next + 1, tg);
    extend(c, from, next + 1, tokens, tg);
  }
}

/** Scans TEXT[0..len): returns the hit count (tokens, hits, sentence marks in memory) or a NEED_* code. */
export function scan(len: i32): i32 {
  const tokens = cutTokens(len);
  if (tokens < 0) return tokens;
  setI32(header, H_OUT_TOKENS, tokens);
  setI32(header, H_OUT_ENDS, endCount);
  setI32(header, H_OUT_IRREGULAR, irregularCount);
  hitCount = 0;
  hitsFull = false;
  if (tokens == 0) return 0;
  const starts = lookupTokens(tokens);
  for (let k0 = 0; k0 < starts; k0 += 1) {
    const t = i32At(startList, k0);
    const base = t * MAX_CANDIDATES;
    const count = u8At(allCount, t);
    for (let k = 0; k < count; k += 1) {
      const node = i32At(root, i32At(candIds, base + k));
      if (node < 0) continue;
      const toggled = u8At(candToggled, base + k);
      emit(node, t, t + 1, toggled);
      extend(node, t, t + 1, tokens, toggled);
    }
  }
  return hitsFull ? NEED_HITS : hitCount;
}
