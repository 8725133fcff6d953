// The aggregation key of a candidate name: spelling variants of one group ("Régiment de Hajj Qassem
// Soleimani", "Hajj Qasem Soleimani Regiment", "فوج الحاج قاسم سليماني") fold to as few keys as we can
// without a transliterator. Pure: no catalog, no I/O.

/** Formation words in any language, folded to one head, so the head's language and place do not split a key. */
const HEADS: ReadonlyMap<string, string> = new Map([
  ['regiment', 'regiment'], ['فوج', 'regiment'],
  ['brigade', 'brigade'], ['brigades', 'brigade'], ['liwa', 'brigade'], ['liwaa', 'brigade'], ['لواء', 'brigade'], ['الوية', 'brigade'],
  ['kataib', 'battalion'], ['katibat', 'battalion'], ['katiba', 'battalion'], ['battalion', 'battalion'], ['battalions', 'battalion'],
  ['bataillon', 'battalion'], ['bataillons', 'battalion'], ['كتائب', 'battalion'], ['كتيبه', 'battalion'],
  ['saraya', 'companies'], ['سرايا', 'companies'], ['firqa', 'division'], ['firqat', 'division'], ['division', 'division'], ['فرقه', 'division'],
]);

/** Articles and connectors that spellings add or drop ("de", "al-", "the", "ال"). */
const DROP: ReadonlySet<string> = new Set(['the', 'of', 'le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'al', 'el', 'ul', 'an', 'ar', 'as', 'ad', 'at', 'az', 'ash']);

/** Arabic letters written several ways (hamza seats, taa marbuta, alif maqsura), diacritics and tatweel. */
export function foldArabic(word: string): string {
  return word.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[أإآٱ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
}

/** A Latin word's consonant skeleton: Qassem, Qasem and Kassem meet; doubled letters count once. */
function skeleton(word: string): string {
  const s = word.replace(/q/g, 'k').replace(/ou/g, 'u').replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
  return s || word;
}

/** The folded words of a name, without the head and articles; Arabic words lose a leading "ال". */
function words(name: string): { head?: string; rest: string[] } {
  const folded = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let head: string | undefined;
  const rest: string[] = [];
  for (const raw of folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const w = /[\u0600-\u06FF]/.test(raw) ? foldArabic(raw) : raw;
    const h = HEADS.get(w);
    if (h && !head) { head = h; continue; }
    if (DROP.has(w)) continue;
    rest.push(/[\u0600-\u06FF]/.test(w) ? w.replace(/^ال(?=..)/, '') : skeleton(w));
  }
  return { head, rest };
}

/** "regiment-hj-ksm-slmn" for every spelling of the Hajj Qassem Soleimani Regiment; '' for no name. */
export function candidateKey(name: string): string {
  const { head, rest } = words(name);
  if (rest.length === 0) return '';
  return [head, ...rest].filter(Boolean).join('-').slice(0, 120);
}
