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
