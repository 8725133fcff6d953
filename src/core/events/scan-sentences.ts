// One pass over a field: cuts it into sentences (the matcher's sentence rule, sentence-index.ts) and
// finds every type cue and casualty cue in them, all phrases looked up in one trie from word starts,
// each unit folded as it is read (fold-for-cues.ts). Stops after the sentences asked for. Pure; knows
// nothing of which cue wins an event.
import { BREAK_KIND } from '../match/sentence-index.js';
import { compileCueTrie, isCueLetter, longestAt, type CuePhrase } from './cue-trie.js';
import { expandCue } from './expand-cue.js';
import { DROPPED, foldUnit, UNFOLDABLE } from './fold-for-cues.js';
import { TYPE_AR_PREFIXES, TYPE_ROWS, type TypeCue } from './type-cues.js';
import { CASUALTY_AR_PREFIXES, CASUALTY_ROWS, type Cue } from './casualty-cues.js';

export interface ScannedSentence {
  /** Offsets in the text scanned, white space trimmed. */
  start: number;
  end: number;
  types: TypeCue[];
  /** Casualty cues, offsets in the text scanned. */
  casualties: Cue[];
}

const TYPE = 0;
const CASUALTY = 1;

const phrasesOf = (channel: number, row: number, pattern: string): CuePhrase[] => expandCue(pattern).map((phrase) => ({ channel, phrase, row }));
const TRIE = compileCueTrie(2, [
  ...TYPE_ROWS.flatMap(([, , pattern], row) => phrasesOf(TYPE, row, pattern)),
  ...CASUALTY_ROWS.flatMap(([, pattern], row) => phrasesOf(CASUALTY, row, pattern)),
], foldUnit, DROPPED);
const { foundEnd, foundRow } = TRIE;

/**
 * Per UTF-16 unit, what the scan needs in one read: the sentence rule's break kind (sentence-index.ts),
 * or LETTER, or MARK for a unit folding drops (read as if absent), or STOP for one it cannot fold in place.
 */
const LETTER = 8;
const MARK = 16;
const STOP = 32;
/** Past this unit no unit is a cue letter or a mark, nor lowers to more than one unit (a test checks it). */
export const PLAIN_FROM = 0x700;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < PLAIN_FROM; c += 1) {
  const f = foldUnit(c);
  CLASS[c] = f === DROPPED ? MARK : f === UNFOLDABLE ? STOP : isCueLetter(c) ? LETTER : BREAK_KIND[c]!;
}
// Above it a unit is read by its break kind alone: copied, not worked out unit by unit at each start-up.
CLASS.set(BREAK_KIND.subarray(PLAIN_FROM), PLAIN_FROM);

// Arabic prefixes (و ب ال...) a word may carry before a cue, and which channels accept each, looked up by
// their letters' codes (no string per word): each letter a digit 1-5, the prefix a base-8 number.
const PREFIX_LETTERS = 'وفبلا';
const prefixKey = (p: string): number => [...p].reduce((k, ch) => k * 8 + PREFIX_LETTERS.indexOf(ch) + 1, 0);
const PREFIX_MASK = new Uint8Array(8 ** 3);
for (const p of TYPE_AR_PREFIXES) PREFIX_MASK[prefixKey(p)]! |= 1 << TYPE;
for (const p of CASUALTY_AR_PREFIXES) PREFIX_MASK[prefixKey(p)]! |= 1 << CASUALTY;
const LONGEST_PREFIX = Math.max(...[...TYPE_AR_PREFIXES, ...CASUALTY_AR_PREFIXES].map((p) => p.length));
const PREFIX_DIGIT = new Uint8Array(0x700);
for (let c = 0x600; c < 0x700; c += 1) PREFIX_DIGIT[c] = PREFIX_LETTERS.indexOf(String.fromCharCode(foldUnit(c))) + 1;
const digitOf = (c: number): number => (c < 0x700 ? PREFIX_DIGIT[c]! : 0);

/** Letters some cue or Arabic prefix starts with: a word opening with another is not looked up. */
const OPENS = new Uint8Array(0x800);
for (let c = 0; c < 0x800; c += 1) OPENS[c] = TRIE.root[TRIE.symbol[c]!] !== 0 || digitOf(c) !== 0 ? 1 : 0;

