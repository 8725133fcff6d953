// AssemblyScript (compiled to WebAssembly by scripts/build-wasm.mjs, not by tsc): the matcher's hot
// path, the same work as the JavaScript reference scanner (../../cut-tokens.ts, ../../scan-text-js.ts,
// ../../arabic-variants.ts, the lookups of ../../token-vocab.ts and ../../token-trie.ts): same tokens,
// same candidates, same hits in the same order; test/match/wasm-scan.test.ts holds the two to identical
// output. Done differently here, for speed: the cut takes ASCII 64 units at a time with SIMD and hashes
// each word once cut (hashUnits; the glue builds this scanner's vocabulary table with the same hash),
// short words have a small table of their own, and trie nodes carry a filter of their children.
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

const GOLD: i32 = <i32>0x9e3779b1;
const MIX2: i32 = <i32>0x85ebca77;
const MIX3: i32 = <i32>0xc2b2ae3d;
const MIX4: i32 = 0x27d4eb2f;
const EDGE_SALT: i32 = 0x632be5ab;

const MAX_CANDIDATES: i32 = 8;
/**
 * Set in a word id (as the vocabulary tables store it) when the word starts some alias: the walk reads
 * the root table only for those (most words looked up, like de, la, the, start none). ID_MASK strips it.
 */
const ROOT_FLAG: i32 = 1 << 30;
const ID_MASK: i32 = ROOT_FLAG - 1;
/** Words of up to this many units are in the short table (keep in step with ../scanner-vocab.ts). */
const SHORT: i32 = 4;
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
const H_V_CHARS = 2; const H_WORD = 3; const H_MAX_WORD = 4; const H_V_SLOTS = 5; const H_COMPACT = 6;
const H_V_MASK = 7; const H_BLOOM = 8; const H_BLOOM_MASK = 9; const H_START3 = 10;
const H_ROOT = 11; const H_E_FROM = 12; const H_SHORT = 13; const H_SHORT_MASK = 14; const H_E_MASK = 15;
const H_NODES = 16; const H_OUT_LIST = 17; const H_PAY_FLAGS = 18;
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
let vChars: usize = 0; let vSlots: usize = 0; let WORD: usize = 0; let maxWord: i32 = 0;
let vMask: i32 = 0; let bloom: usize = 0; let bloomMask: i32 = 0; let start3: usize = 0;
let root: usize = 0; let eFrom: usize = 0; let eMask: i32 = 0; let shortSlots: usize = 0; let shortMask: i32 = 0;
let nodes: usize = 0; let outList: usize = 0; let payFlags: usize = 0;
let TEXT: usize = 0; let UNITS: usize = 0; let unitsCap: i32 = 0; let COMPACT: i32 = 0;
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
  vChars = slot(H_V_CHARS); vSlots = slot(H_V_SLOTS); WORD = slot(H_WORD); maxWord = slot(H_MAX_WORD);
  vMask = slot(H_V_MASK); bloom = slot(H_BLOOM); bloomMask = slot(H_BLOOM_MASK);
  start3 = slot(H_START3);
  root = slot(H_ROOT); eFrom = slot(H_E_FROM); eMask = slot(H_E_MASK); shortSlots = slot(H_SHORT); shortMask = slot(H_SHORT_MASK);
  nodes = slot(H_NODES); outList = slot(H_OUT_LIST); payFlags = slot(H_PAY_FLAGS);
  TEXT = slot(H_TEXT); UNITS = slot(H_UNITS); unitsCap = slot(H_UNITS_CAP); COMPACT = slot(H_COMPACT);
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

/** noteBreak for unit i when the cut must note it: a break unit that is not a plain space before a non-break. */
@inline function maybeBreak(i: i32, c: i32, len: i32): void {
  if (c == 0x20 ? i + 1 < len && u8At(BREAK, u16At(TEXT, i + 1)) != 0 : u8At(BREAK, c) != 0) noteBreak(i, c, len);
}

/** Tokens that may have a vocabulary id (the Bloom filter passed, or Arabic: clitic variants), in order. */
let listCount: i32 = 0;

/**
 * Records token t (units UNITS[ts..n), original [os, oe)) with its hash, and lists it for lookup when
 * it may be a vocabulary word. Branch-free on purpose: whether a text word passes the filter is a coin
 * toss to the branch predictor, and a wrong guess per word cost more than the rest of this function.
 */
