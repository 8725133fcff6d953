// One pass over a folded field: cuts it into sentences (the matcher's sentence rule, sentence-index.ts)
// and finds every type cue and casualty cue in them, all phrases looked up in one trie from word starts.
// Stops after the sentences asked for. Pure; knows nothing of which cue wins an event.
import { BREAK_KIND } from '../match/sentence-index.js';
import { addPhrase, cueTrie, isCueLetter, longestAt } from './cue-trie.js';
import { expandCue } from './expand-cue.js';
import { TYPE_AR_PREFIXES, TYPE_ROWS, type TypeCue } from './type-cues.js';
import { CASUALTY_AR_PREFIXES, CASUALTY_ROWS, type Cue } from './casualty-cues.js';

export interface ScannedSentence {
  /** Offsets in the folded text, white space trimmed. */
  start: number;
  end: number;
  types: TypeCue[];
  /** Casualty cues, offsets in the folded text. */
  casualties: Cue[];
}

const TYPE = 0;
const CASUALTY = 1;
const TRIE = cueTrie(2);

/** Arabic words may carry prefixes (و ب ال...): each phrase is entered with each of them. */
function addRow(channel: number, row: number, pattern: string, prefixes: string[]): void {
  for (const phrase of expandCue(pattern)) {
    const arabic = phrase.charCodeAt(0) >= 0x600;
    for (const p of arabic ? ['', ...prefixes] : ['']) addPhrase(TRIE, channel, p + phrase, row);
  }
}
TYPE_ROWS.forEach(([, , pattern], row) => addRow(TYPE, row, pattern, TYPE_AR_PREFIXES));
CASUALTY_ROWS.forEach(([, pattern], row) => addRow(CASUALTY, row, pattern, CASUALTY_AR_PREFIXES));

// Reused across calls: what longestAt found at one word start, and where each channel may look next
// (a cue's words are not read again by the same channel).
const ends = new Int32Array(2);
const rows = new Int32Array(2);

const isSpace = (k: number): boolean => k === 1 || k === 4;

/** The first `max` sentences of `folded` with their cues. */
export function scanSentences(folded: string, max = Infinity): ScannedSentence[] {
  const out: ScannedSentence[] = [];
  let types: TypeCue[] = [];
  let casualties: Cue[] = [];
  let first = -1;
  let last = -1;
  let typeFrom = 0;
  let casualtyFrom = 0;
  let prevLetter = false;
  const n = folded.length;
  for (let i = 0; i < n && out.length < max; i += 1) {
    const c = folded.charCodeAt(i);
    const k = BREAK_KIND[c]!;
    if (!isSpace(k)) {
      if (first < 0) first = i;
      last = i;
    }
    const letter = isCueLetter(c);
    if (letter && !prevLetter && (i >= typeFrom || i >= casualtyFrom) && longestAt(TRIE, folded, i, ends, rows)) {
      if (ends[TYPE]! > 0 && i >= typeFrom) {
        const [type, weight] = TYPE_ROWS[rows[TYPE]!]!;
        types.push({ type, weight, start: i, end: ends[TYPE]! });
        typeFrom = ends[TYPE]!;
      }
      if (ends[CASUALTY]! > 0 && i >= casualtyFrom) {
        casualties.push({ kind: CASUALTY_ROWS[rows[CASUALTY]!]![0], start: i, end: ends[CASUALTY]! });
        casualtyFrom = ends[CASUALTY]!;
      }
    }
    prevLetter = letter;
    // A full stop ends a sentence only before white space (keeps "U.S." and "3.5" whole).
    if (k === 2 || k === 4 || (k === 3 && (i + 1 >= n || isSpace(BREAK_KIND[folded.charCodeAt(i + 1)]!)))) {
      if (first >= 0) out.push({ start: first, end: last + 1, types, casualties });
      types = [];
      casualties = [];
      first = -1;
    }
  }
  if (first >= 0 && out.length < max) out.push({ start: first, end: last + 1, types, casualties });
  return out;
}
