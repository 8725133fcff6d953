// Words that say a sentence gives a newer toll than one told before it ("the death toll rose to 12",
// "le bilan s'est alourdi à 12 morts", "ارتفعت حصيلة القتلى إلى 12"). EVAL.md counts the latest toll
// when it is updated; read-events.ts lets such a sentence replace the toll read earlier. Patterns on
// the folded sentence (fold-for-cues.ts).

const UPDATE = new RegExp([
  'rose to', 'risen to', 'rising to', 'rises to', 'climbed to', 'climbing to', 'increased to', 'jumped to',
  'new (?:death )?toll', 'updated (?:death )?toll', 'latest (?:death )?toll', 'revised (?:death )?toll', 'toll (?:now )?stands at',
  'alourdi', "s'alourdit", 'nouveau bilan', 'dernier bilan', 'bilan actualisé', 'bilan révisé', 'bilan (?:est |a )?(?:passé|grimpé|monté)',
  'ارتفع', 'ارتفعت', 'ارتفاع', 'حصيله جديده', 'الحصيله الجديده', 'حصيله محدثه', 'اخر حصيله', 'الحصيله الاخيره',
].join('|'));

/** Whether a sentence tells an updated toll (it then replaces the toll read before it). */
export const isTollUpdate = (folded: string): boolean => UPDATE.test(folded);