// The best cue of each channel at the word start being read: its end and row (end -1: none).
const bestEnd = new Int32Array(2);
const bestRow = new Int32Array(2);

/** Keeps what the last walk found for the channels in `mask` (bit per channel); the longest wins. */
function keep(mask: number): void {
  for (let ch = 0; ch < 2; ch += 1) {
    if (foundEnd[ch]! > bestEnd[ch]! && (mask & (1 << ch)) !== 0) { bestEnd[ch] = foundEnd[ch]!; bestRow[ch] = foundRow[ch]!; }
  }
}

/** The longest cue of each channel at word start `at`, with an Arabic word's prefixes tried too. */
function cuesAt(text: string, at: number): void {
  bestEnd[0] = -1;
  bestEnd[1] = -1;
  if (longestAt(TRIE, text, at)) keep(3);
  let key = 0;
  let j = at;
  for (let k = 0; k < LONGEST_PREFIX; k += 1) {
    const d = digitOf(text.charCodeAt(j));
    if (d === 0) return;
    key = key * 8 + d;
    do j += 1; while (j < text.length && CLASS[text.charCodeAt(j)] === MARK);
    const mask = PREFIX_MASK[key]!;
    if (j < text.length && mask !== 0 && CLASS[text.charCodeAt(j)] === LETTER && longestAt(TRIE, text, j)) keep(mask);
  }
}

const isSpace = (k: number): boolean => k === 1 || k === 4;

/**
 * The first `max` sentences of the first `limit` units of `text` with their cues, offsets in `text`; or
 * null when the part read holds a unit that cannot be folded in place (İ): fold the text with foldText
 * and scan the folded text then. Vowel marks are stepped over.
 */
export function scanSentences(text: string, max = Infinity, limit = Infinity): ScannedSentence[] | null {
  const out: ScannedSentence[] = [];
  let types: TypeCue[] = [];
  let casualties: Cue[] = [];
  let first = -1;
  let last = -1;
  // Where each channel may look next: a cue's words are not read again by the same channel.
  let typeFrom = 0;
  let casualtyFrom = 0;
  let inWord = false;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i += 1) {
    const cls = CLASS[text.charCodeAt(i)]!;
    // A mark is read as absent (foldText drops it): it neither opens nor ends a word or a sentence.
    if (cls >= MARK) {
      if (cls === STOP) return null;
      continue;
    }
    if (cls === LETTER) {
      if (first < 0) first = i;
      last = i;
      if (inWord) continue;
      inWord = true;
      const at = i;
      // The word's other letters only move `last`: read them in a tight loop (a mark ends it, the main loop steps over it).
      while (i + 1 < n && CLASS[text.charCodeAt(i + 1)] === LETTER) i += 1;
      last = i;
      if ((at < typeFrom && at < casualtyFrom) || OPENS[text.charCodeAt(at)] === 0) continue;
      cuesAt(text, at);
      if (bestEnd[TYPE]! > 0 && at >= typeFrom) {
        const [type, weight] = TYPE_ROWS[bestRow[TYPE]!]!;
        types.push({ type, weight, start: at, end: bestEnd[TYPE]! });
        typeFrom = bestEnd[TYPE]!;
      }
      if (bestEnd[CASUALTY]! > 0 && at >= casualtyFrom) {
        casualties.push({ kind: CASUALTY_ROWS[bestRow[CASUALTY]!]![0], start: at, end: bestEnd[CASUALTY]! });
        casualtyFrom = bestEnd[CASUALTY]!;
      }
      continue;
    }
    inWord = false;
    if (cls === 0) {
      if (first < 0) first = i;
      last = i;
      continue;
    }
    const k = cls & 7;
    if (!isSpace(k)) {
      if (first < 0) first = i;
      last = i;
    }
    // A full stop ends a sentence only before white space (keeps "U.S." and "3.5" whole).
    if (k === 2 || k === 4 || (k === 3 && (i + 1 >= n || isSpace(CLASS[text.charCodeAt(i + 1)]! & 7)))) {
      if (first >= 0) out.push({ start: first, end: last + 1, types, casualties });
      types = [];
      casualties = [];
      first = -1;
      if (out.length >= max) return out;
    }
  }
  if (first >= 0) out.push({ start: first, end: last + 1, types, casualties });
  return out;
}
