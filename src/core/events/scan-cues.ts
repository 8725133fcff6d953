// Finds whole-word cues of cue lists in folded text. The word-start test is done by hand rather than by
// a regex lookbehind, and Latin lists are tried only at word starts whose first letters could open a cue.
// Arabic lists run only on text with Arabic letters, Latin ones on Latin.

const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x620 && c <= 0x64a)
  || (c >= 0x64b && c <= 0x65f) || (c >= 0x671 && c <= 0x6d3) || (c >= 0x41 && c <= 0x5a);

export interface TextScripts { arabic: boolean; latin: boolean }

export function scriptsOf(text: string): TextScripts {
  return { arabic: /[\u0620-\u064a]/.test(text), latin: /[a-z]/.test(text) };
}

/**
 * Several cue lists of one script as one pattern: one scan of the text instead of one per list. At a
 * position the first list that matches wins, so lists go strongest first. Calls `found(list, start, end)`.
 */
export interface CueSet {
  re: RegExp; arabic: boolean; size: number;
  /** Latin sets: a sticky copy of `re` and the 1-3 letter openings of every alternative, so the pattern
   * is tried only at word starts that could open a cue (most words cannot). */
  sticky?: RegExp; openings?: Array<Set<number>>;
}

/** Top-level alternatives of a regex source (nested groups kept whole). */
function alternativesOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') { i += 1; continue; }
    if (c === '(' || c === '[') depth += 1;
    else if (c === ')' || c === ']') depth -= 1;
    else if (c === '|' && depth === 0) { out.push(source.slice(from, i)); from = i + 1; }
  }
  out.push(source.slice(from));
  return out;
}

/** The literal letters an alternative starts with, at most 3 ("frappes? (?:aér..." -> "fra"). */
function opening(alt: string): string {
  const m = /^[^\\()[\]?*+.|{}]*/.exec(alt)![0];
  // A letter made optional by the "?" after it is not part of the fixed opening.
  const fixed = alt[m.length] === '?' ? m.slice(0, -1) : m;
  return fixed.slice(0, 3);
}

/** `byOpening`: try the pattern only where a cue could open (pays off for long lists of many words). */
export function cueSet(lists: string[], arabic: boolean, prefix = '', byOpening = false): CueSet {
  const body = `${prefix}(?:${lists.map((l) => `(${l})`).join('|')})(?![\\p{L}\\p{M}])`;
  const set: CueSet = { re: new RegExp(body, 'gu'), arabic, size: lists.length };
  if (!arabic && byOpening) {
    const openings = [new Set<number>(), new Set<number>(), new Set<number>(), new Set<number>()];
    for (const alt of lists.flatMap(alternativesOf)) {
      const o = opening(alt);
      openings[o.length]!.add(unitsKey(o, 0, o.length));
    }
    // An alternative with no literal opening could start anywhere: no filter then.
    if (openings[0]!.size === 0) { set.sticky = new RegExp(body, 'uy'); set.openings = openings; }
  }
  return set;
}

/** Up to three UTF-16 units as one number (a Set of numbers is looked up without making strings). */
function unitsKey(text: string, at: number, n: number): number {
  let k = 0;
  for (let j = 0; j < n; j += 1) k = k * 65536 + (at + j < text.length ? text.charCodeAt(at + j) : 0);
  return k;
}

function report(set: CueSet, m: RegExpExecArray, found: (list: number, start: number, end: number) => void): void {
  let list = 0;
  while (list < set.size && m[list + 1] === undefined) list += 1;
  found(list, m.index, m.index + m[0].length);
}

export function scanCueSet(text: string, set: CueSet, scripts: TextScripts, found: (list: number, start: number, end: number) => void): void {
  if (set.arabic ? !scripts.arabic : !scripts.latin) return;
  if (set.sticky && set.openings) {
    const [, one, two, three] = set.openings;
    const re = set.sticky;
    for (let i = 0; i < text.length; i += 1) {
      if (!isLetter(text.charCodeAt(i)) || (i > 0 && isLetter(text.charCodeAt(i - 1)))) continue;
      const c1 = text.charCodeAt(i);
      const c2 = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      const c3 = i + 2 < text.length ? text.charCodeAt(i + 2) : 0;
      if (!one!.has(c1) && !two!.has(c1 * 65536 + c2) && !three!.has((c1 * 65536 + c2) * 65536 + c3)) continue;
      re.lastIndex = i;
      const m = re.exec(text);
      if (m === null || m[0].length === 0) continue;
      report(set, m, found);
      i = m.index + m[0].length - 1;
    }
    return;
  }
  const re = set.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && isLetter(text.charCodeAt(m.index - 1))) { re.lastIndex = m.index + 1; continue; }
    report(set, m, found);
    if (m[0].length === 0) re.lastIndex += 1;
  }
}