@inline function closeToken(t: i32, ts: i32, n: i32, os: i32, oe: i32): void {
  const h = hashUnits(UNITS + (<usize>ts << 1), n - ts);
  setI32(uStart, t, ts); setI32(uEnd, t, n); setI32(hashes, t, h); setI32(tStart, t, os); setI32(tEnd, t, oe);
  const arabic = <u32>(u16At(UNITS, ts) - 0x620) <= <u32>(0x6ff - 0x620);
  const bits = bloomBits(h);
  const pass = (i32At(bloom, (h >>> 10) & bloomMask) & bits) == bits;
  setI32(startList, listCount, t);
  listCount += <i32>(pass | arabic);
}

// Token state of the cut, handed between its block loop and its unit-by-unit path (each keeps it in
// locals while it runs: WebAssembly globals live in memory). t: tokens; ts: first unit of the open
// token (-1: none); os, oe: its original start and end. Units: see cutTokens.
let gT: i32 = 0; let gTs: i32 = -1; let gOs: i32 = 0; let gOe: i32 = 0;
/** Next free unit of the packed area (tokens cut unit by unit). */
let gN: i32 = 0;

/**
 * The cut unit by unit, through the scan table, from unit i: the way for blocks with a character the
 * block loop does not take (marks, dropped characters, foldings into several units, surrogates). Its
 * tokens are packed from COMPACT on. Goes at least to `stop`, then on to the end of the word it is in,
 * so the block loop never resumes inside a packed token. Returns the next index, or a NEED_* code.
 */
function unitRun(i: i32, stop: i32, len: i32): i32 {
  let n = gN; let t = gT; let ts = gTs; let os = gOs; let oe = gOe;
  if (ts >= 0 && ts < COMPACT) {
    // A word from the block loop goes on here: move its units so far to the packed area.
    memory.copy(UNITS + (<usize>n << 1), UNITS + (<usize>ts << 1), <usize>(i - ts) << 1);
    const moved = i - ts;
    ts = n;
    n += moved;
  }
  while (i < len && (i < stop || ts >= 0)) {
    const c = u16At(TEXT, i);
    const v = i32At(SCAN, c);
    if (v >= 0) {
      if (ts < 0) { ts = n; os = i; }
      store<u16>(UNITS + (<usize>n << 1), <u16>v);
      n += 1;
      oe = i + 1;
    } else if (v == SEP) {
      if (ts >= 0) {
        if (t >= tokensCap) return NEED_TOKENS;
        closeToken(t, ts, n, os, oe);
        t += 1;
        ts = -1;
      }
      maybeBreak(i, c, len);
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
          if (ts < 0) { ts = n; os = i; }
          store<u16>(UNITS + (<usize>n << 1), <u16>u);
          n += 1;
          oe = i + width;
        } else if (ts >= 0) {
          if (t >= tokensCap) return NEED_TOKENS;
          closeToken(t, ts, n, os, oe);
          t += 1;
          ts = -1;
        }
      }
      i += width - 1;
    }
    i += 1;
  }
  gN = n; gT = t; gTs = ts; gOs = os; gOe = oe;
  return i;
}

/**
 * Normalises and cuts TEXT[0..len) into tokens; returns the token count or a NEED_* code.
 * Blocks of 64 units: SIMD folds the ASCII letters and finds the word units, the separators and the
 * sentence marks of a block as 64-bit masks (the non-ASCII units one by one through the scan table),
 * then the block's words are read off the masks. Every block is loaded and classified whatever its
 * words are, so the processor runs ahead. A cut that branches where each word ends (the reference)
 * waits on a branch the predictor cannot learn on prose, and a SIMD cut that jumped from word end to
 * word end waited on its own masks for its next load: both measured slower.
 * Units: a word of the block loop keeps its text positions (UNITS[i] is TEXT[i] folded: the blocks are
 * folded in place); unitRun packs its words from COMPACT on. The lanes past the end of the text read
 * and write memory after it (areas are padded) and are masked off.
 */
