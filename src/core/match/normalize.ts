// Normalises text for matching in one pass and keeps, for every output unit, the index of the original
// unit it came from (offsets map back to the exact surface). Pure; the scratch buffers are reused.
import { FOLD_REMOVE, MULTI_BASE, foldAstral, foldUnit, multiFoldAt } from './fold-table.js';

export interface Normalized {
  text: string;
  /** offsets[i] = index in the original of normalised unit i; offsets[text.length] = original length. */
  offsets: Int32Array;
}

/** ASCII folding: A-Z lower-cased, backtick (used as an apostrophe) -> '. */
const ASCII_FOLD = new Uint16Array(128);
for (let c = 0; c < 128; c += 1) ASCII_FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c === 0x60 ? 0x27 : c;

/** Shared scratch: the last normalised text as char codes, and its offset map. Not reentrant (no await). */
export const scratch = { chars: new Uint16Array(4096), offsets: new Int32Array(4097), length: 0 };

function ensure(capacity: number): void {
  if (scratch.chars.length >= capacity) return;
  let size = scratch.chars.length;
  while (size < capacity) size *= 2;
  const chars = new Uint16Array(size);
  chars.set(scratch.chars);
  const offsets = new Int32Array(size + 1);
  offsets.set(scratch.offsets);
  scratch.chars = chars;
  scratch.offsets = offsets;
}

/** Appends a multi-unit folding; `remaining` input units may each still add one unit. */
function pushString(s: string, origin: number, n: number, remaining: number): number {
  ensure(n + s.length + remaining + 1);
  for (let k = 0; k < s.length; k += 1) {
    scratch.chars[n + k] = s.charCodeAt(k);
    scratch.offsets[n + k] = origin;
  }
  return n + s.length;
}

/** Normalises `text` into `scratch` and returns the normalised length. The hot path of matching. */
export function normalizeInto(text: string): number {
  const len = text.length;
  ensure(len + 1);
  let chars = scratch.chars;
  let offs = scratch.offsets;
  let n = 0;
  for (let i = 0; i < len; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      chars[n] = ASCII_FOLD[c]!;
      offs[n] = i;
      n += 1;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        n = pushString(foldAstral(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000), i, n, len - i);
        i += 1;
        chars = scratch.chars;
        offs = scratch.offsets;
        continue;
      }
    }
    const v = foldUnit(c);
    if (v === FOLD_REMOVE) continue;
    if (v < MULTI_BASE) {
      chars[n] = v;
      offs[n] = i;
      n += 1;
    } else {
      n = pushString(multiFoldAt(v - MULTI_BASE), i, n, len - i);
      chars = scratch.chars;
      offs = scratch.offsets;
    }
  }
  offs[n] = len;
  scratch.length = n;
  return n;
}

function charsToString(chars: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...chars.subarray(i, Math.min(n, i + 8192)));
  return out;
}

/**
 * NFKC, case fold, Latin diacritics stripped, apostrophes and hyphens unified, Arabic tashkeel and
 * tatweel removed, Arabic letter variants and Arabic-Indic/Persian digits unified (see README.md).
 */
export function normalize(text: string): Normalized {
  const n = normalizeInto(text);
  return { text: charsToString(scratch.chars, n), offsets: scratch.offsets.slice(0, n + 1) };
}
