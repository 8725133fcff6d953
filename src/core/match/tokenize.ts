// Splits text into word tokens over the normalised form, each with its offsets in the ORIGINAL text.
// Apostrophes and hyphens separate words (d'Alep -> d, alep; ez-Zor -> ez, zor). No regex `\b`.
import { normalizeInto, scratch } from './normalize.js';
import { WORD_CLASS, isWordAt, originalEnd } from './char-class.js';

export interface Token {
  norm: string;
  /** Offsets in the original text: text.slice(start, end) is the surface as written. */
  start: number;
  end: number;
}

function charsSlice(chars: Uint16Array, s: number, e: number): string {
  return String.fromCharCode(...chars.subarray(s, e));
}

export function tokenize(text: string): Token[] {
  const n = normalizeInto(text);
  const { chars, offsets } = scratch;
  const get = (i: number): number => chars[i]!;
  const tokens: Token[] = [];
  let s = -1;
  for (let i = 0; i <= n; i += 1) {
    const word = i < n && (WORD_CLASS[chars[i]!] === 1 || (WORD_CLASS[chars[i]!] === 2 && isWordAt(get, i, n)));
    if (word && s < 0) s = i;
    if (!word && s >= 0) {
      tokens.push({ norm: charsSlice(chars, s, i), start: offsets[s]!, end: originalEnd(text, offsets, i) });
      s = -1;
    }
  }
  return tokens;
}

/** Normalised word tokens of a short string (an alias, a query term), without offsets. */
export function tokenWords(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}
