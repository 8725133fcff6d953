// Decides, once the whole document is read, which hits of context-dependent aliases count: ambiguous
// aliases (a common word, a name shared with another place, a minor village) and generic references
// ("the regime"). A hit counts with evidence, and says which: its parent place or a place of the same
// district/governorate named plainly in the document, a watched entity in the same sentence, a unit
// word ("village of X"), conflict vocabulary where the document's places are in the watched region.
// Food, craft and sport words in the sentence point elsewhere (savon d'Alep, Aleppo pepper).
import type { EntityKind } from '../entities/entity.js';

/** What the document established without context: the entities its plain (unflagged) hits list. */
export interface Established {
  /** Entity ids listed by plain hits. */
  ids: Set<string>;
  /** Every id on the paths of those entities (their parents, districts, governorates, umbrellas). */
  pathIds: Set<string>;
  /** Countries of the listed regions (last path id of each region). */
  countries: Set<string>;
  /** Whether a listed entity is more than a country (a place or an actor). */
  hasWatched: boolean;
  /** Normalised aliases of the plain matches, with their entity: "المديرية العامة للأمن العام" holds
   * "الأمن العام", so that generic reference means the Lebanese directorate in its document. The third
   * item is the entity's path (itself, then its parents). */
  plainAliases: Array<[string, string, readonly string[]]>;
  /** Ids of the regions among `ids` (a place establishes a generic reference only weakly). */
  regionIds: Set<string>;
  /** Districts and governorates whose seat town the document names plainly ("مدينة القامشلي"). */
  seatedUnits: Set<string>;
  /** The latest year the document writes (a dateline, "in 2025"), or undefined. */
  year: number | undefined;
  /** Words that dated the document instead of a written year ("فلول النظام": after 2024), if any. */
  yearCue?: string;
  /** Which side of the era change the cue puts the document (absent: after 2024). */
  yearSide?: 'before' | 'after';
  /** The entity whose name dated the document, when a named entity did. */
  yearCueId?: string;
}

/** One context-dependent hit, with what its own field could tell about it. */
export interface PendingHit {
  id: string;
  kind: EntityKind;
  /** Path ids: the entity, then its parents up to the country. */
  pathIds: string[];
  /** The entity is a country (countries never give geographic evidence). */
  generic: boolean;
  /** entity.ambiguous's reason for the alias ("common word (fr)", "same name as ...", "minor place"). */
  reason: string;
  establishedBy: readonly string[];
  /** The alias hit, normalised (nameKey). */
  aliasKey: string;
  /** Years the entity existed ({from, to}), for generic references that change referent over time. */
  period: { from?: number; to?: number } | undefined;
  /** Conflict and food/craft/sport words around it, read on first use (most hits never need them). */
  words: {
    readonly conflict: string | undefined;
    /** Conflict words of what a state does, other armed actors' nouns (forces, militia) left out. */
    readonly acts: string | undefined;
    readonly elsewhere: string | undefined;
    /** A state named as the patron inside a descriptor ("backed by Iran", "المدعومة من إيران"). */
    readonly patron: string | undefined;
    /** A speaker or border word that makes a state's hit a nationality or a place ("US officials"). */
    readonly bystander: string | undefined;
    /** A unit word next to a place ("village of", "قرية", "X countryside"). */
    readonly unit: string | undefined;
  };
  /** Names of plain hits in the same sentence (any entity, countries included). */
  sentenceNeighbour: string | undefined;
}

/** Evidence that yields to any other reading of the same words (confirmPending decides those last). */
export const DEFAULT_EVIDENCE = 'no date or established entity';

/** How strong the evidence is, for two readings of the same words: the stronger takes them. */
export const NAMED = 3;
export const LOCAL_SIGN = 2;
export const NEARBY = 1;
export const BY_DEFAULT = 0;

export type Verdict = { counts: true; evidence: string; strength: number } | { counts: false; why: string };

/** A verdict's strength; -1 when it does not count. */
export function strength(v: Verdict): number {
  return v.counts ? v.strength : -1;
}

