// Reads the numbers a text writes, in digits (Western, Eastern Arabic, Persian) or in French, English
// and Arabic words, with their offsets, and marks the ones that are not counts of people: dates, years,
// times, ages, unit numbers, distances, money, shares and counts of things. Pure; no casualty logic.
import { APPROX, DUAL, foldArabic, FR_AFTER_ET, isScale, NUMBER_WORDS, wordValue } from './number-words.js';
import { DROPPED, foldUnit } from './fold-for-cues.js';

export interface NumberSpan {
  value: number;
  start: number;
  end: number;
  /** Why this number is not a count of people (date, year, age, unit, distance, money, thing...). */
  trap?: string;
  /** A vague round size ("une cinquantaine", "a dozen"). */
  approx?: boolean;
}

/** The text tokens are cut from, lowered once when a first key is asked for. */
interface Source { text: string; lowered?: string }

/**
 * A word or digit run. Its key (lowered, Arabic folded) is made when asked for: only numbers and the
 * words around them need one, most words of a sentence are never looked at.
 */
class Tok {
  private k: string | undefined;
  constructor(private readonly src: Source, readonly start: number, readonly end: number, readonly digits: boolean) {}
  /** As written. */
  get text(): string { return this.src.text.slice(this.start, this.end); }
  get key(): string {
    if (this.k !== undefined) return this.k;
    const { text } = this.src;
    this.src.lowered ??= text.toLowerCase();
    // Lowering keeps the length but for İ: then the word is lowered alone.
    const lower = this.src.lowered.length === text.length ? this.src.lowered.slice(this.start, this.end) : this.text.toLowerCase();
    // Arabic folding only for Arabic words (most tokens are Latin, or come folded already).
    this.k = !this.digits && lower.charCodeAt(0) >= 0x600 ? foldArabic(lower) : lower;
    return this.k;
  }
}

const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
/** Letters of the scripts read (Latin with accents, Arabic with its marks and tatweel). */
const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  || (c >= 0x620 && c <= 0x65f) || c === 0x640 || c === 0x670 || (c >= 0x671 && c <= 0x6d3);
const isJoiner = (c: number): boolean => c === 0x2d || c === 0x27 || c === 0x2019;
/** Thousands separators: "1,200", "1.200", "1 200", "١٬٢٠٠". */
const isGroupMark = (c: number): boolean => c === 0x2c || c === 0x2e || c === 0x66c || c === 0xa0 || c === 0x202f || c === 0x20;

/** End of a digit run with thousands groups from `i` (a group is a mark and exactly three digits). */
function digitsEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isDigit(text.charCodeAt(j))) j += 1;
  while (j + 3 < text.length + 0 && isGroupMark(text.charCodeAt(j)) && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2))
    && isDigit(text.charCodeAt(j + 3)) && !(j + 4 < text.length && isDigit(text.charCodeAt(j + 4)))) j += 4;
  return j;
}

/** End of a word from `i`: letters, joined by hyphens or apostrophes to more letters ("vingt-trois"). */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    while (j < text.length && isLetter(text.charCodeAt(j))) j += 1;
    if (j + 1 < text.length && isJoiner(text.charCodeAt(j)) && isLetter(text.charCodeAt(j + 1))) { j += 1; continue; }
    return j;
  }
}

function digitValue(s: string): number {
  let v = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x660 && c <= 0x669 ? c - 0x660 : c >= 0x6f0 && c <= 0x6f9 ? c - 0x6f0 : -1;
    if (d >= 0) v = v * 10 + d;
  }
  return v;
}

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  const src: Source = { text };
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    const digits = isDigit(c);
    if (!digits && !isLetter(c)) { i += 1; continue; }
    const end = digits ? digitsEnd(text, i) : wordEnd(text, i);
    out.push(new Tok(src, i, end, digits));
    i = end;
  }
  return out;
}

/** The first two letters of a word folded (lowered, marks dropped, hamza seats as alif), as one small
 * number (-1 past the Latin and Arabic letters, which open no number word). */
function openingOf(text: string, start: number, end: number): number {
  let key = 0;
  let n = 0;
  for (let i = start; i < end && n < 2; i += 1) {
    const f = foldUnit(text.charCodeAt(i));
    if (f === DROPPED) continue;
    if (f < 0 || f >= 0x800) return -1;
    key = key * 0x800 + f;
    n += 1;
  }
  return n === 2 ? key : key * 0x800;
}

/** Openings of every word that can start a number: a word with another opening is passed over unread. */
const NUMBER_OPENINGS = new Set(NUMBER_WORDS.map((w) => openingOf(w, 0, w.length)));

const MONTHS = new Set(('january february march april may june july august september october november december '
  + 'jan feb mar apr jun jul aug sep sept oct nov dec janvier février fevrier mars avril mai juin juillet août aout septembre '
  + 'octobre novembre décembre decembre يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر '
  + 'كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين').split(' '));