function cutTokens(len: i32): i32 {
  endCount = 0;
  irregularCount = 0;
  listCount = 0;
  gN = COMPACT;
  let t: i32 = 0; let ts: i32 = -1; let os: i32 = 0; let oe: i32 = 0;
  const x20 = i16x8.splat(0x20);
  const b20 = i8x16.splat(0x20);
  const ba = i8x16.splat(0x61);
  const b26 = i8x16.splat(26);
  const b0 = i8x16.splat(0x30);
  const b10 = i8x16.splat(10);
  const b9 = i8x16.splat(9);
  const b5 = i8x16.splat(5);
  const bBang = i8x16.splat(0x21);
  const bQuery = i8x16.splat(0x3f);
  const bStop = i8x16.splat(0x2e);
  let i: i32 = 0;
  while (i < len) {
    const size = min<i32>(len - i, 64);
    const valid: u64 = size == 64 ? <u64>-1 : (<u64>1 << <u64>size) - 1;
    let W: u64 = 0; let A: u64 = 0; let SP: u64 = 0; let OT: u64 = 0;
    // 16 units per step, narrowed to bytes: an ASCII unit keeps its value, 0x80-0x7fff saturates to
    // 0xff (unsigned narrowing) and 0x8000 up to 0 (the units read as signed), so non-ASCII lanes are no
    // letter, digit or break; the signed narrowing (0x8000 up to 0x80) and the unsigned one together
    // give the non-ASCII lanes their sign bit.
    for (let q = 0; q < 4; q += 1) {
      const at = <usize>(i + (q << 4)) << 1;
      const v0 = v128.load(TEXT + at);
      const v1 = v128.load(TEXT + at, 16);
      const u = i8x16.narrow_i16x8_u(v0, v1);
      const shift = <u64>(q << 4);
      A |= <u64>(i8x16.bitmask(u) | i8x16.bitmask(i8x16.narrow_i16x8_s(v0, v1))) << shift;
      const letter = i8x16.lt_u(i8x16.sub(v128.or(u, b20), ba), b26);
      // Letters lower-cased in place (ASCII only: a letter lane is an ASCII unit).
      v128.store(UNITS + at, v128.or(v0, v128.and(i16x8.extend_low_i8x16_s(letter), x20)));
      v128.store(UNITS + at, v128.or(v1, v128.and(i16x8.extend_high_i8x16_s(letter), x20)), 16);
      W |= <u64>i8x16.bitmask(v128.or(letter, i8x16.lt_u(i8x16.sub(u, b0), b10))) << shift;
      SP |= <u64>i8x16.bitmask(i8x16.eq(u, b20)) << shift;
      OT |= <u64>i8x16.bitmask(v128.or(v128.or(i8x16.lt_u(i8x16.sub(u, b9), b5), i8x16.eq(u, bStop)),
        v128.or(i8x16.eq(u, bBang), i8x16.eq(u, bQuery)))) << shift;
    }
    W &= valid;
    A &= valid;
    // Non-ASCII units, through the scan table: word units folded in place, separators that may mark a
    // sentence. Anything else sends the block to unitRun.
    let NB: u64 = 0;
    let hard = false;
    let a = A;
    while (a != 0) {
      const b = <i32>ctz<u64>(a);
      const p = i + b;
      const c = u16At(TEXT, p);
      let v = i32At(SCAN, c);
      if (v == UNCOMPUTED) { v = computeScan(c); setI32(SCAN, c, v); }
      if (v >= 0) {
        W |= <u64>1 << <u64>b;
        store<u16>(UNITS + (<usize>p << 1), <u16>v);
      } else if (v == SEP) {
        if (u8At(BREAK, c) != 0) NB |= <u64>1 << <u64>b;
      } else {
        hard = true;
        break;
      }
      a &= a - 1;
    }
    if (hard) {
      gT = t; gTs = ts; gOs = os; gOe = oe;
      i = unitRun(i, i + size, len);
      if (i < 0) return i;
      t = gT; ts = gTs; os = gOs; oe = gOe;
      continue;
    }
    // Sentence marks: break units, but a plain space only before another break unit (the next unit of
    // a block's last lane, and of a space before a non-ASCII unit, is looked at by maybeBreak).
    let marks = (OT | NB | (SP & (((OT | SP | A) >> 1) | (<u64>1 << <u64>(size - 1))))) & valid;
    while (marks != 0) {
      const p = i + <i32>ctz<u64>(marks);
      maybeBreak(p, u16At(TEXT, p), len);
      marks &= marks - 1;
    }
    // Words: a start is a word unit after a non-word unit, an end a non-word unit after a word unit.
    const before = (W << 1) | <u64>(ts >= 0);
    let starts = W & ~before;
    let ends = ~W & before & valid;
    if (ts >= 0 && ends != 0) {
      if (t >= tokensCap) return NEED_TOKENS;
      const e = i + <i32>ctz<u64>(ends);
      closeToken(t, ts, e, os, e);
      t += 1;
      ts = -1;
      ends &= ends - 1;
    }
    while (starts != 0) {
      const s = i + <i32>ctz<u64>(starts);
      starts &= starts - 1;
      if (ends == 0) { ts = s; os = s; break; } // the word goes on past the block
      if (t >= tokensCap) return NEED_TOKENS;
      const e = i + <i32>ctz<u64>(ends);
      ends &= ends - 1;
      closeToken(t, s, e, s, e);
      t += 1;
    }
    i += size;
    if (ts >= 0) oe = i;
  }
  if (ts >= 0) {
    if (t >= tokensCap) return NEED_TOKENS;
    closeToken(t, ts, ts < COMPACT ? oe : gN, os, oe);
    t += 1;
  }
  return t;
}

