// A letter trie of cue phrases, read from word starts only: the one structure every cue list of the
// event reader is looked up in, so a text is scanned once for all of them. Knows no cue meaning: each
// phrase carries a number (its row) on one of a few channels (type cues, casualty cues).

/** Letters of the scripts read (Latin with accents, Arabic with its marks): a cue starts and ends at their edge. */
export const isCueLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x620 && c <= 0x64a)
  || (c >= 0x64b && c <= 0x65f) || (c >= 0x671 && c <= 0x6d3) || (c >= 0x41 && c <= 0x5a);

/** Between the words of a phrase: one space, hyphen or apostrophe, all read as one space ("sol-sol", "d'artillerie"). */
const unitOf = (c: number): number => (c === 0x2d || c === 0x27 || c === 0x2019 ? 0x20 : c);

interface Node { next: Map<number, Node> | undefined; rows: number[] | undefined }

export interface CueTrie { root: Node; channels: number }

/** A trie for `channels` channels; add phrases with addPhrase. */
export const cueTrie = (channels: number): CueTrie => ({ root: { next: undefined, rows: undefined }, channels });

/** Adds a phrase for a channel; the first row given for a phrase on a channel keeps it (list strongest rows first). */
export function addPhrase(trie: CueTrie, channel: number, phrase: string, row: number): void {
  let node = trie.root;
  for (let i = 0; i < phrase.length; i += 1) {
    const c = unitOf(phrase.charCodeAt(i));
    node.next ??= new Map();
    let child = node.next.get(c);
    if (!child) { child = { next: undefined, rows: undefined }; node.next.set(c, child); }
    node = child;
  }
  node.rows ??= new Array<number>(trie.channels).fill(-1);
  if (node.rows[channel] === -1) node.rows[channel] = row;
}

/**
 * The longest phrase of each channel that starts at `at` (a word start) and ends at a word end:
 * sets ends[ch] and rows[ch], or leaves ends[ch] at -1. Returns whether any channel found one.
 */
export function longestAt(trie: CueTrie, text: string, at: number, ends: Int32Array, rows: Int32Array): boolean {
  ends.fill(-1);
  let found = false;
  let node: Node | undefined = trie.root;
  for (let i = at; i < text.length; i += 1) {
    node = node.next?.get(unitOf(text.charCodeAt(i)));
    if (!node) break;
    if (node.rows && !(i + 1 < text.length && isCueLetter(text.charCodeAt(i + 1)))) {
      for (let ch = 0; ch < trie.channels; ch += 1) {
        if (node.rows[ch] !== -1) { ends[ch] = i + 1; rows[ch] = node.rows[ch]!; found = true; }
      }
    }
  }
  return found;
}
