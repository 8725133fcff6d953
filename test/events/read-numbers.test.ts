// Number reading in French, English and Arabic: digits, Eastern Arabic digits, number words with their
// compounds, ranges (upper bound), and the traps that are not counts of people (EVAL.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumbers } from '../../src/core/events/read-numbers.js';

/** [phrase, the counting numbers read (trapped ones left out), the traps seen]. */
const cases: Array<[string, number[], string[]]> = [
  ['at least 12 people were killed', [12], []],
  ['twenty-three dead', [23], []],
  ['one hundred and five wounded', [105], []],
  ['1,200 killed', [1200], []],
  ['vingt-trois morts', [23], []],
  ['vingt et un morts', [21], []],
  ['quatre-vingt-dix-neuf blessés', [99], []],
  ['soixante-dix tués', [70], []],
  ['une cinquantaine de morts', [50], []],
  ['des dizaines de morts', [], []],
  ['au moins 1 000 morts', [1000], []],
  ['ثلاثة وعشرين قتيلا', [23], []],
  ['مقتل ٢٥ شخصا', [25], []],
  ['أحد عشر جريحا', [11], []],
  ['مقتل عنصرين', [2], []],
  ['ما لا يقل عن خمسة قتلى', [5], []],
  ['ثلاثة آلاف', [3000], []],
  ['between 10 and 12 killed', [12], []],
  ['10 to 12 dead', [12], []],
  ['entre 10 et 12 morts', [12], []],
  ['بين 10 و12 قتيلا', [12], []],
  ['on 12 March', [], ['date']],
  ['le 12 mars 2024', [], ['date', 'year']],
  ['في 5 آذار', [], ['date']],
  ['since 2011', [], ['year']],
  ['la 90e brigade', [], ['ordinal']],
  ['brigade 45', [], ['unit']],
  ['اللواء 90', [], ['unit']],
  ['a 15-year-old boy', [], ['age']],
  ['âgé de 34 ans', [], ['age']],
  ['aged 45', [], ['age']],
  ['30 km south of Beirut', [], ['distance']],
  ['killed in two towns', [], ['object']],
  ['tués dans trois attentats', [], ['object']],
  ['wounded by three gunmen', [], ['object']],
  ['قتلوا في 3 مدن', [], ['object']],
  ['2000 people', [2000], []],
  ['1995 قتيلا', [1995], []],
  ['in 2019 the', [], ['year']],
  ['à une trentaine de kilomètres', [], ['distance']],
  ['على بعد 30 كم', [], ['distance']],
  ['$5 million in aid', [], ['money']],
  ['5 millions de dollars', [], ['money']],
  ['at 2:20 am', [], ['time', 'time']],
  ['à 22H00', [], ['time', 'time']],
  ['three strikes', [], ['thing']],
  ['six raids', [], ['thing']],
  ['12 غارة', [], ['thing']],
  ['50 per cent', [], ['share']],
  ['50 pour cent', [], ['share']],
  ['5 في المئة', [], ['share']],
  ['قتل شخصان في الغارة', [2], []],
  ['مقتل امرأتين', [2], []],
  ['مقتل مقاتلين من داعش', [], []],
  ['3.5 tonnes', [], ['decimal', 'decimal']],
];

for (const [phrase, values, traps] of cases) {
  test(`reads "${phrase}" as ${values.length ? values.join(', ') : 'no count'}${traps.length ? ` (${traps.join(', ')})` : ''}`, () => {
    const spans = readNumbers(phrase);
    assert.deepEqual(spans.filter((s) => !s.trap).map((s) => s.value), values);
    assert.deepEqual(spans.filter((s) => s.trap).map((s) => s.trap), traps);
  });
}

test('offsets point at the number as written', () => {
  const text = 'Hier, vingt-trois morts.';
  const [span] = readNumbers(text);
  assert.equal(text.slice(span!.start, span!.end), 'vingt-trois');
});
