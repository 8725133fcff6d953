// Reads the security events an article reports: the main one first (the one its headline and lead
// report, EVAL.md), with its type, killed and injured counts, places and actors from the matcher's
// matches in its sentences, and the sentences it was read from. Pure: a document and a match result in.
import type { MatchResult } from '../match/match-document.js';
import type { ArticleEvent, EventEvidence, EventType } from './event.js';
import { foldForCues, foldText, type Folded } from './fold-for-cues.js';
import type { TypeCue } from './type-cues.js';
import type { CasualtyKind, Cue } from './casualty-cues.js';
import { findCasualtyCues, readCasualties, type CasualtyReading } from './read-casualties.js';
import { scanSentences } from './scan-sentences.js';
import { readNumbers, type NumberSpan } from './read-numbers.js';
import { eventSummary } from './event-summary.js';
import { isBackground } from './background-cues.js';
import { isTollUpdate } from './toll-update.js';
import { inCauseClause, mayHoldCause } from './cause-clause.js';
import { saysNone } from './no-casualties.js';

export interface EventDoc { title?: string; summary?: string; text?: string; lang?: string }

type Field = EventEvidence['field'];

interface Sentence {
  field: Field;
  /** Offsets in the field's text. */
  start: number; end: number;
  /** The field's text, and its folded text when it had to be folded before the scan (an İ). */
  source: string; foldedSource?: Folded;
  /** Offsets in the text scanned (the field's or its folded text). */
  scanStart: number; scanEnd: number;
  cues: TypeCue[];
  /** Casualty cues, offsets in the sentence's folded text. */
  casualtyCues: Cue[];
  folded?: string; casualties?: CasualtyReading; numbers?: NumberSpan[]; dated?: boolean;
  /** Per kind, whether it says no one of that kind was hurt (read once: the killed and injured searches both ask). */
  none?: Partial<Record<CasualtyKind, boolean>>;
}

const DRONE = /drone|مسيره|مسيرات|درون/;

/** Sentences from the top that make the lead (the headline counts as one). */
const LEAD = 3;
/** Sentences read for a toll when the lead gives none. */
const TOLL_REACH = 8;

/** Sentences read for the event type: past these the weight is too small to change the main event. */
const MAX_SENTENCES = 12;
/** Characters of a field read at most (a long page's tail adds nothing to its main event). */
const MAX_CHARS = 3000;

function sentencesOf(doc: EventDoc): Sentence[] {
  const out: Sentence[] = [];
  for (const field of ['title', 'summary', 'text'] as const) {
    const source = doc[field];
    if (!source || out.length >= MAX_SENTENCES) continue;
    // One pass cuts the sentences and finds their cues, folding as it reads (vowel marks stepped over);
    // a text with a unit that cannot fold in place (İ) is folded first, offsets mapped back to the original's.
    const max = MAX_SENTENCES - out.length;
    let foldedSource: Folded | undefined;
    let scanned = scanSentences(source, max, MAX_CHARS);
    if (scanned === null) {
      foldedSource = foldText(source.length > MAX_CHARS ? source.slice(0, MAX_CHARS) : source);
      // The folded text has no unit left that cannot fold; an empty list rather than a throw if it ever had.
      scanned = scanSentences(foldedSource.text, max) ?? [];
    }
    for (const { start, end, types, casualties } of scanned) {
      out.push({
        field, source, foldedSource, scanStart: start, scanEnd: end,
        start: foldedSource ? foldedSource.at[start]! : start, end: foldedSource ? foldedSource.at[end - 1]! + 1 : end, cues: types,
        casualtyCues: start === 0 || casualties.length === 0 ? casualties : casualties.map((c) => ({ kind: c.kind, start: c.start - start, end: c.end - start })),
      });
    }
  }
  return out;
}

/** The sentence folded, made when first needed (most sentences are never read past their cues). */
function foldedOf(s: Sentence): string {
  if (s.folded !== undefined) return s.folded;
  if (s.foldedSource) {
    s.folded = s.foldedSource.text.slice(s.scanStart, s.scanEnd);
  } else {
    s.folded = foldForCues(s.source.slice(s.start, s.end));
    // Vowel marks dropped: the cues' offsets moved, find them again in the folded sentence.
    if (s.folded.length !== s.end - s.start) s.casualtyCues = findCasualtyCues(s.folded);
  }
  return s.folded;
}