const isPlaceReason = (reason: string): boolean => /^(same name|same as|minor place)/.test(reason);

/**
 * The nearest ancestor the document names plainly, below the country. A minor place (a village) needs
 * its district or sub-district named: a governorate holds hundreds of villages, naming it says little.
 */
function namedAncestor(hit: PendingHit, est: Established, belowGovernorate: boolean): string | undefined {
  const ancestors = hit.pathIds.slice(1, belowGovernorate ? -2 : -1);
  return ancestors.find((id) => est.ids.has(id));
}

function dateOf(est: Established): string {
  if (est.yearCue === undefined) return `the document's date (${est.year})`;
  if (est.yearCueId !== undefined) return `the document's era (it names ${est.yearCueId}: «${est.yearCue}», ${est.yearSide === 'before' ? 'before 2025' : 'after 2024'})`;
  return `the document's time («${est.yearCue}»: after 2024)`;
}

function outOfPeriod(hit: PendingHit, year: number | undefined): boolean {
  if (year === undefined || hit.period === undefined) return false;
  return (hit.period.from !== undefined && year < hit.period.from) || (hit.period.to !== undefined && year > hit.period.to);
}

/** The catalog's country ids are ISO 3166 codes (sy, lb, iq): in `establishedBy` they name an entity's country. */
const COUNTRY_ID = /^[a-z]{2}$/;

/**
 * The countries the document's places are in, when the hit's entity belongs to a country (one in its
 * `establishedBy`) that none of them is; undefined when it is among them or the document names no place.
 */
function abroadOnly(hit: PendingHit, est: Established): string | undefined {
  const homes = hit.establishedBy.filter((id) => COUNTRY_ID.test(id));
  if (homes.length === 0 || est.countries.size === 0 || homes.some((id) => est.countries.has(id))) return undefined;
  return [...est.countries].sort().join(', ');
}

function decideGeneric(hit: PendingHit, est: Established): Verdict {
  // The document names another entity whose own name holds these words: the reference is to it.
  // Not when that entity is one of the hit's own members: "regime forces" are the regime's forces, so
  // "the regime" beside them is the regime itself.
  const holder = est.plainAliases.find(([key, id, path]) => id !== hit.id && key !== hit.aliasKey && !path.includes(hit.id)
    && ` ${key} `.includes(` ${hit.aliasKey} `));
  if (holder) return { counts: false, why: `generic reference; the document names ${holder[1]}, whose name holds these words` };
  if (outOfPeriod(hit, est.year)) return { counts: false, why: `generic reference; ${dateOf(est)} is outside ${hit.id}'s period` };
  if (est.ids.has(hit.id)) return { counts: true, evidence: `established: ${hit.id} is named`, strength: NAMED };
  for (const id of hit.establishedBy) if (est.ids.has(id) && !est.regionIds.has(id)) return { counts: true, evidence: `established by ${id}`, strength: NAMED };
  if (est.pathIds.has(hit.id)) return { counts: true, evidence: `established: a member of ${hit.id} is named`, strength: NAMED };
  for (const id of hit.pathIds.slice(1)) if (est.ids.has(id)) return { counts: true, evidence: `established by ${id}`, strength: NAMED };
  // A date says when, not where: a Lebanese page of 2025 does not make "الأمن العام" Syria's.
  const abroad = abroadOnly(hit, est);
  if (abroad !== undefined) return { counts: false, why: `generic reference; the document's places are in ${abroad}, not in ${hit.id}'s country` };
  if (hit.period !== undefined && est.year !== undefined) return { counts: true, evidence: `${dateOf(est)} is in ${hit.id}'s period`, strength: LOCAL_SIGN };
  // Undated, in a document about the right country (a place of it named): news read now is about now,
  // so the referent whose period is open. Yields to any other reading of the same words.
  const place = hit.establishedBy.find((id) => est.regionIds.has(id) || est.pathIds.has(id));
  if (place !== undefined && hit.period !== undefined && hit.period.to === undefined) {
    return { counts: true, evidence: `${DEFAULT_EVIDENCE}: the current referent, in a document about ${place}`, strength: BY_DEFAULT };
  }
  return { counts: false, why: 'generic reference; the document names no entity that establishes it' };
}

