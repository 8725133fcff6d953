// Finds whole-word cues of a pattern in folded text. The word-start test is done by hand rather than by
// a regex lookbehind: without one, the regex engine can skip to the cues' first letters, several times
// faster on news-length texts. Arabic patterns run only on text with Arabic letters, Latin ones on Latin.

export interface CuePattern { re: RegExp; arabic: boolean }

const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x620 && c <= 0x64a)
  || (c >= 0x64b && c <= 0x65f) || (c >= 0x671 && c <= 0x6d3) || (c >= 0x41 && c <= 0x5a);

/** A pattern from regex alternatives; Arabic ones may carry the clitics `prefix` in front. */
export function cuePattern(alts: string, arabic: boolean, prefix = ''): CuePattern {
  return { re: new RegExp(`${prefix}(?:${alts})(?![\\p{L}\\p{M}])`, 'gu'), arabic };
}

export interface TextScripts { arabic: boolean; latin: boolean }

export function scriptsOf(text: string): TextScripts {
  return { arabic: /[\u0620-\u064a]/.test(text), latin: /[a-z]/.test(text) };
}

/** Calls `found(start, end)` for each match of the pattern that starts a word. */
export function scanCues(text: string, p: CuePattern, scripts: TextScripts, found: (start: number, end: number) => void): void {
  if (p.arabic ? !scripts.arabic : !scripts.latin) return;
  const re = p.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && isLetter(text.charCodeAt(m.index - 1))) { re.lastIndex = m.index + 1; continue; }
    found(m.index, m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex += 1;
  }
}

/**
 * Several cue lists of one script as one pattern: one scan of the text instead of one per list. At a
 * position the first list that matches wins, so lists go strongest first. Calls `found(list, start, end)`.
 */
export interface CueSet { re: RegExp; arabic: boolean; size: number }

export function cueSet(lists: string[], arabic: boolean, prefix = ''): CueSet {
  return { re: new RegExp(`${prefix}(?:${lists.map((l) => `(${l})`).join('|')})(?![\\p{L}\\p{M}])`, 'gu'), arabic, size: lists.length };
}

export function scanCueSet(text: string, set: CueSet, scripts: TextScripts, found: (list: number, start: number, end: number) => void): void {
  if (set.arabic ? !scripts.arabic : !scripts.latin) return;
  const re = set.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && isLetter(text.charCodeAt(m.index - 1))) { re.lastIndex = m.index + 1; continue; }
    let list = 0;
    while (list < set.size && m[list + 1] === undefined) list += 1;
    found(list, m.index, m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex += 1;
  }
}
