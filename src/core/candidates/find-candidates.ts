// Finds named armed groups a document introduces that the catalog does not know yet ("a new militia
// called X", "milice baptisée « X »", "ميليشيا جديدة تدعى X", "Liwa X", "فوج X"), each with its evidence
// sentence and the known actors named around it. Conservative: generic and numbered units are left out.
// Pure: takes the document, its match result and the known keys; no I/O.
import type { Lang } from '../entities/entity.js';
import type { MatchField, MatchResult } from '../match/match-document.js';
import { candidateKey } from './candidate-key.js';
import {
  ARABIC_CUES, ARABIC_GENERIC, ARABIC_HEADS, ARABIC_STOP, GENERIC_NAME_WORDS, GROUP_NOUNS, LATIN_CUES, LATIN_HEADS, LATIN_TRAILING_HEADS, PERSON_NOUNS,
} from './formation-words.js';

export interface CandidateDoc { title?: string; summary?: string; text?: string; lang?: string }
export interface FoundCandidate {
  key: string;
  name: string;
  /** "formation": a unit word and a name (Liwa X, X Brigade); "named": a naming cue (baptisée "X"). */
  kindHint: 'formation' | 'named';
  lang: Lang;
  field: MatchField;
  start: number;
  end: number;
  /** The sentence the name stands in. */
  evidence: string;
  /** Known actors (ids) in the same or the adjacent sentences, most often named first. */
  nearActors: string[];
}

interface Span { name: string; start: number; end: number; kindHint: FoundCandidate['kindHint'] }
interface Sentence { start: number; end: number }

