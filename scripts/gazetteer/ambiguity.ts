// Decides which aliases of the gazetteer's places need context evidence (the entity's `ambiguous`
// map, alias -> reason). Pure: it sees places and their written aliases, not the data files.
//
// (a) An alias (compared by aliasKey) that names two or more places is marked on every one of them
//     except a clearly dominant one: the only governorate/district seat among them, or else a place
//     with at least 10 times the population of the next one.
//     A news spelling kept by hand on exactly one of them outranks both (the overlay is curated).
// (b) Every alias of a minor place (a village with no population figure or under 1000 people that is
//     not a district or sub-district seat) is marked "minor place".
import { aliasKey } from './alias-key.js';

export interface AmbiguityPlace {
  id: string;
  /** Every written alias of the place, canonical names included. */
  aliases: string[];
  population: number;
  /** A governorate or district seat (wins a same-name collision). */
  seat: boolean;
  /** Marked "minor place" on all its aliases. */
  minor: boolean;
  /** Keys (aliasKey) of the aliases kept by hand (config/entities/news-spellings.yaml). */
  hand?: ReadonlySet<string>;
  /** Part of the curated core (hand-kept or a GeoNames town or unit): the word checks below spare it. */
  core?: boolean;
}

/** Word-level checks for Arabic aliases of data places: what the matcher's clitic and article
 * tolerance (والبوكمال -> البوكمال, لبنان -> ل + بنان, حول -> الحول) could read them as. */
export interface WordChecks {
  /** Keys of common words (and of foreign places: alias key -> reason). */
  commonWords: ReadonlyMap<string, string>;
}

const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك'];

/** The fused forms a text token could take and still reach this (first) Arabic word of an alias. */
export function cliticForms(word: string): string[] {
  const out = new Set<string>();
  const bases = word.startsWith('ال') && word.length > 4 ? [word, word.slice(2)] : [word, `ال${word}`];
  for (const b of bases) {
    out.add(b);
    for (const c of PROCLITICS) out.add(`${c}${b}`);
    if (b.startsWith('ال')) out.add(`لل${b.slice(2)}`);
  }
  out.delete(word);
  return [...out];
}

const MAX_REASON = 200;

/** Ids listed in a same-name reason before "and N more" (the catalog stays small enough to load fast). */
const MAX_LISTED = 3;

/** "same name as a, b, c and 12 more", under the schema's 200 characters. */
export function sameNameReason(others: string[], max = MAX_REASON): string {
  let text = 'same name as';
  for (let i = 0; i < others.length; i += 1) {
    if (i === MAX_LISTED) return `${text} and ${others.length - i} more`;
    const next = `${text}${i === 0 ? ' ' : ', '}${others[i]}`;
    const rest = others.length - i - 1;
    const tail = rest > 0 ? ` and ${rest} more` : '';
    if (next.length + tail.length + 12 > max) return `${text} and ${others.length - i} more`;
    text = next;
  }
  return text;
}

/** The dominant place of a same-name group, if one is clearly dominant. */
export function dominantOf(group: AmbiguityPlace[], key?: string): AmbiguityPlace | undefined {
  if (key !== undefined) {
    const hand = group.filter((p) => p.hand?.has(key));
    if (hand.length === 1) return hand[0];
  }
  const seats = group.filter((p) => p.seat);
  if (seats.length === 1) return seats[0];
  const pool = seats.length > 1 ? seats : group;
  const sorted = [...pool].sort((a, b) => b.population - a.population || a.id.localeCompare(b.id));
  const [first, second] = sorted;
  if (!first || first.population <= 0) return undefined;
  if (!second || first.population >= 10 * second.population) {
    // Among several seats the population decides only between seats; other places lose anyway.
    return first;
  }
  return undefined;
}

/** alias -> reason per place id (only places with at least one marked alias). */
export function markAmbiguous(places: AmbiguityPlace[], checks: WordChecks = { commonWords: new Map() }): Map<string, Record<string, string>> {
  const byKey = new Map<string, AmbiguityPlace[]>();
  for (const p of places) {
    for (const key of new Set(p.aliases.map(aliasKey))) {
      const list = byKey.get(key);
      if (list) list.push(p);
      else byKey.set(key, [p]);
    }
  }
  // (c) An Arabic alias of a data place that a clitic or the article turns into another place's alias
  //     (ل + بنان = لبنان) or a common word (حول -> الحول), or that is itself a common word or a foreign place.
  const wordReason = (p: AmbiguityPlace, alias: string, key: string): string | undefined => {
    if (p.core || p.hand?.has(key)) return undefined;
    const own = checks.commonWords.get(key);
    if (own) return own;
    if (!/[\u0600-\u06ff]/.test(alias)) return undefined;
    const [first, ...rest] = key.split(' ');
    for (const form of cliticForms(first!)) {
      const k = [form, ...rest].join(' ');
      const word = checks.commonWords.get(k);
      if (word) return word === 'common word' ? `reads as the common word ${k}` : `reads as ${k} (${word})`;
      const other = byKey.get(k)?.find((o) => o !== p && (o.core || o.population > p.population * 10));
      if (other) return `reads as ${other.id} with a clitic or the article`;
    }
    return undefined;
  };
  const out = new Map<string, Record<string, string>>();
  for (const p of places) {
    const marks: Record<string, string> = {};
    for (const alias of p.aliases) {
      const key = aliasKey(alias);
      const group = byKey.get(key) ?? [];
      const reasons: string[] = [];
      if (p.minor) reasons.push('minor place');
      const word = wordReason(p, alias, key);
      if (word) reasons.push(word);
      if (group.length > 1 && dominantOf(group, key) !== p) {
        const used = reasons.join('; ').length;
        reasons.push(sameNameReason(group.filter((o) => o !== p).map((o) => o.id).sort(), MAX_REASON - used - 2));
      }
      if (reasons.length > 0) marks[alias] = reasons.join('; ').slice(0, MAX_REASON);
    }
    if (Object.keys(marks).length > 0) out.set(p.id, marks);
  }
  return out;
}