// ---- the vocabulary (token-vocab.ts; hashed here with hashUnits, the glue builds the table) ----

@inline function bloomBits(h: i32): i32 {
  const m = h * GOLD;
  return (1 << (m >>> 27)) | (1 << ((m >>> 22) & 31));
}

@inline function bloomRejects(h: i32): bool {
  const bits = bloomBits(h);
  return (i32At(bloom, (h >>> 10) & bloomMask) & bits) != bits;
}

/** The low `count` (<= 2, may be <= 0) units of a u32 (two UTF-16 units). */
@inline function pairMask(count: i32): u32 {
  return select<u32>(0xffffffff, select<u32>(0xffff, 0, count == 1), count >= 2);
}

const HP1: u32 = 0x9e3779b1;
const HP2: u32 = 0x85ebca77;
const HP3: u32 = 0xc2b2ae3d;
const HP4: u32 = 0x27d4eb2f;
const HP5: u32 = 0x165667b1;

/**
 * Hash of the `length` units at `p`, 8 units per step (four u32 pairs, tail masked: areas are padded),
 * without a branch for words of up to 8 units. Mirrored by wasmHash in ../scanner.ts, which builds the
 * vocabulary table the scanner probes.
 */
@inline function hashUnits(p: usize, length: i32): i32 {
  let h: u32 = <u32>length * HP5 * HP1
    + (load<u32>(p) & pairMask(length)) * HP2
    + (load<u32>(p, 4) & pairMask(length - 2)) * HP3
    + (load<u32>(p, 8) & pairMask(length - 4)) * HP4
    + (load<u32>(p, 12) & pairMask(length - 6)) * HP5;
  if (length > 8) h = hashTail(h, p + 16, length - 8);
  h ^= h >>> 15;
  h *= HP2;
  h ^= h >>> 13;
  h *= HP3;
  h ^= h >>> 16;
  return <i32>h;
}

/** hashUnits past a word's first 8 units (rare: most words are shorter). */
function hashTail(h: u32, p: usize, left: i32): u32 {
  while (left > 0) {
    h = h * HP1
      + (load<u32>(p) & pairMask(left)) * HP2
      + (load<u32>(p, 4) & pairMask(left - 2)) * HP3
      + (load<u32>(p, 8) & pairMask(left - 4)) * HP4
      + (load<u32>(p, 12) & pairMask(left - 6)) * HP5;
    left -= 8;
    p += 16;
  }
  return h;
}

/** Masks of the low 0..3 units of a u64 (four UTF-16 units). */
@inline function lowUnits(count: i32): u64 { return count >= 4 ? <u64>-1 : (<u64>1 << (<u64>count << 4)) - 1; }

/** Whether vChars[at..) equals the `length` units at p, four units per u64 load (areas are padded). */
function equals(at: i32, p: usize, length: i32): bool {
  let a = vChars + (<usize>at << 1);
  for (let left = length; left > 0; left -= 4) {
    if (((load<u64>(a) ^ load<u64>(p)) & lowUnits(left)) != 0) return false;
    a += 8;
    p += 8;
  }
  return true;
}

/**
 * Id of a word of at most SHORT units (hash h, units at p), or -1. Short words have a small table of
 * their own, the word inline in its 16-byte record (units as a u64, id, length): they are most of the
 * words looked up (de, la, al, the, of), and a small table stays in the cache.
 */
function probeShort(h: i32, length: i32, p: usize): i32 {
  const word = load<u64>(p) & lowUnits(length);
  let sl = h & shortMask;
  while (true) {
    const rec = shortSlots + (<usize>sl << 4);
    const id = load<i32>(rec, 8);
    if (id == -1) return -1;
    if (load<u64>(rec) == word && load<i32>(rec, 12) == length) return id;
    sl = (sl + 1) & shortMask;
  }
  return -1;
}

