// The event reader on sentences written for this test: main event type from the headline and lead,
// killed and injured tied to their words, places and actors from the matcher's matches in its sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEvents } from '../../src/core/events/read-events.js';
import { readCasualties } from '../../src/core/events/read-casualties.js';
import { foldForCues } from '../../src/core/events/fold-for-cues.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';

const casualties: Array<[string, number | null, number | null]> = [
  ['Four soldiers were killed and four others injured.', 4, 4],
  ['The strike killed 3 fighters and 2 civilians.', 5, null],
  ['Two fighters and one civilian were killed, and three civilians were wounded.', 3, 3],
  ['Seven people, including three Hezbollah members, were killed.', 7, null],
  ['A Hezbollah member was killed and three civilians were injured.', 1, 3],
  ['The shelling killed and wounded about 12 people.', null, null],
  ['Le bilan s\'élève à 25 morts et 51 blessés.', 25, 51],
  ['Une frappe a tué vingt-trois personnes.', 23, null],
  ['Un soldat a été tué.', 1, null],
  ['مقتل أربعة جنود وإصابة أربعة آخرين', 4, 4],
  ['لقي 4 أشخاص مصرعهم، وأصيب اثنان آخران بجروح', 4, 2],
  ['مقتل قيادي في تنظيم داعش', 1, null],
  ['The attack led to the death of one SDF fighter and the injury of another.', 1, 1],
  ['Un obus a tué un soldat et en a blessé un autre.', 1, 1],
  ['مقتل عنصر وإصابة آخر', 1, 1],
  ['Three were killed and others were wounded.', 3, null],
  ['The 90th brigade lost no one, 30 km away.', null, null],
  ['Three strikes hit the village on 12 March.', null, null],
  // French headlines in the present tense; feminine agreement.
  ['Un engin explosif tue deux soldats à Deraa', 2, null],
  ['Une frappe de drone blesse trois civils', null, 3],
  ['Cinq personnes sont décédées des suites de leurs blessures.', 5, null],
  // Arabic toll nouns with the article, as a toll update names them.
  ['ارتفع عدد القتلى إلى 12', 12, null],
  ['ارتفعت حصيلة الشهداء إلى 15', 15, null],
  ['ارتفع عدد الجرحى إلى 40 شخصا', null, 40],
  ['أودى الهجوم بحياة 9 أشخاص', 9, null],
  // Duals that count two people; "في" after a number is "in", a share only before "المئة".
  ['قتل شخصان في الغارة', 2, null],
  ['مقتل امرأتين في قصف مدفعي', 2, null],
  ['وقتل مدنيان في القصف', 2, null],
  ['مقتل مقاتلين من داعش في كمين', null, null],
  ['قتل 5 في المئة من سكان القرية', null, null],
  // "and" fused to an Arabic number word is a clause joint: the word after the number is its own.
  ['ثلاثة قتلى وخمسة جرحى', 3, 5],
  ['قتيلان وثلاثة جرحى', 2, 3],
  ['مقتل ثلاثة عناصر وخمسة مدنيين', 8, null],
  // An aside between commas or brackets does not part a count from its verb...
  ['Au moins 23 personnes, parmi lesquelles des femmes et des enfants, ont été tuées dans les frappes.', 23, null],
  ['Quinze combattants des Forces démocratiques syriennes (FDS), une alliance dominée par les Kurdes, ont été tués.', 15, null],
  // ...unless it holds a casualty word of its own.
  ['Police arrested 20 people from the town of Al Houla in the north, following the killing of an informer, and others were held following the killing of soldiers.', null, null],
  ['The bodies of 12 people were found in a mass grave near Raqqa.', 12, null],
  // Words that add victims of the same event ("ainsi que", "as well as", "إضافة إلى") sum; a part ("dont") does not.
  ['Trois soldats ont été tués, ainsi que deux civils.', 5, null],
  ['Three soldiers were killed, as well as two civilians.', 5, null],
  ['The strike killed two fighters along with three civilians.', 5, null],
  ['مقتل ثلاثة عناصر من قوات النظام، إضافة إلى مدنيين اثنين', 5, null],
  ['قتل خمسة عناصر من قسد، فضلا عن ثلاثة مدنيين', 8, null],
  ['The strike killed 5 people, including 3 children.', 5, null],
  ['La frappe a fait cinq morts, dont trois enfants, ainsi que dix blessés.', 5, 10],
  ['Five people were killed and 12 wounded, as well as two soldiers who were hurt.', 5, 14],
  // One casualty word, one count: the number nearest the word takes it; a farther one is not read for it.
  ['لقي ثلاثة مدنيين مصرعهم، فيما أصيب سبعة آخرون بجروح', 3, 7],
  ['قتل شخصان وأصيب 9 آخرون في انفجار سيارة مفخخة', 2, 9],
  ['لقي عنصران حتفهما وأصيب أربعة في الكمين', 2, 4],
  ['Three soldiers died, while nine others were hurt in the blast.', 3, 9],
  ['Deux civils sont morts, tandis que six autres ont été blessés.', 2, 6],
  // A number after a preposition counts places, attacks or attackers, not victims.
  ['Douze militaires ont été tués dans deux attentats.', 12, null],
  ['Eight people were killed in three separate strikes.', 8, null],
  ['Four policemen were wounded by two gunmen.', null, 4],
  ['قتل 6 أشخاص في 3 غارات على ريف إدلب', 6, null],
  // Died of wounds is a death, not an injury.
  ['Deux civils ont succombé à leurs blessures.', 2, null],
  ['Two more people died of their wounds in hospital.', 2, null],
  ['توفي ثلاثة أشخاص متأثرين بجراحهم', 3, null],
  ['A fourth man succumbed to his injuries on Sunday.', null, null],
  // A four-digit count of people is not a year; a year still is.
  ['More than 2000 people were killed by the strikes.', 2000, null],
  ['Plus de 1950 civils ont été tués.', 1950, null],
  ['In 2014, four soldiers were killed.', 4, null],
  // Each side's dead of one battle ("مقابل": against) are summed.
  ['أسفرت المعارك عن مقتل 12 عنصرا من الجيش مقابل 20 قتيلا من المسلحين', 32, null],
  // Hospitals are not people.
  ['نقل الجرحى إلى 3 مستشفيات', null, null],
  ['Les blessés ont été évacués vers 3 hôpitaux.', null, null],
];

