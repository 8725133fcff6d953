// The token sequences under which one alias is indexed: as split by the tokenizer, plus the forms with
// hyphen/apostrophe-joined parts run together (ez-Zor -> ezzor), so "Deir Ezzor" finds "Deir ez-Zor".
import { normalize } from './normalize.js';
import { WORD_CLASS } from './char-class.js';

/** Per whitespace group: the word parts and whether each gap may be closed. At most 2^5 variants. */
const MAX_JOINABLE_GAPS = 5;

interface Group { parts: string[] }

function splitGroups(norm: string): Group[] {
  const groups: Group[] = [];
  let current: Group = { parts: [] };
  let word = '';
  const flushWord = (): void => {
    if (word) current.parts.push(word);
    word = '';
  };
  for (const ch of norm) {
    const c = ch.charCodeAt(0);
    const isWord = ch.length > 1 || WORD_CLASS[c] === 1;
    if (isWord) { word += ch; continue; }
    flushWord();
    if (/\s/u.test(ch) && current.parts.length > 0) {
      groups.push(current);
      current = { parts: [] };
    }
  }
  flushWord();
  if (current.parts.length > 0) groups.push(current);
  return groups;
}

/** Every way of joining the gaps inside hyphenated groups, first the fully split form. */
export function aliasVariants(written: string): string[][] {
  const groups = splitGroups(normalize(written).text);
  let variants: string[][] = [[]];
  let gapsSeen = 0;
  for (const g of groups) {
    const gaps = g.parts.length - 1;
    const joinable = gapsSeen + gaps <= MAX_JOINABLE_GAPS ? gaps : 0;
    gapsSeen += joinable;
    const forms: string[][] = [];
    for (let mask = 0; mask < 1 << joinable; mask += 1) {
      const form: string[] = [g.parts[0]!];
      for (let k = 1; k < g.parts.length; k += 1) {
        if (mask & (1 << (k - 1))) form[form.length - 1] += g.parts[k]!;
        else form.push(g.parts[k]!);
      }
      forms.push(form);
    }
    variants = variants.flatMap((v) => forms.map((f) => [...v, ...f]));
  }
  const out = withDirectionAdjective(variants.filter((v) => v.length > 0));
  return withArabicFused(withHiatusApostrophe(out));
}

const isArabicWord = (w: string): boolean => /^[\u0621-\u064a]+$/.test(w);

/**
 * Arabic news often runs the words of a place name together (ديرالزور, طيرحرفا): a name of two or three
 * Arabic words is also indexed with each gap closed, one at a time (the words keep their letters, so a
 * fused form is no everyday word).
 */
function withArabicFused(variants: string[][]): string[][] {
  const base = variants[0];
  if (base === undefined || base.length < 2 || base.length > 3 || !base.every(isArabicWord)) return variants;
  const extra: string[][] = [];
  for (let k = 0; k + 1 < base.length; k += 1) extra.push([...base.slice(0, k), base[k]! + base[k + 1]!, ...base.slice(k + 2)]);
  return [...variants, ...extra];
}

/**
 * Two vowels that romanise a hamza or ayn between them (Qaim, Bekaa, Saad, Shia): news also writes the
 * mark as an apostrophe (al-Qa'im, Beka'a, Sa'ad, Shi'a), which splits the word for the tokenizer. The
 * first such place of each word is indexed split too. Latin words only; at most two extra forms.
 */
const HIATUS_PAIR = /(?<=[a-z])(?:a(?=[aei])|[iu](?=a))/;

function withHiatusApostrophe(variants: string[][]): string[][] {
  const base = variants[0];
  if (base === undefined) return variants;
  const extra: string[][] = [];
  base.forEach((word, i) => {
    if (extra.length >= 2 || word.length < 4 || !/^[a-z]+$/.test(word)) return;
    const m = HIATUS_PAIR.exec(word);
    if (m === null) return;
    const cut = m.index + 1;
    extra.push([...base.slice(0, i), word.slice(0, cut), word.slice(cut), ...base.slice(i + 1)]);
  });
  return extra.length > 0 ? [...variants, ...extra] : variants;
}

/** Arabic compass nouns that news also writes as the adjective (جنوب لبنان / جنوبي لبنان). */
const COMPASS = new Set(['جنوب', 'شمال', 'شرق', 'غرب']);

/** "جنوب لبنان" is written "جنوبي لبنان" too: the adjective form of a leading compass noun. */
function withDirectionAdjective(variants: string[][]): string[][] {
  const extra = variants.filter((v) => v.length > 1 && COMPASS.has(v[0]!)).map((v) => [`${v[0]}ي`, ...v.slice(1)]);
  return extra.length > 0 ? [...variants, ...extra] : variants;
}