/** The word after a number that says what it counts when that is not people. */
const NEXT_TRAP: Array<[string, RegExp]> = [
  ['distance', /^(?:km|kms|kilom[eè]tres?|kilometers?|kilometres?|miles?|m[eè]tres?|meters?|metres?|كم|كيلومتر|كيلومترا|كيلومترات|كلم|متر|مترا|امتار)$/],
  ['age', /^(?:ans|year-old|years-old|عاما|سنه|سنوات|اعوام)$/],
  ['time', /^(?:heures?|hours?|minutes?|jours?|days?|semaines?|weeks?|mois|months?|years?|années?|ساعه|ساعات|دقيقه|دقائق|يوما|ايام|اسبوعا|اسابيع|شهرا|اشهر|شهور)$/],
  ['money', /^(?:dollars?|euros?|livres?|pounds?|usd|dinars?|دولار|دولارا|يورو|ليره|دينار|مليون|milliards?|millions?|billions?)$/],
  ['share', /^(?:percent|pour|per|بالمئه|بالمائه)$/],
  ['thing', /^(?:strikes?|airstrikes?|frappes?|raids?|غارات|غاره|ضربات|missiles?|صواريخ|صاروخ|صاروخا|rockets?|roquettes?|obus|shells?|قذائف|قذيفه|drones?|مسيرات|مسيره|villages?|قري|قريه|vehicles?|véhicules?|اليات|اليه|سيارات|buildings?|bâtiments?|مباني|houses?|maisons?|منازل|منزلا|tonnes?|tons?|kg|targets?|cibles?|اهداف|هدفا|sites?|مواقع|موقعا|points?|نقاط|attacks?|attaques?|هجمات|times?|fois|مرات|مره|operations?|opérations?|عمليات|camps?|مخيمات|checkpoints?|حواجز|tanks?|chars?|دبابات|weapons?|armes?|اسلحه|positions?|مراكز|hospitals?|hôpitaux|hôpital|مستشفيات|مستشفي|مشافي|km²)$/],
];

/** Words for people (and their dead or wounded) right after a number: it counts them. */
const COUNTED_PEOPLE = /^(?:people|persons|civilians|soldiers|fighters|militants|killed|dead|wounded|injured|personnes|civils|soldats|combattants|militaires|morts|tués|blessés|victimes|شخص|شخصا|اشخاص|مدني|مدنيا|مدنيين|قتيل|قتيلا|قتلي|جريح|جريحا|جرحي|عنصر|عنصرا|عناصر|شهيد|شهيدا|شهداء|مقاتل|مقاتلا|جندي|جنديا)$/;

/** The word before a number that makes it a name or a date, not a count. */
const PREV_TRAP: Array<[string, RegExp]> = [
  ['unit', /^(?:brigade|brigades|regiment|régiment|division|battalion|bataillon|لواء|اللواء|الفرقه|فرقه|الفوج|فوج|كتيبه|الكتيبه|no|n°|numéro|number|route|resolution|résolution|article|page|قرار|القرار|رقم)$/],
  ['age', /^(?:aged|âgé|âgée|âgés|age|ages|عمره|عمرها|عمر|البالغ)$/],
  ['year', /^(?:in|en|since|depuis|منذ|عام|سنه|year|année|l'an|of)$/],
  // The object of a preposition counts a place, a time or an attacker, not victims ("tués dans deux attentats",
  // "killed in two strikes", "wounded by three gunmen", "قتل في 3 غارات").
  ['object', /^(?:in|into|during|across|by|dans|pendant|par|في|خلال)$/],
];

function trapOf(text: string, toks: Tok[], i: number, j: number, value: number, digits: boolean): string | undefined {
  const first = toks[i]!;
  const last = toks[j]!;
  const after = text.slice(last.end, last.end + 3);
  if (digits) {
    if (/^[.,٫]\d/.test(after)) return 'decimal';
    if (/^(?::\d|[hH]\d|[hH]\b|[hH]$)/.test(after)) return 'time';
    if (/\d[:hH]$/.test(text.slice(first.start - 2, first.start))) return 'time';
    if (/^\s?%|^\s?٪/.test(after)) return 'share';
    if (/^[\p{L}]/u.test(after) && !/^[\u0600-\u06ff]/.test(after)) return 'ordinal';
    if (/^-\s?(?:year|ans|an\b)/i.test(text.slice(last.end, last.end + 8))) return 'age';
    const before = text.slice(Math.max(0, first.start - 2), first.start);
    if (/\d[.,٫]$/.test(before)) return 'decimal';
    if (/^[/\-.]\d/.test(after) || /\d[/\-]$/.test(before)) return 'date';
    // "2000 people", "1950 قتيلا": a count that looks like a year is one when people follow it.
    if (first.text.length === 4 && value >= 1900 && value <= 2100 && !COUNTED_PEOPLE.test(toks[j + 1]?.key ?? '')) return 'year';
  }
  if (text.slice(first.start - 1, first.start) === '$' || /^\s?(?:\$|€|£)/.test(after)) return 'money';
  // "une trentaine de kilomètres", "dozens of miles": what is counted comes after "de" / "of".
  const next = /^(?:de|d|of)$/.test(toks[j + 1]?.key ?? '') ? toks[j + 2] : toks[j + 1];
  const prev = toks[i - 1];
  if (next && (MONTHS.has(next.key) || MONTHS.has(next.key.replace(/^[وب]/, '')))) return 'date';
  if (prev && MONTHS.has(prev.key) && value <= 31) return 'date';
  if (next && next.start - last.end <= 5) for (const [why, re] of NEXT_TRAP) if (re.test(next.key)) return why;
  // "5 في المئة" is a share; "قتل شخصان في الغارة" is not ("في" is "in" far more often).
  if (next?.key === 'في' && /^(?:المئه|المائه|مئه|مائه)$/.test(toks[j + 2]?.key ?? '')) return 'share';
  if (prev && first.start - prev.end <= 2) {
    for (const [why, re] of PREV_TRAP) if (re.test(prev.key) && (why !== 'year' || (value >= 1900 && value <= 2100))) return why;
  }
  return undefined;
}

/** Value of number words from toks[i] on: [value, last token index], or undefined. */
function readWords(toks: Tok[], i: number): [number, number] | undefined {
  let total = 0;
  let current = 0;
  let j = i;
  let last = -1;
  for (; j < toks.length; j += 1) {
    const t = toks[j]!;
    if (t.digits) break;
    if (j > i && t.start - toks[j - 1]!.end > 2) break;
    const parts = !t.key.includes('-') ? [t.key] : t.key.startsWith('quatre-vingt') ? ['quatre-vingt', ...t.key.split('-').slice(2)] : t.key.split('-');
    const afterEt = j > i && (toks[j - 1]!.key === 'et');
    const values = parts.map((p) => wordValue(p) ?? (afterEt ? FR_AFTER_ET.get(p) : undefined));
    if (values.some((v) => v === undefined)) {
      // "vingt et un", "one hundred and five": a connector only between number words.
      if ((t.key === 'et' || t.key === 'and') && last === j - 1 && current + total >= 20) continue;
      break;
    }
    for (const v of values as number[]) {
      if (isScale(v)) {
        if (v === 1000) { total += (current || 1) * v; current = 0; } else current = (current || 1) * v;
      } else current += v;
    }
    last = j;
  }
  return last < 0 ? undefined : [total + current, last];
}

const RANGE = /^\s*(?:-|–|—|to|à|a|إلى|الى|او|أو|or|ou)\s*$/i;
const BETWEEN = /^(?:between|entre|بين|ما)$/;

/** Whether `text` has a digit or a word that may open a number (most sentences with a casualty word have none). */
function mayHoldNumber(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) return true;
    if (!isLetter(c) || (i > 0 && isLetter(text.charCodeAt(i - 1)))) continue;
    if (NUMBER_OPENINGS.has(openingOf(text, i, wordEnd(text, i)))) return true;
  }
  return false;
}

