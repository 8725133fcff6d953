// Words that say a sentence gives a newer toll than one told before it ("the death toll rose to 12",
// "le bilan s'est alourdi à 12 morts", "ارتفعت حصيلة القتلى إلى 12"). EVAL.md counts the latest toll
// when it is updated; read-events.ts lets such a sentence replace the toll read earlier. Patterns on
// the sentence as written (any case, ة or ه), so a sentence is folded only when it says so.

const UPDATE = new RegExp([
  'rose to', 'risen to', 'rising to', 'rises to', 'climbed to', 'climbing to', 'increased to', 'jumped to',
  'new (?:death )?toll', 'updated (?:death )?toll', 'latest (?:death )?toll', 'revised (?:death )?toll', 'toll (?:now )?stands at',
  'alourdi', "s'alourdit", 'nouveau bilan', 'dernier bilan', 'bilan actualisé', 'bilan révisé', 'bilan (?:est |a )?(?:passé|grimpé|monté)',
  'ارتفع', 'ارتفعت', 'ارتفاع', 'حصيل[هة] جديد[هة]', 'الحصيل[هة] الجديد[هة]', 'حصيل[هة] محدث[هة]', '[اأآ]خر حصيل[هة]', 'الحصيل[هة] الأخير[هة]', 'الحصيل[هة] الاخير[هة]',
].join('|'), 'i');

/** Whether a sentence (as written) tells an updated toll (it then replaces the toll read before it). */
export const isTollUpdate = (sentence: string): boolean => UPDATE.test(sentence);
