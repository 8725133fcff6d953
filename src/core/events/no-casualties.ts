// Words that say an event left no dead or wounded ("no casualties were reported", "sans faire de victimes",
// "لم يسفر عن وقوع إصابات"). EVAL.md gives such an event no count (null, not 0): read-events.ts stops
// looking for its toll there, so a later paragraph's other event does not lend it one. Patterns on the
// sentence as written (any case), tested only on sentences before the first toll.
import type { CasualtyKind } from './casualty-cues.js';

const NONE: Record<CasualtyKind, RegExp> = {
  killed: new RegExp([
    'no (?:casualties|victims|deaths|fatalities|one (?:was|has been) (?:killed|hurt|injured))', 'without (?:causing )?(?:any )?(?:casualties|victims|deaths)',
    'aucune? (?:victime|mort|perte humaine|décès)', 'pas de (?:victimes?|morts?|pertes humaines)', 'sans (?:faire de )?(?:victimes?|morts?|pertes humaines)',
    'لم [يت]سفر(?: [^ ]+)? عن (?:[^.،]{0,20})?(?:اصابات|إصابات|ضحايا|خسائر بشري[ةه]|قتلى)', 'دون (?:وقوع |تسجيل )?(?:أي |اي )?(?:اصابات|إصابات|ضحايا|خسائر بشري[ةه])',
  ].join('|'), 'i'),
  injured: new RegExp([
    'no (?:casualties|victims|injuries|one (?:was|has been) (?:hurt|injured))', 'without (?:causing )?(?:any )?(?:casualties|victims|injuries)',
    'aucune? (?:victime|blessé|perte humaine)', 'pas de (?:victimes?|blessés?|pertes humaines)', 'sans (?:faire de )?(?:victimes?|blessés?|pertes humaines)',
    'لم [يت]سفر(?: [^ ]+)? عن (?:[^.،]{0,20})?(?:اصابات|إصابات|ضحايا|خسائر بشري[ةه]|جرحى)', 'دون (?:وقوع |تسجيل )?(?:أي |اي )?(?:اصابات|إصابات|ضحايا|خسائر بشري[ةه])',
  ].join('|'), 'i'),
};

/** The words every such statement holds one of: tested first, as most sentences hold none. */
const NEGATION = /\b(?:no|without|aucune?|pas|sans)\b|لم |دون /i;

/** Whether a sentence (as written) says the event left no one of this kind. */
export const saysNone = (sentence: string, kind: CasualtyKind): boolean => NEGATION.test(sentence) && NONE[kind].test(sentence);