for (const [sentence, killed, injured] of casualties) {
  test(`casualties: "${sentence}" -> killed ${killed}, injured ${injured}`, () => {
    assert.deepEqual(readCasualties(foldForCues(sentence)), { killed, injured });
  });
}

const { matcher } = await shippedCatalog();
const read = (title: string, text: string, lang: string) => {
  const doc = { title, text, lang };
  return readEvents(doc, matchDocument(matcher, doc));
};

/** [lang, headline, lead, main event type]: type words of French, Arabic and English news, traps last. */
const types: Array<[string, string, string, string]> = [
  ['fr', 'Syrie: des bombardiers russes visent Idleb', 'Des bombardiers russes ont visé la région d\'Idleb mardi.', 'air_strike'],
  ['fr', 'Les forces du régime pilonnent Idleb', 'Les forces du régime pilonnent depuis l\'aube les environs d\'Idleb.', 'shelling_missile'],
  ['fr', 'Fusillade à Deraa', 'Une fusillade a éclaté dans le centre de Deraa entre des hommes du régime et des habitants.', 'armed_clash'],
  ['fr', 'Soueïda: Druzes et Bédouins se sont affrontés', 'Des miliciens druzes et des tribus bédouines se sont affrontés à Soueïda.', 'armed_clash'],
  ['fr', 'Bataille pour Deir ez-Zor', 'La bataille pour le contrôle de Deir ez-Zor se poursuit.', 'armed_clash'],
  ['fr', 'Irak: des engins explosifs visent des convois', 'Des engins explosifs ont visé des convois logistiques près de Bagdad.', 'explosion_ied'],
  ['fr', 'Une bombe explose à Azaz', 'Une bombe a explosé près d\'un poste de police à Azaz.', 'explosion_ied'],
  ['fr', 'Deux travailleurs humanitaires kidnappés à Idleb', 'Deux travailleurs humanitaires ont été kidnappés à Idleb par des hommes non identifiés.', 'attack_civilians'],
  ['fr', 'Une militante arrêtée à Damas', 'Une militante a été arrêtée à Damas par les services de renseignement.', 'arrest'],
  ['fr', 'Rafle à Deraa', 'Les services de sécurité ont mené une rafle dans la ville de Deraa.', 'arrest'],
  ['fr', 'Trois suspects placés en garde à vue à Erbil', 'Trois suspects ont été placés en garde à vue à Erbil.', 'arrest'],
  ['ar', 'اقتتال بين فصائل في عفرين', 'اندلع اقتتال بين فصائل مسلحة في عفرين.', 'armed_clash'],
  ['ar', 'قتال عنيف في ريف حلب', 'يدور قتال عنيف بين قوات سوريا الديمقراطية وفصائل مسلحة في ريف حلب.', 'armed_clash'],
  ['ar', 'انفجرت دراجة في الباب', 'انفجرت دراجة نارية في مدينة الباب.', 'explosion_ied'],
  ['ar', 'قنبلة في سوق منبج', 'انفجرت قنبلة في سوق منبج.', 'explosion_ied'],
  ['ar', 'حملة اعتقالات في دير الزور', 'نفذت قوات الأمن حملة اعتقالات واسعة في دير الزور.', 'arrest'],
  ['ar', 'احتجزت قوات الأمن ثلاثة أشخاص في حمص', 'احتجزت قوات الأمن ثلاثة أشخاص في حمص.', 'arrest'],
  ['ar', 'اختطف مسلحون طبيبا في درعا', 'اختطف مسلحون مجهولون طبيبا في درعا.', 'attack_civilians'],
  ['ar', 'سلاح الجو الإسرائيلي يقصف دمشق', 'قصف سلاح الجو الإسرائيلي مواقع في دمشق.', 'air_strike'],
  ['ar', 'رشقة صاروخية من لبنان', 'أطلق حزب الله رشقة صاروخية من جنوب لبنان.', 'shelling_missile'],
  ['en', 'Bomb explodes in Azaz', 'A bomb exploded near a police station in Azaz.', 'explosion_ied'],
  ['en', 'Booby-trapped car in Manbij', 'A booby-trapped car detonated in Manbij.', 'explosion_ied'],
  ['en', 'Israeli Air Force hits Damascus', 'The Israeli Air Force hit targets near Damascus.', 'air_strike'],
  ['ar', 'الفصائل تكثف قصفها على ريف حلب', 'كثفت الفصائل قصفها المدفعي على مواقع القوات الحكومية في ريف حلب الغربي.', 'shelling_missile'],
  ['ar', 'الجيش يواصل قصفه لقرى ريف إدلب', 'واصل الجيش قصفه على قرى ريف إدلب الجنوبي بالمدفعية الثقيلة.', 'shelling_missile'],
  ['en', 'Air Force Intelligence arrests ten in Homs', 'The Air Force Intelligence branch arrested ten young men in Homs.', 'arrest'],
  ['fr', 'Les renseignements de l\'armée de l\'air arrêtent dix jeunes à Homs', 'Les renseignements de l\'armée de l\'air ont arrêté dix jeunes hommes à Homs.', 'arrest'],
  ['fr', 'L\'armée de l\'air israélienne frappe Damas', 'L\'armée de l\'air israélienne a visé des positions près de Damas.', 'air_strike'],
  // The lead's main clause, not the cause it follows or answers, types the event.
  ['fr', 'Israël riposte au Liban', 'Après des tirs de roquettes depuis le Liban, l\'armée israélienne a riposté par des frappes aériennes sur Nabatieh.', 'air_strike'],
  ['en', 'Israel strikes south Lebanon', 'Israeli jets struck Nabatieh in retaliation for rocket fire from Lebanon.', 'air_strike'],
  ['en', 'Army shells villages after bombing', 'The army shelled villages near Idlib after a car bomb exploded at a checkpoint.', 'shelling_missile'],
  ['ar', 'غارات إسرائيلية على النبطية', 'شنت طائرات حربية إسرائيلية غارات على النبطية ردا على إطلاق صواريخ من جنوب لبنان.', 'air_strike'],
  // A cause clause alone still types the event (its main clause names none).
  ['fr', 'Tensions à Beyrouth', 'La tension est montée à Beyrouth après une frappe de drone sur la banlieue sud.', 'air_strike'],
  ['ar', 'قصف مدفعي إسرائيلي على الخيام', 'استهدف قصف مدفعي إسرائيلي أطراف بلدة الخيام في جنوب لبنان.', 'shelling_missile'],
];