/** Every number of `text`, in order, trapped ones included (with their trap). */
export function readNumbers(text: string): NumberSpan[] {
  if (!mayHoldNumber(text)) return [];
  const toks = tokens(text);
  const out: Array<NumberSpan & { i: number; j: number }> = [];
  for (let i = 0; i < toks.length; i += 1) {
    const t = toks[i]!;
    let value: number;
    let j = i;
    let approx = false;
    if (t.digits) value = digitValue(t.text);
    else if (!NUMBER_OPENINGS.has(openingOf(text, t.start, t.end))) continue;
    else if (DUAL.has(t.key)) value = DUAL.get(t.key)!;
    else if (APPROX.has(t.key)) {
      const prev = toks[i - 1]?.key ?? '';
      if (!/^(?:une|a|an|one|environ|about)$/.test(prev)) continue;
      value = APPROX.get(t.key)!;
      approx = true;
    } else {
      // Most words are not numbers: one lookup before the compound reader.
      if (!t.key.includes('-') && wordValue(t.key) === undefined) continue;
      const w = readWords(toks, i);
      if (!w) continue;
      // "per cent", "pour cent": a share, not a hundred.
      if (/^(?:per|pour)$/.test(toks[i - 1]?.key ?? '') && w[0] === 100) continue;
      [value, j] = w;
    }
    const trap = trapOf(text, toks, i, j, value, t.digits);
    out.push({ value, start: t.start, end: toks[j]!.end, i, j, ...(trap ? { trap } : {}), ...(approx ? { approx } : {}) });
    i = j;
  }
  return mergeRanges(text, toks, out).map(({ i: _i, j: _j, ...span }) => span);
}

/** "10 to 12", "entre 10 et 12", "بين 10 و12": one number, the upper bound (EVAL.md). */
function mergeRanges(text: string, toks: Tok[], spans: Array<NumberSpan & { i: number; j: number }>): Array<NumberSpan & { i: number; j: number }> {
  const out: Array<NumberSpan & { i: number; j: number }> = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && !prev.trap && !s.trap) {
      const between = text.slice(prev.end, s.start);
      const opened = BETWEEN.test(toks[prev.i - 1]?.key ?? '') && /^\s*(?:and|et|و)\s*$/.test(between);
      if (RANGE.test(between) || opened) {
        out[out.length - 1] = { ...prev, value: Math.max(prev.value, s.value), end: s.end, j: s.j };
        continue;
      }
    }
    out.push(s);
  }
  return out;
}
