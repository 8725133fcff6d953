// Other Arabic forms of one entity name that the matcher would not find by itself: a state's nisba
// and plurals (إيران -> إيراني إيرانية إيرانيين), a movement's plural (الحوثي -> الحوثيين), compounds
// written fused or apart (حزب الله / حزبالله, أبو كمال / البوكمال), loanwords spelt two ways (ميليشيا / مليشيا). The matcher already strips
// proclitics (و ف ب ل ك لل) and toggles ال, so no form here differs only by those. Pure.
import { STATE_DEMONYMS, type Demonym } from './state-demonyms.js';
import { otherSpellings } from './arabic-spellings.js';
import { aliasSignature } from './alias-signature.js';
import { MAX_VARIANTS_PER_NAME } from './latin-variants.js';

export interface ArabicOptions { kind?: string; type?: string; max?: number }

/** First words of compounds that news writes fused or apart: أبو كمال / أبوكمال, عبد الله / عبدالله. */
const FUSING_HEADS = ['أبو', 'ابو', 'عبد', 'أم', 'ام', 'بني', 'بو', 'البو'];
const GOD = 'الله';

const stripArticle = (w: string): string => (w.startsWith('ال') && w.length >= 5 ? w.slice(2) : w);

/** The regular nisba: إيران -> إيراني, أمريكا -> أمريكي, روسيا -> روسي, السعودية -> سعودي. */
export function regularNisba(name: string): string {
  const bare = stripArticle(name);
  if (bare.endsWith('يا')) return bare.slice(0, -1);
  if (bare.endsWith('ية')) return bare.slice(0, -1);
  if (bare.endsWith('ا') || bare.endsWith('ة')) return `${bare.slice(0, -1)}ي`;
  return `${bare}ي`;
}

/** Adjective (m, f) and plurals of a state: the table's, else the regular oblique -ين and nominative -ون. */
function stateForms(name: string): string[] {
  const table: Demonym | undefined = STATE_DEMONYMS[name.trim()];
  if (!table && /\s/.test(name.trim())) return [];
  const nisbas = table?.nisba ?? [regularNisba(name.trim())];
  const plurals = table?.plurals ?? nisbas.flatMap((n) => [`${n}ين`, `${n}ون`]);
  return [...nisbas.flatMap((n) => [n, `${n}ة`]), ...plurals];
}

/** A movement named by a nisba (الحوثي): its plurals الحوثيين / الحوثيون. */
function groupPlurals(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1]!;
  if (words.length > 2 || !last.endsWith('ي') || stripArticle(last).length < 4) return [];
  return ['ين', 'ون'].map((s) => [...words.slice(0, -1), last + s].join(' '));
}

/** Compounds fused (أبو كمال -> أبوكمال, حزب الله -> حزبالله) and fused ones split (البوكمال -> البو كمال). */
function compoundForms(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i += 1) {
    if (FUSING_HEADS.includes(words[i]!) || words[i + 1] === GOD) {
      out.push([...words.slice(0, i), words[i]! + words[i + 1]!, ...words.slice(i + 2)].join(' '));
    }
  }
  words.forEach((w, i) => {
    const head = FUSING_HEADS.find((h) => w.startsWith(h) && w.length - h.length >= 3);
    const split = (h: string, rest: string): string => [...words.slice(0, i), h, rest, ...words.slice(i + 1)].join(' ');
    if (head) out.push(split(head, w.slice(head.length)));
    if (head === 'البو') out.push(split('أبو', w.slice(head.length)));
    if (w.endsWith(GOD) && w.length - GOD.length >= 3) out.push(split(w.slice(0, -GOD.length), GOD));
  });
  return out;
}

/** One word respelt (ميليشيا الدفاع الوطني -> مليشيا الدفاع الوطني), one word at a time. */
function spellingForms(name: string): string[] {
  const words = name.trim().split(/\s+/);
  return words.flatMap((w, i) => otherSpellings(w).map((o) => [...words.slice(0, i), o, ...words.slice(i + 1)].join(' ')));
}

/** Arabic variants of `name`, at most `max` (24), none indexed like the name itself. */
export function arabicVariants(name: string, opts: ArabicOptions = {}): string[] {
  const max = opts.max ?? MAX_VARIANTS_PER_NAME;
  const forms = [
    ...(opts.kind === 'actor' && opts.type === 'state' ? stateForms(name) : []),
    ...(opts.kind === 'actor' && opts.type !== 'state' ? groupPlurals(name) : []),
    ...compoundForms(name),
    ...spellingForms(name),
  ];
  const seen = new Set([aliasSignature(name)]);
  const out: string[] = [];
  for (const f of forms) {
    const sig = aliasSignature(f);
    if (out.length < max && !seen.has(sig)) { seen.add(sig); out.push(f); }
  }
  return out;
}
