// A trie over token ids: root children in a flat array, inner edges in an open-addressing table keyed
// by (node, token), outputs (payload ids) per node in CSR arrays. Built once; lookups allocate nothing.

export interface TrieSequence { ids: number[]; payload: number }

/** The tables of a trie, as a matcher snapshot stores them (matcher-snapshot.ts). */
export interface TrieTables {
  rootChild: Int32Array; outStart: Int32Array; outList: Int32Array; nodeCount: number;
  edgeFrom: Int32Array; edgeTok: Int32Array; edgeTo: Int32Array; mask: number;
}

/** Tables are public read-only: the WebAssembly scanner (wasm/scanner.ts) copies them. */
export class TokenTrie implements TrieTables {
  /** Root child node per token id, -1 if none. */
  readonly rootChild: Int32Array;
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
  readonly nodeCount: number;
  readonly edgeFrom: Int32Array;
  readonly edgeTok: Int32Array;
  readonly edgeTo: Int32Array;
  readonly mask: number;

  /** A trie over tables built before (a snapshot's). */
  static fromTables(t: TrieTables): TokenTrie {
    return Object.assign(Object.create(TokenTrie.prototype) as TokenTrie, t);
  }

  constructor(vocabSize: number, sequences: TrieSequence[]) {
    this.rootChild = new Int32Array(vocabSize).fill(-1);
    const edges = new Map<string, number>();
    const outputs: number[][] = [[]];
    const edgeList: Array<[number, number, number]> = [];
    for (const seq of sequences) {
      let node = 0;
      seq.ids.forEach((tok, k) => {
        if (k === 0) {
          if (this.rootChild[tok] === -1) { this.rootChild[tok] = outputs.length; outputs.push([]); }
          node = this.rootChild[tok]!;
          return;
        }
        const key = `${node},${tok}`;
        let next = edges.get(key);
        if (next === undefined) {
          next = outputs.length;
          outputs.push([]);
          edges.set(key, next);
          edgeList.push([node, tok, next]);
        }
        node = next;
      });
      if (!outputs[node]!.includes(seq.payload)) outputs[node]!.push(seq.payload);
    }
    this.nodeCount = outputs.length;
    this.outStart = new Int32Array(outputs.length + 1);
    outputs.forEach((o, i) => { this.outStart[i + 1] = this.outStart[i]! + o.length; });
    this.outList = Int32Array.from(outputs.flat());
    let capacity = 16;
    while (capacity < edgeList.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.edgeFrom = new Int32Array(capacity).fill(-1);
    this.edgeTok = new Int32Array(capacity);
    this.edgeTo = new Int32Array(capacity);
    for (const [from, tok, to] of edgeList) {
      let slot = edgeHash(from, tok) & this.mask;
      while (this.edgeFrom[slot] !== -1) slot = (slot + 1) & this.mask;
      this.edgeFrom[slot] = from;
      this.edgeTok[slot] = tok;
      this.edgeTo[slot] = to;
    }
  }

  /** Child of `node` (not the root) by token id, or -1. */
  child(node: number, tok: number): number {
    let slot = edgeHash(node, tok) & this.mask;
    for (;;) {
      const from = this.edgeFrom[slot]!;
      if (from === -1) return -1;
      if (from === node && this.edgeTok[slot] === tok) return this.edgeTo[slot]!;
      slot = (slot + 1) & this.mask;
    }
  }
}

function edgeHash(node: number, tok: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(tok + 0x632be5ab, 0x85ebca77)) >>> 0;
}
