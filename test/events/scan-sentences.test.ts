// The one-pass cue scan: sentences cut by the matcher's rule, type and casualty cues found whole-word in
// French, English and Arabic (Arabic with its prefixes), the longest phrase winning, and the cue
// patterns spelled out into plain phrases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLAIN_FROM, scanSentences } from '../../src/core/events/scan-sentences.js';
import { expandCue } from '../../src/core/events/expand-cue.js';
import { DROPPED, foldForCues, foldUnit, UNFOLDABLE } from '../../src/core/events/fold-for-cues.js';
import { isCueLetter } from '../../src/core/events/cue-trie.js';

const cuesOf = (raw: string): string[] => {
  const text = foldForCues(raw);
  return scanSentences(text)!.flatMap((s) => [
  ...s.types.map((c) => ({ at: c.start, what: `${c.type}:${text.slice(c.start, c.end).toLowerCase()}` })),
  ...s.casualties.map((c) => ({ at: c.start, what: `${c.kind}:${text.slice(c.start, c.end).toLowerCase()}` })),
  ]).sort((a, b) => a.at - b.at).map((c) => c.what);
};

/** [text, the cues found in order (type or casualty kind : words)]. */
const phrases: Array<[string, string[]]> = [
  ['A drone strike killed six.', ['air_strike:drone strike', 'killed:killed']],
  ['An airstrike and an air strike.', ['air_strike:airstrike', 'air_strike:air strike']],
  ['Tirs d’artillerie sur Idleb', ['shelling_missile:tirs d’artillerie']],
  ["tirs d'artillerie", ['shelling_missile:tirs d\'artillerie']],
  ['Des tirs ont visé le poste.', ['armed_clash:tirs']],
  ['Un missile sol-sol.', ['air_strike:missile', 'shelling_missile:sol-sol']],
  // Each cue list reads the text on its own: "dead" is a casualty word inside the type phrase "shot dead".
  ['They were shot dead.', ['armed_clash:shot dead', 'killed:dead']],
  ['Trois hommes armés ont tué deux civils.', ['armed_clash:hommes armés', 'killed:tué']],
  ['Des maisons perquisitionnées, des détenus rapatriés.', ['other:perquisitionnées', 'other:détenus', 'other:rapatriés']],
  ['Ils ont perquisitionné deux maisons.', ['other:perquisitionné']],
  ['قصف جوي على القرية', ['air_strike:قصف جوي']],
  ['قصف على القرية', ['shelling_missile:قصف']],
  ['والغارات الإسرائيلية أدت إلى مقتل', ['air_strike:والغارات', 'killed:مقتل']],
  ['وبمقتل أربعة', ['killed:وبمقتل']],
  ['أُصيب جنديان', ['injured:اصيب']],
  // Sport words are cues for no event; "Arab League" and "president-elect" are not sport.
  ['Le championnat de football reprend.', ['none:championnat', 'none:football']],
  ['مباراة في الدوري لكرة القدم', ['none:مباراه', 'none:الدوري', 'none:لكره القدم']],
  ['The Arab League met in Cairo.', []],
  // Whole words only: no cue inside a longer word.
  ['Diehard fans and a strikers club.', []],
  ['Undead killedx', []],
];

for (const [text, expected] of phrases) {
  test(`cues in "${text}": ${expected.join(', ') || 'none'}`, () => {
    assert.deepEqual(cuesOf(text), expected);
  });
}

test('sentences end at a full stop before white space, at ! ? ؟ and at a line break, trimmed', () => {
  const text = 'One 3.5 strike.  Two?\nThree! أربعة؟ five';
  const spans = scanSentences(text)!.map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, ['One 3.5 strike.', 'Two?', 'Three!', 'أربعة؟', 'five']);
});

test('the scan stops after the sentences asked for, and gives each cue to its sentence', () => {
  const text = 'Clashes in Idlib. Two killed. An airstrike hit. Rockets fell.';
  const got = scanSentences(foldForCues(text), 3)!;
  assert.equal(got.length, 3);
  assert.deepEqual(got.map((s) => s.types.map((c) => c.type)), [['armed_clash'], [], ['air_strike']]);
  assert.deepEqual(got.map((s) => s.casualties.map((c) => c.kind)), [[], ['killed'], []]);
});

const patterns: Array<[string, string[]]> = [
  ['frappes? aériennes?', ['frappes aériennes', 'frappes aérienne', 'frappe aériennes', 'frappe aérienne']],
  ['tué(?:e|s|es)?', ['tuée', 'tués', 'tuées', 'tué']],
  ['lost (?:their |his )?lives?', ['lost their lives', 'lost their live', 'lost his lives', 'lost his live', 'lost lives', 'lost live']],
  ['a|b(c)?', ['a', 'bc', 'b']],
  ['tués?|abc?d', ['tués', 'tué', 'abcd', 'abd']],
  ['sol-sol|(?:air )?raids?', ['sol-sol', 'air raids', 'air raid', 'raids', 'raid']],
];
for (const [pattern, expected] of patterns) {
  test(`cue pattern "${pattern}" spells ${expected.length} phrases`, () => {
    assert.deepEqual(expandCue(pattern).sort(), [...expected].sort());
  });
}

test('a cue pattern outside the cue language is refused (it would silently never match)', () => {
  assert.throws(() => expandCue('rapatri\\w*'), /not part of the cue language/);
  assert.throws(() => expandCue('(a|b'), /unclosed group/);
});

test('the scan folds as it reads: capitals, hamza seats and vowel marks, at the text\'s own offsets', () => {
  const text = 'AIRSTRIKE on Idlib. إصابة ثلاثة. وَأُصيبَ اثنان.';
  const got = scanSentences(text)!;
  assert.deepEqual(got.map((s) => s.types.map((c) => text.slice(c.start, c.end))), [['AIRSTRIKE'], [], []]);
  assert.deepEqual(got.map((s) => s.casualties.map((c) => text.slice(c.start, c.end))), [[], ['إصابة'], ['وَأُصيب']]);
});

test('a unit that cannot be folded in place (İ lowers to two units) asks the caller to fold first', () => {
  assert.equal(scanSentences('İdlib: two killed.'), null);
});

test('every unit past PLAIN_FROM is read by its break kind alone: no cue letter, no vowel mark, none lowers to two units', () => {
  const odd: string[] = [];
  for (let c = PLAIN_FROM; c < 0x10000; c += 1) {
    const f = foldUnit(c);
    if (f === DROPPED || f === UNFOLDABLE || isCueLetter(c)) odd.push(c.toString(16));
  }
  assert.deepEqual(odd, []);
});