/** The numbers of a sentence, read once (for its toll and for its year). */
function numbersOf(s: Sentence): NumberSpan[] {
  s.numbers ??= readNumbers(foldedOf(s));
  return s.numbers;
}

/** Casualties of a sentence, read when a toll is looked for; numbers are read only where a casualty word is. */
function casualtiesOf(s: Sentence): CasualtyReading {
  if (s.casualties) return s.casualties;
  if (s.casualtyCues.length === 0) return (s.casualties = { killed: null, injured: null });
  const folded = foldedOf(s); // first: it may find the cues again
  s.casualties = readCasualties(folded, s.casualtyCues, numbersOf(s));
  return s.casualties;
}

/** How much a sentence's words weigh for the main event: the headline and lead most. */
const weightAt = (i: number): number => (i === 0 ? 3 : i < LEAD ? 2 : 1 / (1 + (i - LEAD + 1) * 0.5));

/** What a cue in a cause clause weighs against the main clause's ("shelled ... after Hezbollah's bomb"). */
const CAUSE_WEIGHT = 0.4;

/** Whether a sentence's cues name more than one type (only then may a clause decide between them). */
const mixedTypes = (s: Sentence): boolean => s.cues.some((c) => c.type !== s.cues[0]!.type);

function mainType(sents: Sentence[]): [EventType, number] {
  const score = new Map<EventType, number>();
  sents.forEach((s, i) => {
    const text = s.foldedSource ? s.foldedSource.text : s.source;
    const cause = mixedTypes(s) && mayHoldCause(text.slice(s.scanStart, s.scanEnd)) ? s.cues.map((c) => inCauseClause(text, s.scanStart, c.start)) : [];
    // Only a main clause that names an event of its own outweighs its cause ("Le ton est monté après une attaque au drone").
    const main = cause.some((x, k) => !x && s.cues[k]!.weight >= 2);
    s.cues.forEach((c, k) => {
      const w = main && cause[k] ? CAUSE_WEIGHT : 1;
      score.set(c.type, (score.get(c.type) ?? 0) + c.weight * w * weightAt(i));
    });
  });
  let best: EventType = 'none';
  let top = 0;
  for (const [t, v] of score) if (v > top) { best = t; top = v; }
  return [best, top];
}

/**
 * A sentence dated by its year ("in August 2014") tells history, unless it is the headline. A year that
 * closes a full date ("le 3 décembre 2024", "December 3, 2024") dates the report itself: news gives the
 * day of the event it reports, history its year or month.
 */
const hasYear = (s: Sentence): boolean => {
  s.dated ??= numbersOf(s).some((n, k, all) => n.trap === 'year' && !(k > 0 && all[k - 1]!.trap === 'date' && n.start - all[k - 1]!.end <= 16));
  return s.dated;
};

/** The sentence's toll of this kind when it may be the main event's (not a background total), else null. */
function tollIn(sents: Sentence[], i: number, kind: CasualtyKind): number | null {
  // A sentence with no word of this kind gives no number of it: its numbers are not read for it.
  if (!sents[i]!.casualtyCues.some((c) => c.kind === kind)) return null;
  const v = casualtiesOf(sents[i]!)[kind];
  // The background tests run only on a sentence that gives a number (most give none).
  return v !== null && (i === 0 || !(isBackground(foldedOf(sents[i]!)) || hasYear(sents[i]!))) ? v : null;
}

/** The sentence as written. */
const sentenceOf = (s: Sentence): string => s.source.slice(s.start, s.end);

/** A sentence that says something: captions' and datelines' fragments ("17, 2024.", "(AP Photo)") are not counted in reach. */
const FULL_SENTENCE = 30;

/** The end of the first `within` full sentences. */
function reachOf(sents: Sentence[], within: number): number {
  let full = 0;
  for (let i = 0; i < sents.length; i += 1) {
    if (sents[i]!.end - sents[i]!.start >= FULL_SENTENCE) full += 1;
    if (full >= within) return i + 1;
  }
  return sents.length;
}