for (const [lang, title, text, type] of types) {
  test(`type: "${title}" -> ${type}`, () => {
    assert.equal(read(title, text, lang)[0]!.type, type);
  });
}

test('a drone strike in the headline is the main event, with its toll, place and summary', () => {
  const [main] = read('Drone strike kills six in Boukamal', 'A drone strike killed six fighters near Boukamal in Deir ez-Zor province on Monday.', 'en');
  assert.equal(main!.type, 'air_strike');
  assert.equal(main!.killed, 6);
  assert.equal(main!.injured, null);
  assert.ok(main!.where.includes('sy-town-abu-kamal'));
  assert.equal(main!.summary, 'Drone strike · 6 killed · Abu Kamal (Deir ez-Zor)');
  assert.equal(main!.evidence[0]!.field, 'title');
});

test('French clashes with the toll in the lead', () => {
  const [main] = read('Affrontements à Deir ez-Zor', 'De violents affrontements ont fait au moins douze morts et vingt blessés à Deir ez-Zor, selon l\'OSDH.', 'fr');
  assert.equal(main!.type, 'armed_clash');
  assert.equal(main!.killed, 12);
  assert.equal(main!.injured, 20);
});

test('Arabic air raid with Eastern Arabic digits', () => {
  const [main] = read('غارة على دير الزور', 'أسفرت غارة جوية على مدينة دير الزور عن مقتل ٧ أشخاص وإصابة ١٢ آخرين.', 'ar');
  assert.equal(main!.type, 'air_strike');
  assert.equal(main!.killed, 7);
  assert.equal(main!.injured, 12);
});

