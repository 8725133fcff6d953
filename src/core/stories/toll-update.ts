// Whether a headline or lead reports a toll going up ("toll rises to 9", "le bilan s'alourdit",
// "ارتفاع حصيلة القتلى"): such a report gives a new count that need not cite the old one. Pure; works on
// the matcher's normalised tokens (case, accents, elision and Arabic letter forms already folded).
import { tokenize } from '../match/tokenize.js';

const norm = (s: string): string => tokenize(s).map((t) => t.norm).join(' ');

/** A toll word, then within a few words a verb of rising; Arabic names the rise first ("rise of the toll"). */
const PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:toll|tally) (?:\\S+ ){0,8}?(?:rises|rose|risen|climbs|climbed|jumps|jumped|increases|increased|mounts|mounted|reaches|reached|grows|grew) `),
  new RegExp(`\\bbilan (?:\\S+ ){0,8}?(?:${['s alourdit', 's est alourdi', 'alourdi', 'passe a', 'monte', 'grimpe', 'atteint', 's eleve desormais'].map(norm).join('|')}) `),
  new RegExp(`(?:^| )و?(?:${['ارتفاع', 'ارتفعت', 'ارتفع', 'ترتفع', 'يرتفع'].map(norm).join('|')}) (?:${['حصيلة', 'عدد', 'الحصيلة'].map(norm).join('|')}) `),
  new RegExp(`(?:^| )(?:${['الحصيلة', 'حصيلة'].map(norm).join('|')}) (?:\\S+ ){0,3}?و?(?:${['ترتفع', 'ارتفعت', 'تصل'].map(norm).join('|')}) `),
];

export function isTollUpdate(tokens: ReadonlyArray<{ norm: string }>): boolean {
  // A trailing space lets every pattern end on a word boundary without \b (which does not know Arabic letters).
  const text = `${tokens.map((t) => t.norm).join(' ')} `;
  return PATTERNS.some((p) => p.test(text));
}
