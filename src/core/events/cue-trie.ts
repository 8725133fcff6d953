// A letter trie of cue phrases, read from word starts only: the one structure every cue list of the
// event reader is looked up in, so a text is scanned once for all of them. Knows no cue meaning: each
// phrase carries a number (its row) on one of a few channels (type cues, casualty cues).
// Compiled to small flat tables (letters numbered, each node's children listed after one another), so
// the trie stays in cache next to the matcher's own tables: a step reads a few bytes.

/** Letters of the scripts read (Latin with accents, Arabic with its marks): a cue starts and ends at their edge. */
export const isCueLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x620 && c <= 0x64a)
  || (c >= 0x64b && c <= 0x65f) || (c >= 0x671 && c <= 0x6d3) || (c >= 0x41 && c <= 0x5a);

/** Units a phrase can hold: Latin with accents and Arabic all sit below this. */
const UNITS = 0x800;

/** Between the words of a phrase: one space, hyphen or apostrophe, all read as one space ("sol-sol", "d'artillerie"). */
const GAPS = [0x2d, 0x27, 0x2019];
const unitOf = (c: number): number => (GAPS.includes(c) ? 0x20 : c);

/** The symbol of a unit the scan steps over (a vowel mark inside a word: "قُتل" reads as "قتل"). */
const SKIP = 255;

export interface CueTrie {
  channels: number;
  /** Number of each unit used by some phrase (0: none; SKIP: stepped over). */
  symbol: Uint8Array;
  /** Per node, 1 where some phrase ends. */
  terminal: Uint8Array;
  /** The symbol of the space between words, also read for the right single quote (’, above UNITS). */
  gap: number;
  /** Child of the root by symbol (0: none; node 0 is the root). */
  root: Uint16Array;
  /** Children of node n: symbols childSym[i] and nodes childNode[i] for i in [childStart[n], childStart[n + 1]). */
  childStart: Uint16Array;
  childSym: Uint8Array;
  childNode: Uint16Array;
  /** Row of node n on channel ch at n * channels + ch (-1: no phrase of that channel ends there). */
  rows: Int16Array;
  /** What the last walk found, reused: where the phrase ends and its row, per channel (end -1: none). */
  foundEnd: Int32Array;
  foundRow: Int32Array;
}

export interface CuePhrase { channel: number; phrase: string; row: number }

/**
 * Compiles phrases into a trie; the first row given for a phrase on a channel keeps it (list strongest
 * rows first). Phrases are written folded; `fold` (unit -> folded unit, or `dropped` for a unit
 * folding removes) lets the scan read a text unfolded: each unit is looked up as the unit it folds to.
 */
export function compileCueTrie(channels: number, phrases: CuePhrase[], fold: (unit: number) => number, dropped: number): CueTrie {
  const symbol = new Uint8Array(UNITS);
  let symbols = 0;
  for (const { phrase } of phrases) {
    for (let i = 0; i < phrase.length; i += 1) {
      const u = unitOf(phrase.charCodeAt(i));
      if (u >= UNITS) throw new Error(`cue phrase "${phrase}": letter ${phrase[i]} is outside the scripts read`);
      if (symbol[u] === 0) {
        if (symbols === SKIP - 1) throw new Error(`cue phrases: more than ${SKIP - 1} distinct letters`);
        symbol[u] = ++symbols;
      }
    }
  }
  for (let u = 0; u < UNITS; u += 1) {
    const f = unitOf(u) === u ? fold(u) : 0x20;
    if (f === dropped) symbol[u] = SKIP;
    else if (symbol[u] === 0 && f >= 0 && f < UNITS) symbol[u] = symbol[f]!;
  }
  const width = symbols + 1;
  // Built as one child map per node (a few thousand nodes, most with one child: a dense table of
  // nodes x symbols would be filled and read cell by cell at every start-up), then frozen into typed arrays.
  const children: Array<Map<number, number>> = [new Map()];
  const rows: number[] = new Array<number>(channels).fill(-1);
  for (const { channel, phrase, row } of phrases) {
    let node = 0;
    for (let i = 0; i < phrase.length; i += 1) {
      const s = symbol[unitOf(phrase.charCodeAt(i))]!;
      let child = children[node]!.get(s);
      if (child === undefined) {
        child = children.length;
        children[node]!.set(s, child);
        children.push(new Map());
        for (let k = 0; k < channels; k += 1) rows.push(-1);
      }
      node = child;
    }
    if (rows[node * channels + channel] === -1) rows[node * channels + channel] = row;
  }
  const nodes = children.length;
  const terminal = new Uint8Array(nodes);
  for (let n = 0; n < nodes; n += 1) for (let ch = 0; ch < channels; ch += 1) if (rows[n * channels + ch] !== -1) terminal[n] = 1;
  // 16-bit tables: the trie stays small in cache beside the matcher's own (a few thousand nodes).
  if (nodes > 0xffff || phrases.some((p) => p.row > 0x7fff)) throw new Error(`cue phrases: ${nodes} trie nodes, more than 16-bit tables hold`);
  // Each node's children listed after one another, by symbol.
  const childStart = new Uint16Array(nodes + 1);
  const sym: number[] = [];
  const node: number[] = [];
  for (let n = 0; n < nodes; n += 1) {
    childStart[n] = sym.length;
    for (const [k, child] of [...children[n]!].sort((a, b) => a[0] - b[0])) { sym.push(k); node.push(child); }
  }
  childStart[nodes] = sym.length;
  const root = new Uint16Array(width);
  for (const [k, child] of children[0]!) root[k] = child;
  return {
    channels, symbol, terminal, gap: symbol[0x20]!, root,
    childStart, childSym: Uint8Array.from(sym), childNode: Uint16Array.from(node), rows: Int16Array.from(rows),
    foundEnd: new Int32Array(channels), foundRow: new Int32Array(channels),
  };
}

/**
 * The longest phrase of each channel that starts at `at` and ends at a word end: sets trie.foundEnd[ch]
 * and trie.foundRow[ch], or foundEnd[ch] to -1. Returns whether any channel found one.
 */
export function longestAt(trie: CueTrie, text: string, at: number): boolean {
  const { channels, symbol, terminal, gap, root, childStart, childSym, childNode, rows, foundEnd, foundRow } = trie;
  for (let ch = 0; ch < channels; ch += 1) foundEnd[ch] = -1;
  let found = false;
  let node = 0;
  const n = text.length;
  for (let i = at; i < n; i += 1) {
    const u = text.charCodeAt(i);
    const s = u < UNITS ? symbol[u]! : u === 0x2019 ? gap : 0;
    if (s === SKIP) continue;
    if (node === 0) node = root[s]!;
    else {
      let k = childStart[node]!;
      const last = childStart[node + 1]!;
      while (k < last && childSym[k] !== s) k += 1;
      node = k < last && s !== 0 ? childNode[k]! : 0;
    }
    if (node === 0) break;
    if (terminal[node] === 0) continue;
    // A phrase ends here only at a word end (marks stepped over).
    let j = i + 1;
    while (j < n && text.charCodeAt(j) < UNITS && symbol[text.charCodeAt(j)] === SKIP) j += 1;
    if (j < n && isCueLetter(text.charCodeAt(j))) continue;
    for (let ch = 0; ch < channels; ch += 1) {
      const row = rows[node * channels + ch]!;
      if (row !== -1) { foundEnd[ch] = i + 1; foundRow[ch] = row; found = true; }
    }
  }
  return found;
}
