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
  /** A governorate, district or sub-district seat (wins a same-name collision). */
  seat: boolean;
  /** Marked "minor place" on all its aliases. */
  minor: boolean;
  /** Keys (aliasKey) of the aliases kept by hand (config/entities/news-spellings.yaml). */
  hand?: ReadonlySet<string>;
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
export function markAmbiguous(places: AmbiguityPlace[]): Map<string, Record<string, string>> {
  const byKey = new Map<string, AmbiguityPlace[]>();
  for (const p of places) {
    for (const key of new Set(p.aliases.map(aliasKey))) {
      const list = byKey.get(key);
      if (list) list.push(p);
      else byKey.set(key, [p]);
    }
  }
  const out = new Map<string, Record<string, string>>();
  for (const p of places) {
    const marks: Record<string, string> = {};
    for (const alias of p.aliases) {
      const key = aliasKey(alias);
      const group = byKey.get(key) ?? [];
      const reasons: string[] = [];
      if (p.minor) reasons.push('minor place');
      if (group.length > 1 && dominantOf(group, key) !== p) {
        reasons.push(sameNameReason(group.filter((o) => o !== p).map((o) => o.id).sort(), MAX_REASON - 13));
      }
      if (reasons.length > 0) marks[alias] = reasons.join('; ');
    }
    if (Object.keys(marks).length > 0) out.set(p.id, marks);
  }
  return out;
}