/** How many sentences after a headline's or lead's toll may give the same event's fuller count. */
const REFINE = 2;

/**
 * The first toll of this kind in reach. A headline's or lead's count gives way to a larger one in the next
 * sentences (the headline names a part, "sept militaires tués", the lead the whole, "sept soldats et deux
 * civils"); and to a later one that says it updates it ("rose to").
 */
function toll(sents: Sentence[], kind: CasualtyKind, within = TOLL_REACH): [number | null, number] {
  const reach = reachOf(sents, within);
  for (let i = 0; i < reach; i += 1) {
    let v = tollIn(sents, i, kind);
    if (v === null) {
      // "No casualties were reported": the event has no count; a later paragraph's toll is another event's.
      const s = sents[i]!;
      s.none ??= {};
      if ((s.none[kind] ??= saysNone(sentenceOf(s), kind))) return [null, -1];
      continue;
    }
    let at = i;
    if (i < LEAD) {
      for (let j = i + 1; j <= Math.min(i + REFINE, LEAD, reach - 1); j += 1) {
        const fuller = tollIn(sents, j, kind);
        if (fuller !== null && fuller > v) [v, at] = [fuller, j];
      }
    }
    for (let j = i + 1; j < reach; j += 1) {
      const s = sents[j]!;
      // Tested on the sentence as written: most sentences after the toll are never folded.
      if (!s.casualtyCues.some((c) => c.kind === kind) || !isTollUpdate(s.source.slice(s.start, s.end))) continue;
      const newer = tollIn(sents, j, kind);
      if (newer !== null) [v, at] = [newer, j];
    }
    return [v, at];
  }
  return [null, -1];
}

/** The places and the actors matched in the evidence sentences, in one pass over the matches. */
function entitiesIn(match: MatchResult, evidence: Sentence[]): { where: string[]; actors: string[] } {
  const where = new Set<string>();
  const actors = new Set<string>();
  for (const m of match.matches) {
    if ((m.kind !== 'region' && m.kind !== 'actor') || m.suppressedBy || m.unconfirmed) continue;
    if (evidence.some((s) => s.field === m.field && m.start >= s.start && m.end <= s.end)) (m.kind === 'region' ? where : actors).add(m.entityId);
  }
  return { where: [...where], actors: [...actors] };
}

/** The events of one article, main event first; [] for a page with no place or actor of interest. */
export function readEvents(doc: EventDoc, match: MatchResult): ArticleEvent[] {
  if (!match.entities.some((e) => e.kind === 'region' || e.kind === 'actor')) return [];
  const sents = sentencesOf(doc);
  let [type, score] = mainType(sents);
  // The killed toll is read only as far as it can matter: not at all for a page the cues call no event,
  // only in the lead when the cues are too weak to type the event (the toll may then make it a clash).
  const [killed, ki] = score < 2 ? toll(sents, 'killed', LEAD + 1) : type === 'none' ? [null, -1] : toll(sents, 'killed');
  // People killed with no method named: a ground attack (EVAL.md: armed_clash when the method is not given).
  if (score < 2 && killed !== null && ki <= LEAD) [type, score] = ['armed_clash', 2];
  if (type === 'none' || score < 2) return [{ type: 'none', killed: null, injured: null, where: [], actors: [], evidence: [], summary: eventSummary({ type: 'none', killed: null, injured: null }) }];
  const [injured, ii] = toll(sents, 'injured');
  const cueAt = sents.findIndex((s) => s.cues.some((c) => c.type === type));
  const used = [...new Set([cueAt, ki, ii].filter((i) => i >= 0))].sort((a, b) => a - b).map((i) => sents[i]!);
  const { where, actors } = entitiesIn(match, used);
  const place = match.entities.find((e) => e.id === where[0]);
  const drone = used.some((s) => DRONE.test(foldedOf(s)));
  return [{
    type, killed, injured, where, actors,
    evidence: used.map((s) => ({ field: s.field, start: s.start, end: s.end, sentence: s.source.slice(s.start, s.end) })),
    summary: eventSummary({ type, drone, killed, injured, place }),
  }];
}
