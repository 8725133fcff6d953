// Words that mark a sentence's toll as not the main event's: a war's or campaign's running total, an
// earlier event told as background, or another event told after the main one ("Separately, ...").
// Patterns on the folded sentence (fold-for-cues.ts); read-events.ts skips such a sentence for tolls.

const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTHS_FR = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre';
const MONTHS_AR = 'يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين';

/** Running totals and earlier events, anywhere in the sentence. */
const BACKGROUND = new RegExp([
  'depuis le début', 'since the (?:start|beginning)', 'au total', 'in total', 'overall', 'décompte', 'tally', 'cumulative',
  'mois de violences', 'months of', 'منذ بدء', 'منذ بدايه', 'منذ اندلاع', 'حصيله اجماليه', 'avait (?:fait|tué|provoqué)',
  'had (?:killed|left)', 'au lendemain', 'la veille', 'previous day', 'earlier this', 'last (?:week|month|year)',
  'la semaine dernière', 'le mois dernier', 'الاسبوع الماضي', 'الشهر الماضي', 'campaign against', 'terror campaign',
  'years of (?:war|conflict)', 'ans de guerre', 'guerre civile', 'civil war', 'في وقت سابق', 'earlier,', 'précédemment', 'previously',
  // A toll counted since a month ("since late September", "depuis début octobre", "منذ مطلع تشرين").
  `since (?:(?:late|early|mid) ?-?)?(?:${MONTHS_EN})`, `depuis (?:(?:la )?(?:fin|début|mi) ?-?)?(?:${MONTHS_FR})`,
  `منذ (?:(?:مطلع|بدايه|اواخر|اوائل|منتصف) )?(?:شهر )?(?:${MONTHS_AR})`,
  // An earlier strike or attack named as such.
  '(?:prior|previous|earlier) (?:strikes?|attacks?|raids?|bombings?|incidents?|clash(?:es)?)',
  '(?:frappes?|attaques?|raids?|attentats?|bombardements?) précédente?s?', "lors d'une précédente", 'une précédente',
  '(?:الغاره|الغارات|الضربه|الهجوم|القصف|الاستهداف) السابق(?:ه)?',
  // An event that came before the one told ("preceded by a shelling that killed a child").
  'preceded by', 'précédée? (?:par|de)', 'سبقها', 'سبقه', 'سبقتها',
  // A toll told as superseded ("un précédent bilan faisait état de 7 morts").
  'précédent bilan', '(?:previous|earlier) (?:death )?toll', 'الحصيله السابقه', 'حصيله سابقه',
].join('|'), 'i');

/**
 * Sentence openings that date a sentence to another time ("Début septembre, ...", "In early March")
 * or move to another event ("Separately, ...", "Par ailleurs, ...", "وفي سياق منفصل").
 */
const OPENING = new RegExp(`^(?:[«"“'‘(]\\s*)?(?:${[
  `(?:début|fin|mi|courant) ?-?(?:${MONTHS_FR})`, `(?:in )?(?:early|late|mid) ?-?(?:${MONTHS_EN})`,
  `(?:مطلع|بدايه|اواخر|اوائل|منتصف) (?:شهر )?(?:${MONTHS_AR})`,
  'also,', 'separately', 'meanwhile', 'elsewhere', 'in (?:a|another) separate', 'in another (?:incident|attack|strike)',
  'par ailleurs', 'ailleurs,', 'dans un autre', 'dans une autre', 'de son côté', 'côté ',
  'وفي سياق (?:منفصل|اخر)', 'في سياق (?:منفصل|اخر)', 'وفي حادث (?:منفصل|اخر)', 'في حادث (?:منفصل|اخر)', 'وفي حادثه (?:منفصله|اخري)',
  'من جهه اخري', 'ومن جهه اخري', 'الي ذلك', 'والي ذلك',
].join('|')})`, 'i');

/** Whether a sentence (not the headline) tells a running total, an earlier event or another event. */
export const isBackground = (folded: string): boolean => BACKGROUND.test(folded) || OPENING.test(folded);
