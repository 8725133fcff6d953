// Words that report people killed or injured, in French, English and Arabic, as patterns over the
// folded text (fold-for-cues.ts). Data and one finder; which number a cue takes is read-casualties.ts.
import { cueSet, scanCueSet, scriptsOf, type CueSet } from './scan-cues.js';

export type CasualtyKind = 'killed' | 'injured';
export interface Cue { kind: CasualtyKind; start: number; end: number }

// Arabic cues may carry و ف ب ل in front; Latin cues start a word.
const AR_PREFIX = '(?:[وفبل]|وب|ول)?';
const LATIN = (alts: string): CueSet => cueSet([alts], false);
const ARABIC = (alts: string): CueSet => cueSet([alts], true, AR_PREFIX);

const PATTERNS: Array<[CasualtyKind, CueSet]> = [
  ['killed', LATIN('killed|killing|kills|kill|dead|deaths?|died|die|dying|fatalities|lives|lost (?:their |his |her )?lives?|claimed the lives?|martyred|massacred|slain|'
    + 'tué(?:e|s|es)?|tuant|tuent|morts?|mortes|décès|décédés?|ont péri|périssent|périt|victimes mortelles|sans vie|perdu la vie|exécutée?s?|executed|coûté la vie|abattus?|abattue?s?')],
  ['killed', ARABIC('مقتل|قتل|قتلي|قتيل|قتيلا|قتيلين|قتلوا|قتلت|يقتل|استشهاد|استشهد|استشهدوا|شهداء|شهيد|شهيدا|شهيدين|مصرع|مصرعهم|مصرعه|'
    + 'حتفه|حتفهم|اعدم|اعدام|وفاه|توفي|توفوا|ضحايا|ضحيه|اودي بحياه|اودت بحياه|جثث|جثه')],
  ['injured', LATIN('injured|injuring|injuries|injures|wounded|wounding|wounds|hurt|'
    + 'blessés?|blessée?s?|blessant|blessures?')],
  ['injured', ARABIC('جرحي|جريح|جريحا|جرحه|جرح|جرحت|اصابه|اصابات|اصيب|اصيبوا|اصيبت|مصابين|مصابا|مصاب|مصابون|اصابتهم|اصابه')],
];

/** Every casualty cue of the folded text, in order of position. */
export function findCasualtyCues(folded: string): Cue[] {
  const out: Cue[] = [];
  const scripts = scriptsOf(folded);
  for (const [kind, p] of PATTERNS) scanCueSet(folded, p, scripts, (_list, start, end) => out.push({ kind, start, end }));
  return out.sort((a, b) => a.start - b.start);
}
