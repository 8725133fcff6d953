// Words that report people killed or injured, in French, English and Arabic, as cue patterns
// (expand-cue.ts) over the folded text (fold-for-cues.ts). Data only: scan-sentences.ts finds them,
// read-casualties.ts decides which number a cue takes.

export type CasualtyKind = 'killed' | 'injured';
export interface Cue { kind: CasualtyKind; start: number; end: number }

/** What an Arabic casualty word may carry in front: و ف ب ل, وب, ول. */
export const CASUALTY_AR_PREFIXES = ['و', 'ف', 'ب', 'ل', 'وب', 'ول'];

export const CASUALTY_ROWS: Array<[CasualtyKind, string]> = [
  ['killed', 'killed|killing|kills|kill|dead|deaths?|died|die|dying|fatalities|lives|lost (?:their |his |her )?lives?|claimed the lives?|martyred|massacred|slain|'
    + 'tué(?:e|s|es)?|tue|'
    // Died of wounds is a death: the wound word inside it is not read as injured.
    + 'succombé(?:e|s|es)?(?: à (?:ses|leurs|sa) blessures?)?|succomb(?:ed|ing)(?: to (?:his|her|their) (?:wounds|injuries))?|'
    + '(?:died|dying|dies|die) (?:of|from) (?:his|her|their) (?:wounds|injuries)|mort(?:e|s|es)? des suites de (?:ses|leurs) blessures|'
    + 'tuant|tuent|morts?|mortes|décès|décédée?s?|ont péri|périssent|périt|victimes mortelles|sans vie|perdu la vie|exécutée?s?|executed|coûté la vie|abattus?|abattue?s?|bodies|dépouilles|cadavres'],
  ['killed', 'مقتل|قتل|قتلي|قتيل|قتيلا|قتيلين|قتلوا|قتلت|يقتل|استشهاد|استشهد|استشهدوا|شهداء|شهيد|شهيدا|شهيدين|مصرع|مصرعهم|مصرعه|'
    + 'حتفه|حتفهم|حتفهما|مصرعهما|متاثر(?:ا|ه|ين|ون) (?:بجراحه|بجروحه|بجراحها|بجروحها|بجراحهم|بجروحهم|باصابته|باصابتها|باصاباتهم)|اعدم|اعدام|وفاه|توفي|توفوا|ضحايا|ضحيه|اودي بحياه|اودت بحياه|بحياه|جثث|جثه|قتيلان|'
    // A toll names its count noun with the article: "ارتفع عدد القتلى إلى 12", "حصيلة الشهداء".
    + 'القتلي|الشهداء|الضحايا'],
  ['injured', 'injured|injuring|injury|injuries|injures|wounded|wounding|wounds|hurt|blessés?|blessée?s?|blessant|blesse|blessent|blessures?'],
  ['injured', 'جرحي|جريح|جريحا|جرحه|جرح|جرحت|اصابه|اصابات|اصيب|اصيبوا|اصيبت|مصابين|مصابا|مصاب|مصابون|اصابتهم|جريحان|الجرحي|المصابين'],
];
