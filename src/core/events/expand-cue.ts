// Spells out a cue written in a small finite pattern language into every phrase it stands for, so the
// cue tables stay short ("tué(?:e|s|es)?") while the scanner looks up plain phrases (cue-trie.ts).
// The language: "|" between alternatives, groups "(?:…)" or "(…)", "?" after a letter or a group. Nothing else.

type Parsed = { phrases: string[]; at: number };

/** Units that are not plain letters of a phrase: the language's own, and those it refuses. */
const SPECIAL = '|()?[]{}*+.\\';

function parseAlternatives(p: string, at: number): Parsed {
  const phrases: string[] = [];
  let i = at;
  for (;;) {
    const seq = parseSequence(p, i);
    phrases.push(...seq.phrases);
    i = seq.at;
    if (p[i] !== '|') return { phrases, at: i };
    i += 1;
  }
}

function parseSequence(p: string, at: number): Parsed {
  let phrases = [''];
  let i = at;
  while (i < p.length && p[i] !== '|' && p[i] !== ')') {
    let options: string[];
    if (p[i] === '(') {
      const inner = parseAlternatives(p, p.startsWith('(?:', i) ? i + 3 : i + 1);
      if (p[inner.at] !== ')') throw new Error(`cue pattern: unclosed group in "${p}"`);
      options = inner.phrases;
      i = inner.at + 1;
    } else {
      // A run of plain letters is one option (the last one alone when a "?" follows it): phrases grow
      // by words, not letter by letter, so the start-up that spells out every cue stays short.
      let j = i;
      while (j < p.length && !SPECIAL.includes(p[j]!) && p[j + 1] !== '?') j += 1;
      if (j === i) {
        if ('[]{}*+.\\'.includes(p[i]!)) throw new Error(`cue pattern: "${p[i]}" is not part of the cue language ("${p}")`);
        j = i + 1;
      }
      options = [p.slice(i, j)];
      i = j;
    }
    if (p[i] === '?') { options = [...options, '']; i += 1; }
    phrases = phrases.flatMap((head) => options.map((tail) => head + tail));
  }
  return { phrases, at: i };
}

/** Every phrase a cue pattern stands for ("frappes? aériennes?" -> four phrases). */
export function expandCue(pattern: string): string[] {
  const { phrases, at } = parseAlternatives(pattern, 0);
  if (at !== pattern.length) throw new Error(`cue pattern: unopened ")" in "${pattern}"`);
  return [...new Set(phrases)];
}