/** Id of the `length` units at p (hash h), or -1: the short table or the main one. */
@inline function find(h: i32, length: i32, p: usize): i32 {
  return length <= SHORT ? probeShort(h, length, p) : probe(h, length, p);
}

/**
 * Id of the `length` units at p (hash h), or -1. The vocabulary table: one 16-byte record per slot
 * (hash, word id or -1, length, first char in vChars), so a probe reads one cache line, not four arrays.
 */
function probe(h: i32, length: i32, p: usize): i32 {
  let sl = h & vMask;
  while (true) {
    const rec = vSlots + (<usize>sl << 4);
    const id = load<i32>(rec, 4);
    if (id == -1) return -1;
    if (load<i32>(rec) == h && load<i32>(rec, 8) == length && equals(load<i32>(rec, 12), p, length)) return id;
    sl = (sl + 1) & vMask;
  }
  return -1;
}

/** Id of the word UNITS[s..e) whose hash the cut computed, or -1. */
@inline function lookupHashed(h: i32, s: i32, e: i32): i32 {
  if (bloomRejects(h)) return -1;
  return find(h, e - s, UNITS + (<usize>s << 1));
}

function mayStartWith(a: i32, b: i32, c: i32): bool {
  const bit = ((((a * GOLD) ^ (b * MIX2) ^ (c * MIX3)) * MIX4) >>> 16) & 0xffff;
  return (i32At(start3, bit >>> 5) & (1 << (bit & 31))) != 0;
}

/** Id of the word `pre1 pre2 UNITS[s..e)` (pre = 0: absent), or -1. Prefixed words are spelt out in WORD. */
function lookup(s: i32, e: i32, pre1: i32, pre2: i32): i32 {
  const length = e - s + (pre1 != 0 ? 1 : 0) + (pre2 != 0 ? 1 : 0);
  if (length > maxWord) return -1;
  let p = UNITS + (<usize>s << 1);
  if (pre1 != 0) {
    store<u16>(WORD, <u16>pre1);
    let at = WORD + 2;
    if (pre2 != 0) { store<u16>(at, <u16>pre2); at += 2; }
    memory.copy(at, p, <usize>(e - s) << 1);
    p = WORD;
  }
  if (length >= 3 && !mayStartWith(<i32>load<u16>(p), <i32>load<u16>(p, 2), <i32>load<u16>(p, 4))) return -1;
  const h = hashUnits(p, length);
  if (bloomRejects(h)) return -1;
  return find(h, length, p);
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
      const id = find(i32At(hashes, t), e - s, UNITS + (<usize>s << 1));
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

/** Bit of token id `tok` in a node's child mask. */
@inline function childBit(tok: i32): i32 { return (tok * GOLD) >>> 27; }

/**
 * Reports outputs outList[first..end) for tokens [from, to).
 */
function emit(first: i32, end: i32, from: i32, to: i32, toggled: i32): void {
  for (let k = first; k < end; k += 1) {
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

/**
 * Follows `node` (child mask `mask`) into token `next` and on. The mask has a bit per child token
 * (childBit): most nodes have no child the next token can be, and the edge table (large, rarely
 * cached) is not read.
 */
function extend(node: i32, mask: i32, from: i32, next: i32, tokens: i32, toggled: i32): void {
  if (mask == 0 || next >= tokens) return;
  const count = u8At(contCount, next);
  const base = next * MAX_CANDIDATES;
  for (let k = 0; k < count; k += 1) {
    const tok = i32At(candIds, base + k) & ID_MASK;
    if (((mask >>> childBit(tok)) & 1) == 0) continue;
    const c = child(node, tok);
    if (c < 0) continue;
    const tg = toggled | u8At(candToggled, base + k);
    visit(c, from, next + 1, tokens, tg);
  }
}

/**
 * Reports the outputs of `node` (reached over tokens [from, to)) and follows it into token `to` and on.
 * A node is a 16-byte record (first output, end of outputs, child mask, unused): one cache line.
 */
function visit(node: i32, from: i32, to: i32, tokens: i32, toggled: i32): void {
  const rec = nodes + (<usize>node << 4);
  emit(load<i32>(rec), load<i32>(rec, 4), from, to, toggled);
  extend(node, load<i32>(rec, 8), from, to, tokens, toggled);
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
      const cand = i32At(candIds, base + k);
      if ((cand & ROOT_FLAG) == 0) continue;
      visit(i32At(root, cand & ID_MASK), t, t + 1, tokens, u8At(candToggled, base + k));
    }
  }
  return hitsFull ? NEED_HITS : hitCount;
}