export function decide(hit: PendingHit, est: Established): Verdict {
  if (hit.generic) return decideGeneric(hit, est);
  if (est.ids.has(hit.id)) return { counts: true, evidence: `${hit.id} is named plainly elsewhere in the document`, strength: NAMED };
  if (hit.reason.startsWith('international:')) {
    // The UN and its missions are named in most conflict reports; they act through named forces.
    if (est.pathIds.has(hit.id)) return { counts: true, evidence: `its forces are named (a member of ${hit.id})`, strength: NAMED };
    return { counts: false, why: `${hit.reason}; none of its forces named` };
  }
  if (hit.reason.startsWith('state:') || hit.reason.startsWith('party:')) {
    // A state acts through its forces (named members) or in a sentence of strikes, troops, attacks;
    // "militias backed by Iran" names the backed militias, not Iran acting (EVAL.md).
    if (est.pathIds.has(hit.id)) return { counts: true, evidence: `its forces are named (a member of ${hit.id})`, strength: NAMED };
    if (hit.words.patron) return { counts: false, why: `${hit.reason}; named as a patron («${hit.words.patron}»)` };
    if (hit.words.bystander) return { counts: false, why: `${hit.reason}; named as a speaker's nationality or a border («${hit.words.bystander}»): it comments or locates, it does not act` };
    if (hit.words.acts) return { counts: true, evidence: `acts in its sentence («${hit.words.acts}»)`, strength: NEARBY };
    return { counts: false, why: `${hit.reason}; no force of it named and no conflict vocabulary in its sentence` };
  }
  const verdict = decideByContext(hit, est);
  // Food, craft and sport words in the sentence point elsewhere (read only for a hit that would count).
  if (verdict.counts && hit.words.elsewhere) return { counts: false, why: `${hit.reason}; «${hit.words.elsewhere}» in its sentence points elsewhere` };
  return verdict;
}

/** An ambiguous place's or actor's reading, before the sentence's other-topic words are weighed. */
function decideByContext(hit: PendingHit, est: Established): Verdict {
  const country = hit.kind === 'region' ? hit.pathIds[hit.pathIds.length - 1] : undefined;
  const inFocus = country === undefined ? est.hasWatched : est.countries.has(country);
  if (isPlaceReason(hit.reason)) {
    const minor = hit.reason.startsWith('minor place');
    const ancestor = namedAncestor(hit, est, minor);
    if (ancestor) return { counts: true, evidence: `its ${minor ? 'district' : 'parent place'} is named: ${ancestor}`, strength: NAMED };
    // A shared or minor name needs a local sign in a document about its country.
    if (inFocus && hit.words.unit) return { counts: true, evidence: `«${hit.words.unit}» next to it, and the document's places are in its country`, strength: LOCAL_SIGN };
    if (!minor && inFocus && hit.sentenceNeighbour && hit.words.conflict) {
      return { counts: true, evidence: `with ${hit.sentenceNeighbour} and «${hit.words.conflict}» in its sentence`, strength: NEARBY };
    }
    return { counts: false, why: `${hit.reason}; no parent place, unit word or local context` };
  }
  // A common word: the word itself is everyday language, so it needs the unit word that makes it a
  // name ("village of X", "قرية X") and its district named; an actor, to be named plainly.
  if (hit.kind === 'region') {
    // "حي الهلالية في مدينة القامشلي": the seat town names its district as well as the district's name would.
    const district = namedAncestor(hit, est, true) ?? hit.pathIds.slice(1, -2).find((id) => est.seatedUnits.has(id));
    if (district && hit.words.unit) return { counts: true, evidence: `«${hit.words.unit}» next to it, and its district ${district} is named`, strength: NAMED };
    return { counts: false, why: `${hit.reason}; no unit word next to it with its district named` };
  }
  // An actor whose spelling is an everyday word ("Faté" / fate) counts only where it is named plainly.
  return { counts: false, why: `${hit.reason}; the actor is not named plainly in the document` };
}
