// Sentences whose toll is not the main event's: running totals, earlier events and other events, in
// French, English and Arabic, and sentences that look alike but report the event itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBackground } from '../../src/core/events/background-cues.js';
import { foldForCues } from '../../src/core/events/fold-for-cues.js';

const rows: Array<[string, boolean]> = [
  ['More than 3,000 people have been killed in Lebanon, most of them since late September.', true],
  ['Plus de 200 personnes ont été tuées depuis début octobre.', true],
  ['قتل أكثر من 500 شخص منذ مطلع تشرين الأول.', true],
  ['A prior strike resulted in the death of a group member.', true],
  ['Lors d\'une précédente frappe, deux combattants avaient été tués.', true],
  ['وكانت الغارة السابقة قد أسفرت عن مقتل شخصين.', true],
  ['Début septembre, l\'armée avait accusé Israël de frappes ayant fait deux morts.', true],
  ['In early March, a similar attack killed four soldiers.', true],
  ['Also, a missile strike at a shrine killed at least 15 women and wounded about 50.', true],
  ['Separately, two soldiers were killed in Deir ez-Zor.', true],
  ['Par ailleurs, un autre kamikaze a tué cinq soldats.', true],
  ['Côté israélien, au moins 15 soldats et 11 civils ont été tués.', true],
  ['وفي سياق منفصل، قتل ثلاثة عناصر في درعا.', true],
  ['Since October, more than 400 people have been killed in Lebanon.', true],
  ['وجاء القصف بعد غارة روسية، سبقها بساعات مقتل طفل بقصف مدفعي.', true],
  ['The shelling was preceded by a strike that killed a child.', true],
  // The event itself: a date, an "also" inside the sentence, a month that does not open it.
  ['Israeli strikes on Tuesday also killed five people near Baalbek.', false],
  ['Five people were killed on 3 March in a drone strike.', false],
  ['Une frappe a tué trois personnes mardi à Nabatiyé.', false],
  ['قتل ثلاثة أشخاص في غارة على دير الزور.', false],
  ['The strike came from a plane, the army said.', false],
];

for (const [sentence, background] of rows) {
  test(`${background ? 'background' : 'the event'}: "${sentence}"`, () => {
    assert.equal(isBackground(foldForCues(sentence)), background);
  });
}
