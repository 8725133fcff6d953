// A lone victim named with an article or in the singular: "a Hezbollah member was killed", "un soldat
// a été tué", "مقتل قيادي في داعش". EVAL.md counts such a victim as 1. Patterns on folded text.
import type { Cue } from './casualty-cues.js';

const PERSON_EN = 'soldier|civilian|man|woman|child|boy|girl|fighter|member|commander|leader|officer|person|militant|journalist|policeman|shepherd|farmer|paramedic|resident|jihadist|operative|guard|official|figure|cadre';
const PERSON_FR = 'soldat|civil|homme|femme|enfant|garçon|fille|combattant|membre|commandant|chef|cadre|officier|personne|militaire|journaliste|policier|berger|jihadiste|agriculteur|secouriste|habitant|garde|responsable|dirigeant';
const PERSON_AR = 'قيادي|عنصر|جندي|شخص|مدني|طفل|امراه|سيده|شاب|رجل|مسؤول|قائد|ضابط|مقاتل|عسكري|مواطن|راع|مزارع|صحفي|شرطي|مسعف|فتي|فتاه';

/** Before a killed/injured word: "a <up to 4 words> soldier was|has been" / "un soldat ... a été". */
const BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:a|an|one|un|une)\\s+(?:[\\p{L}'’-]+\\s+){0,4}?(?:${PERSON_EN}|${PERSON_FR})(?:\\s+[\\p{L}'’-]+){0,4}?\\s+(?:was|has been|is|had been|a été|est|avait été|fut)\\s+(?:\\p{L}+\\s+)?$`, 'u');
/** After the word: "killing a soldier", "tuant un civil", "مقتل قيادي", "استشهاد شاب", "wounding another". */
const AFTER = new RegExp(`^\\s+(?:(?:\\p{L}+\\s+){0,2}?(?:a|an|one|un|une)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:${PERSON_EN}|${PERSON_FR})(?![\\p{L}])|(?:ال)?(?:${PERSON_AR})(?![\\p{L}])`
  // "killing one and wounding another", "en blessant un autre", "وإصابة آخر": one more victim.
  + `|(?:\\p{L}+\\s+){0,2}?(?:another|un autre|une autre|(?:ال)?اخر)(?![\\p{L}]))`, 'u');

export function singleVictim(folded: string, cues: Cue[]): boolean {
  for (const c of cues) {
    if (BEFORE.test(folded.slice(Math.max(0, c.start - 90), c.start))) return true;
    if (AFTER.test(folded.slice(c.end, c.end + 60))) return true;
  }
  return false;
}