test('a campaign total told as background is not the toll', () => {
  const [main] = read('Israeli strike hits Nabatieh', 'An Israeli strike hit a house in Nabatieh on Monday. No casualties were reported.\n'
    + 'Since October, more than 400 people have been killed in Lebanon, according to an AFP tally.', 'en');
  assert.equal(main!.type, 'air_strike');
  assert.equal(main!.killed, null);
});

test('a full date in the lead dates the report, not history: its toll counts', () => {
  for (const [title, text, lang] of [
    ['Frappe israélienne près de Damas', 'Le 3 décembre 2024, une frappe israélienne a tué cinq personnes près de Damas, selon l\'OSDH.', 'fr'],
    ['Strike near Damascus', 'On December 3, 2024, an airstrike killed five people near Damascus.', 'en'],
    ['غارة على إدلب', 'في يوم الأحد 12 تشرين الأول 2025، قتل خمسة مدنيين بغارة جوية على إدلب.', 'ar'],
  ] as const) assert.equal(read(title, text, lang)[0]!.killed, 5, title);
});

test('a year alone dates a sentence to history: its toll is not the main event\'s', () => {
  const [main] = read('Israeli strike hits Damascus', 'An Israeli strike hit a building in Damascus on Monday.\n'
    + 'In August 2014, a strike on the same district killed 40 people.', 'en');
  assert.equal(main!.type, 'air_strike');
  assert.equal(main!.killed, null);
});

test('an updated toll replaces the one told before it (EVAL.md: the latest toll)', () => {
  for (const [title, text, lang, killed] of [
    ['Airstrike on Idlib', 'An airstrike killed eight people in Idlib on Sunday. The death toll later rose to 12, rescuers said.', 'en', 12],
    ['Attentat à Bagdad', 'Un attentat suicide a frappé un marché de Bagdad jeudi, faisant 12 morts selon un premier bilan. '
      + 'Selon un nouveau bilan, 18 personnes ont été tuées.', 'fr', 18],
    ['Frappe sur Idleb : 5 morts', 'Une frappe aérienne a touché un marché d\'Idleb. Le bilan s\'est alourdi à 9 morts lundi.', 'fr', 9],
    ['غارة على إدلب', 'قتل 8 أشخاص بغارة على إدلب. وارتفعت حصيلة القتلى لاحقا إلى 12 شخصا.', 'ar', 12],
  ] as const) assert.equal(read(title, text, lang)[0]!.killed, killed, title);
});

