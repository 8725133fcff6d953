// Arabic words that news writes more than one way and that the matcher's folding does not unify
// (ميليشيا / مليشيا, أمريكي / أميركي, ديمقراطي / ديموقراطي). Language data: each group lists the
// spellings of one word without the article; arabicVariants swaps one for another.

export const ARABIC_SPELLINGS: readonly (readonly string[])[] = [
  ['ميليشيا', 'مليشيا', 'ميلشيا'],
  ['ميليشيات', 'مليشيات', 'ميلشيات'],
  ['أمريكي', 'أميركي'], ['أمريكية', 'أميركية'], ['أمريكا', 'أميركا'], ['أمريكيين', 'أميركيين'],
  ['ديمقراطي', 'ديموقراطي'], ['ديمقراطية', 'ديموقراطية'],
  ['بريطاني', 'بريطانى'],
  ['إرهابي', 'ارهابي'],
  ['كردي', 'كوردي'], ['كردية', 'كوردية'], ['الكرد', 'الكورد'],
  ['فلسطيني', 'فلسطينى'],
];

/** Other spellings of one word (article kept as written), or none. */
export function otherSpellings(word: string): string[] {
  const article = word.startsWith('ال') && word.length >= 5 ? 'ال' : '';
  const bare = word.slice(article.length);
  const group = ARABIC_SPELLINGS.find((g) => g.includes(bare) || g.includes(word));
  if (!group) return [];
  const base = group.includes(bare) ? bare : word;
  const prefix = group.includes(bare) ? article : '';
  return group.filter((w) => w !== base).map((w) => prefix + w);
}