const L = '[\\p{L}\\p{M}]';
const NOT_WORD = '(?<![\\p{L}\\p{M}\\p{N}])';
const alt = (words: readonly string[]) => words.map((w) => w.replace(/[.'’]/g, (c) => (c === '.' ? '\\.' : "['’]"))).join('|');
/** One capitalised word, maybe with a glued article ("al-Ghalib", "d'Ali"). */
const CAP = `(?:(?:al|el|ad|an|ar|as|at|az|ash|d)['’-])?\\p{Lu}${L}*(?:['’-]${L}+)*`;
/** A capitalised name: capitalised words, joined by short connectors ("Hajj Qassem Soleimani", "Guardians of Blood"). */
const NAME = `${CAP}(?:\\s+(?:(?:al|el|bin|ibn|de|du|des|of|of the)\\s+)?${CAP}){0,5}`;
const QUOTED = '[«"“„]\\s*([^«»"“”„\\n]{2,80}?)\\s*[»"”]';

const HEAD_FIRST = new RegExp(`${NOT_WORD}(${alt(LATIN_HEADS)})\\s+(?:(de|d['’]|du|des|of|of the|al-)\\s*)?(${NAME})`, 'gu');
const HEAD_FIRST_LOWER = new RegExp(`${NOT_WORD}(${alt(LATIN_HEADS).toLowerCase()})\\s+(?:(de|d['’])\\s*)?(${NAME})`, 'gu');
/** Before a trailing head, only capitalised words: "Fighters of the Fatemiyoun Brigade" is the Fatemiyoun Brigade. */
const TIGHT_NAME = `${CAP}(?:\\s+${CAP}){0,4}`;
const HEAD_LAST = new RegExp(`${NOT_WORD}(${TIGHT_NAME})\\s+(${alt(LATIN_TRAILING_HEADS)})(?![\\p{L}\\p{N}])`, 'gu');
const LATIN_CUE = new RegExp(`${NOT_WORD}(?:${alt(LATIN_CUES)})\\s*[:,]?\\s*(?:${QUOTED}|(?:(?:the|le|la|les)\\s+)?(${NAME}))`, 'gu');
const ARABIC_CUE = new RegExp(`(?<![\\u0600-\\u06FF])(?:${ARABIC_CUES.join('|')})\\s*[:،]?\\s*(?:${QUOTED}|([\\u0600-\\u06FF][\\u0600-\\u06FF\\s]{1,80}))`, 'gu');
const ARABIC_HEAD = new RegExp(`(?<![\\u0600-\\u06FF])(${ARABIC_HEADS.join('|')})\\s+([\\u0600-\\u06FF][\\u0600-\\u06FF\\s]{1,80})`, 'gu');

/** "90e brigade", "4th Division", "الفرقة 17": a number or ordinal just before the unit word. */
const NUMBERED_BEFORE = /(?:\d+\s*(?:e|er|ère|ème|eme|th|st|nd|rd|ᵉ)?|[IVX]+e?)\s+(?:[\p{L}-]+\s+)?$/u;

function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?؟\n]+(?:[.!?؟]+|\n|$)/gu;
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Capitalised words that are all generic ("The Fourth", "Syrian Army") are no name. */
function isGenericLatin(name: string): boolean {
  const ws = name.toLowerCase().split(/[\s'’-]+/).filter((w) => !['al', 'el', 'of', 'de', 'du', 'des', 'd'].includes(w));
  return ws.length === 0 || ws.some((w) => GENERIC_NAME_WORDS.has(w) && ws.length === 1) || ws.every((w) => GENERIC_NAME_WORDS.has(w))
    || ws.some((w) => /^(?:first|second|third|fourth|fifth|premi|deuxi|troisi|quatri|cinqui)/.test(w));
}

/** A word that reads as a verb or carries a pronoun ("ينقل", "نقلت", "عناصره"): the name has ended.
 * Arabic has no capitals to tell a name from the sentence going on, so this errs toward shorter names. */
const looksLikeVerb = (w: string): boolean => !w.startsWith('ال') && (/^[يتن]/.test(w) || /(?:ت|وا|ها|هم)$/.test(w));

/** The Arabic name words after a head or cue: up to four, stopping at a preposition, a verb or a generic word. */
function arabicName(tail: string): string | undefined {
  const ws: string[] = [];
  for (const w of tail.split(/\s+/)) {
    if (!w || ARABIC_STOP.has(w) || ws.length >= 4 || (ws.length > 0 && looksLikeVerb(w))) break;
    if (ARABIC_GENERIC.has(w)) return ws.length > 0 ? ws.join(' ') : undefined;
    ws.push(w);
  }
  return ws.length > 0 ? ws.join(' ') : undefined;
}

function latinSpans(text: string): Span[] {
  const out: Span[] = [];
  const numbered = (at: number) => NUMBERED_BEFORE.test(text.slice(Math.max(0, at - 24), at));
  for (const re of [HEAD_FIRST, HEAD_FIRST_LOWER]) {
    for (const m of text.matchAll(re)) {
      const head = m[1]!;
      const capitalHead = head[0] === head[0]!.toUpperCase();
      if (re === HEAD_FIRST && !capitalHead) continue; // lower-case heads go through the stricter pattern
      if (numbered(m.index) || isGenericLatin(m[3]!)) continue;
      out.push({ name: m[0], start: m.index, end: m.index + m[0].length, kindHint: 'formation' });
    }
  }
  for (const m of text.matchAll(HEAD_LAST)) {
    const name = m[1]!.replace(/^(?:The|La|Le|Les)\s+/u, '');
    const start = m.index + m[0].length - name.length - 1 - m[2]!.length;
    if (numbered(start) || isGenericLatin(name)) continue;
    out.push({ name: `${name} ${m[2]}`, start, end: m.index + m[0].length, kindHint: 'formation' });
  }
  for (const m of text.matchAll(LATIN_CUE)) {
    const name = (m[1] ?? m[2])?.trim();
    if (!name || !namesAGroup(text, m.index)) continue;
    if (!/[\p{Lu}\u0600-\u06FF]/u.test(name) || isGenericLatin(name)) continue;
    const start = m.index + m[0].lastIndexOf(name);
    out.push({ name, start, end: start + name.length, kindHint: 'named' });
  }
  return out;
}

function arabicSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(ARABIC_HEAD)) {
    const rest = arabicName(m[2]!);
    if (!rest) continue;
    const name = `${m[1]} ${rest}`;
    out.push({ name, start: m.index, end: m.index + m[0].indexOf(rest) + rest.length, kindHint: 'formation' });
  }
  for (const m of text.matchAll(ARABIC_CUE)) {
    const name = m[1]?.trim() ?? arabicName(m[2]!);
    if (!name || !namesAGroup(text, m.index)) continue;
    if (ARABIC_GENERIC.has(name.split(/\s+/)[0]!)) continue;
    const start = m.index + m[0].indexOf(name);
    out.push({ name, start, end: start + name.length, kindHint: 'named' });
  }
  return out;
}

/** A naming cue names a group when a group noun stands in the 60 characters before it, with no person after that noun. */
function namesAGroup(text: string, cueAt: number): boolean {
  const before = text.slice(Math.max(0, cueAt - 60), cueAt);
  const nouns = [...before.matchAll(new RegExp(GROUP_NOUNS.source, 'giu'))];
  const last = nouns.at(-1);
  return last !== undefined && !PERSON_NOUNS.test(before.slice(last.index + last[0].length));
}

/** Overlapping finds of one name keep the longest (a cue and a head often find the same words). */
function longestFirst(spans: Span[]): Span[] {
  const kept: Span[] = [];
  for (const s of [...spans].sort((a, b) => (b.end - b.start) - (a.end - a.start))) {
    if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function docLang(doc: CandidateDoc): Lang {
  const l = (doc.lang ?? '').slice(0, 2).toLowerCase();
  return l === 'fr' || l === 'ar' ? l : 'en';
}

export function findCandidates(doc: CandidateDoc, result: MatchResult, known: ReadonlySet<string>): FoundCandidate[] {
  const out: FoundCandidate[] = [];
  const seen = new Set<string>();
  const actorHits = result.matches.filter((m) => m.kind === 'actor');
  for (const field of ['title', 'summary', 'text'] as const) {
    const text = doc[field];
    if (!text) continue;
    const sentences = sentencesOf(text);
    const sentenceAt = (pos: number) => sentences.findIndex((s) => pos >= s.start && pos < s.end);
    const hits = actorHits.filter((m) => m.field === field);
    for (const span of longestFirst([...latinSpans(text), ...arabicSpans(text)])) {
      const key = candidateKey(span.name);
      if (!key || known.has(key) || seen.has(key)) continue;
      // The matcher already knows these words as one actor (most of them, or the start: "لواء فاطميون ينقل"): not new.
      const covered = hits.some((m) => m.start < span.end && span.start < m.end
        && (Math.min(m.end, span.end) - Math.max(m.start, span.start) >= 0.6 * (span.end - span.start) || (m.start <= span.start && m.end > span.start)));
      if (covered) continue;
      seen.add(key);
      const si = sentenceAt(span.start);
      const sentence = sentences[si] ?? { start: span.start, end: span.end };
      const counts = new Map<string, number>();
      for (const m of hits) {
        if (m.suppressedBy || m.unconfirmed || (m.start < span.end && span.start < m.end)) continue;
        if (Math.abs(sentenceAt(m.start) - si) <= 1) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
      }
      out.push({
        key, name: span.name, kindHint: span.kindHint, field, start: span.start, end: span.end,
        lang: /[\u0600-\u06FF]/.test(span.name) ? 'ar' : docLang(doc) === 'ar' ? 'en' : docLang(doc),
        evidence: text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim().slice(0, 400),
        nearActors: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id),
      });
    }
  }
  return out;
}
