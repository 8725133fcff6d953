// Folds a text for cue search: Arabic short vowels and tatweel dropped (قُتل -> قتل), then lower case and
// one letter for the hamza seats, taa marbuta and alif maqsura. `at[i]` is where folded unit i was in
// the text, so what is found in the folded text can be quoted from the original.

export interface Folded { text: string; at: number[] }

const isMark = (c: number): boolean => (c >= 0x64b && c <= 0x652) || c === 0x670 || c === 0x640;

const MARKS = /[\u064b-\u0652\u0670\u0640]/;
/** The letters folding replaces (hamza seats, taa marbuta, alif maqsura). */
const SEATS = /[أإآٱةى]/;
const identity: number[] = [];

export function foldText(text: string): Folded {
  const lower = text.toLowerCase();
  // Most texts carry no vowel marks: nothing moves, so offsets are the text's own.
  if (lower.length === text.length && !MARKS.test(text)) {
    while (identity.length <= text.length) identity.push(identity.length);
    // A text with none of these letters (a French or English sentence) is read once, not three times.
    return { text: SEATS.test(lower) ? lower.replace(/[أإآٱ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي') : lower, at: identity };
  }
  // toLowerCase keeps the length for the scripts news is written in; where it does not (a rare
  // letter that lowers to two units: Turkish İ in "İdlib"), lower unit by unit so offsets stay one
  // for one, İ read as i.
  const sameLength = lower.length === text.length;
  const units: number[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = sameLength ? lower.charCodeAt(i) : lowerInPlace(text.charCodeAt(i));
    if (isMark(c)) continue;
    units.push(c === 0x623 || c === 0x625 || c === 0x622 || c === 0x671 ? 0x627 : c === 0x629 ? 0x647 : c === 0x649 ? 0x64a : c);
    at.push(i);
  }
  at.push(text.length);
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return { text: out, at };
}

/** One code unit in lower case, kept one unit long (İ -> i; a unit whose lower case is longer stays). */
function lowerInPlace(c: number): number {
  if (c === 0x130) return 0x69;
  const lowered = String.fromCharCode(c).toLowerCase();
  return lowered.length === 1 ? lowered.charCodeAt(0) : c;
}

/** Lower case of the Latin units (with accents), looked up rather than made. */
const LATIN_END = 0x250;
const LATIN_LOWER = new Uint16Array(LATIN_END);
for (let c = 0; c < LATIN_END; c += 1) LATIN_LOWER[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);

/** foldUnit's answer for a unit that folding drops (a vowel mark, tatweel). */
export const DROPPED = -2;
/** foldUnit's answer for a unit that cannot be folded in place (İ lowers to two units). */
export const UNFOLDABLE = -1;

/**
 * What one unit folds to on its own (lower case, one alif for the hamza seats, ه for ة, ي for ى), for a
 * scanner that folds as it reads: DROPPED for the units foldText drops, UNFOLDABLE for İ.
 */
export function foldUnit(c: number): number {
  if (c < LATIN_END) return c === 0x130 ? UNFOLDABLE : LATIN_LOWER[c]!;
  if (isMark(c)) return DROPPED;
  if (c === 0x623 || c === 0x625 || c === 0x622 || c === 0x671) return 0x627;
  if (c === 0x629) return 0x647;
  if (c === 0x649) return 0x64a;
  return c >= 0x600 && c <= 0x6ff ? c : lowerUnit(c);
}

function lowerUnit(c: number): number {
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : UNFOLDABLE;
}

/** The folded text alone (cue patterns are written for it). */
export const foldForCues = (text: string): string => foldText(text).text;