test('a toll told as superseded, or a war\'s total that rose, does not replace the event\'s toll', () => {
  assert.equal(read('Frappe sur Idleb', 'Une frappe aérienne a visé Idleb dimanche. Le bilan est de 11 morts. '
    + 'Un précédent bilan faisait état de 7 morts.', 'fr')[0]!.killed, 11);
  assert.equal(read('Airstrike on Idlib', 'An airstrike killed eight people in Idlib. '
    + 'The toll of the war has risen to more than 500,000 since 2011.', 'en')[0]!.killed, 8);
});

test('the lead\'s fuller count replaces the headline\'s part of it', () => {
  for (const [title, text, lang, killed] of [
    ['Syrie : cinq soldats tués dans une embuscade', 'Une embuscade contre un convoi a tué huit personnes, cinq soldats et trois civils, près de Deraa mardi.', 'fr', 8],
    ['Three soldiers killed in Idlib clashes', 'Clashes near Idlib killed seven people on Monday, three soldiers and four fighters.', 'en', 7],
    ['مقتل ثلاثة جنود في كمين بدرعا', 'أسفر كمين في ريف درعا عن مقتل ستة أشخاص بينهم ثلاثة جنود.', 'ar', 6],
    // A smaller count after the headline's is a part of it, not a replacement.
    ['Airstrike kills 12 in Idlib', 'An airstrike on a market in Idlib killed 12 people, the rescuers said. Four children were killed.', 'en', 12],
  ] as const) assert.equal(read(title, text, lang)[0]!.killed, killed, title);
});

test('a lead that says no one was hurt keeps the event\'s counts empty, whatever a later paragraph tells', () => {
  for (const [title, text, lang] of [
    ['Rocket hits Kirkuk base', 'A rocket hit a base near Kirkuk on Sunday. No casualties were reported. '
      + 'In Sinjar, clashes between the army and a local militia killed two soldiers and wounded three.', 'en'],
    ['Tir de roquette sur une base à Kirkouk', 'Une roquette a touché une base près de Kirkouk dimanche, sans faire de victimes. '
      + 'À Sinjar, des combats ont tué deux soldats et blessé trois autres.', 'fr'],
    ['صاروخ يستهدف قاعدة في كركوك', 'سقط صاروخ على قاعدة قرب كركوك الأحد. ولم يسفر الهجوم عن وقوع أي إصابات. '
      + 'وفي سنجار قتل جنديان وأصيب ثلاثة في اشتباكات مع فصيل محلي.', 'ar'],
  ] as const) {
    const [main] = read(title, text, lang);
    assert.equal(main!.killed, null, title);
    assert.equal(main!.injured, null, title);
  }
});

test('short fragments (captions, datelines) do not use up the reach of a toll', () => {
  const filler = ['(AP Photo)', 'Aug.', '17, 2024.', 'BEIRUT (AP).', '8.', 'Share', 'Print'].join('\n');
  const [main] = read('Israeli strike kills 5 in south Lebanon', `${filler}\nAn Israeli strike on Nabatieh killed five people on Saturday. `
    + 'The strike hit a house at dawn, the ministry said. Rescuers searched the rubble for hours. '
    + 'Nine other people were wounded, the ministry said.', 'en');
  assert.equal(main!.killed, 5);
  assert.equal(main!.injured, 9);
});

test('a football report from Aleppo is no security event, though its "matches" read like clashes', () => {
  const [main] = read('أهلي حلب يفوز في الدوري', 'انتصر أهلي حلب في مباراة الدوري السوري لكرة القدم، بعد مواجهات قوية في ملعب حلب.', 'ar');
  assert.equal(main!.type, 'none');
});

test('an off-topic page with no place or actor gives no event', () => {
  assert.deepEqual(read('A recipe for lentil soup', 'Cook two cups of lentils with three onions for 20 minutes.', 'en'), []);
});

test('a text with a Turkish dotted İ ("İdlib") is read like any other, not thrown on', () => {
  const [main] = read('Two killed in an airstrike on Aleppo', 'Two people were killed in an airstrike on Aleppo. İdlib was calm.', 'en');
  assert.equal(main!.type, 'air_strike');
  assert.equal(main!.killed, 2);
  const [fr] = read('İDLİB : une frappe aérienne fait trois morts', 'Une frappe aérienne a tué trois civils à İdlib.', 'fr');
  assert.equal(fr!.type, 'air_strike');
  assert.equal(fr!.killed, 3);
});
