// Other Latin spellings of one entity name as news writes them (Abu Kamal / Boukamal / Al-Bukamal,
// Deir ez-Zor / Dayr az-Zawr, Qamishli / Kamishli / Qamichli). Pure and deterministic; it proposes
// only forms the matcher would not already find (case, accents, hyphen joins are its job).
import { HIATUS, LATIN_RULES, ARABIC_NAME_WORDS, type LatinLang, type LatinRule } from './latin-rules.js';
import { articleForms, joinParts, latinParts, type LatinPart } from './latin-parts.js';
import { aliasSignature } from './alias-signature.js';

export const MAX_VARIANTS_PER_NAME = 24;
/** Single changes fill this many places first, then article forms combined with one spelling change. */
const SINGLE_CHANGES_FIRST = 16;
/** At most this many variants from one rule (all occurrences, then each occurrence alone). */
const PER_RULE = 3;

export interface LatinOptions {
  /** The same name in Arabic: tells which words carry the article (الرقة -> ar-Raqqa, al-Raqqa). */
  arabic?: string;
  /** Words left as written (Forces, District, gouvernorat): common words of the name's language. */
  isCommonWord?: (word: string) => boolean;
  max?: number;
}

type Parts = LatinPart[];

function withCase(model: string, text: string): string {
  const upper = model.charAt(0) !== model.charAt(0).toLowerCase();
  return upper ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

const replaced = (parts: Parts, i: number, part: LatinPart): Parts => parts.map((p, k) => (k === i ? part : p));

/** Each article changed to every other form or dropped; each article-less word given an article. */
function articleVariants(parts: Parts): Parts[] {
  const out: Parts[] = [];
  parts.forEach((p, i) => {
    const next = parts[i + 1];
    if (p.kind === 'article' && next) {
      for (const f of articleForms(next.text)) {
        if (f !== p.text.toLowerCase()) out.push(replaced(parts, i, { ...p, text: withCase(p.text, f), sep: '-' }));
      }
      const dropped = parts.filter((_, k) => k !== i);
      dropped[i] = { ...next, text: withCase(i === 0 ? 'A' : next.text, next.text) };
      // French elides before a vowel only: d'Al-Boukamal, but de Boukamal once the article goes.
      const before = dropped[i - 1];
      if (before?.sep === "'" && !/^[aeiouyh]/i.test(next.text)) dropped[i - 1] = { ...before, text: `${before.text}e`, sep: ' ' };
      out.push(dropped);
    } else if (p.articleless) {
      for (const f of articleForms(p.text)) {
        const article: LatinPart = { text: withCase(i === 0 ? 'A' : 'a', f), sep: '-', kind: 'article' };
        out.push([...parts.slice(0, i), article, { ...p, articleless: false }, ...parts.slice(i + 1)]);
      }
    }
  });
  return out;
}

/** The rule applied to every occurrence at once, then to each occurrence alone. */
function ruleVariants(parts: Parts, rule: LatinRule): Parts[] {
  const sites = parts.flatMap((p, i) => (p.kind === 'word' ? [...p.text.matchAll(rule.re)].map((m) => ({ i, m })) : []));
  if (sites.length === 0) return [];
  const rep = (m: RegExpMatchArray): string => withCase(m[0], rule.to.replace(/\$(\d)/g, (_, d: string) => m[Number(d)] ?? ''));
  const apply = (chosen: typeof sites): Parts => parts.map((p, i) => {
    const here = chosen.filter((s) => s.i === i).sort((a, b) => b.m.index! - a.m.index!);
    let text = p.text;
    for (const { m } of here) text = text.slice(0, m.index) + rep(m) + text.slice(m.index! + m[0].length);
    return here.length > 0 ? { ...p, text } : p;
  });
  const out = rule.local ? [] : [apply(sites)];
  if (sites.length > 1 || rule.local) for (const s of sites) out.push(apply([s]));
  return out.slice(0, PER_RULE);
}

const hiatusRule: LatinRule = { cls: 'apostrophe', re: HIATUS, to: "$1'$2" };

/** Two words run together with a hyphen (Abu-Kamal), so the fused spelling (Abukamal) matches too. */
function hyphenVariants(parts: Parts): Parts[] {
  if (parts.filter((p) => p.sep === ' ').length > 2) return [];
  return parts.flatMap((p, i) => (p.sep === ' ' && p.kind === 'word' && parts[i + 1]?.kind === 'word'
    ? [replaced(parts, i, { ...p, sep: '-' })] : []));
}

/** A whole spelling system at once: French writes Djaych for Jaysh (dj and ch together). */
function systemVariant(parts: Parts, rules: LatinRule[]): Parts[] {
  let out = parts;
  for (const r of rules) out = ruleVariants(out, { ...r, local: false })[0] ?? out;
  return out === parts ? [] : [out];
}

function rulesFor(lang: LatinLang): LatinRule[] {
  return [...LATIN_RULES.filter((r) => !r.lang || r.lang === lang), hiatusRule];
}

/**
 * Variants of a Latin-script name, most plausible first: one change at a time (article, ending, u/ou,
 * diphthong, q/k, French consonants, short vowels, doubled letters, apostrophe, hyphen), then article
 * forms combined with one spelling change. At most `max` (24), none equal to the name for the matcher.
 */
export function latinVariants(name: string, lang: LatinLang, opts: LatinOptions = {}): string[] {
  const max = opts.max ?? MAX_VARIANTS_PER_NAME;
  const common = opts.isCommonWord ?? (() => false);
  const parts = latinParts(name, (w) => ARABIC_NAME_WORDS.has(w.toLowerCase()) || !common(w), opts.arabic);
  const rules = rulesFor(lang);
  const articles = articleVariants(parts);
  const system = systemVariant(parts, rules.filter((r) => r.cls === 'french' && r.lang === lang));
  const single = [...articles, ...rules.flatMap((r) => ruleVariants(parts, r)), ...system, ...hyphenVariants(parts)];
  const combined = articles.flatMap((a) => rules.map((r) => ruleVariants(a, r)[0]).filter((v): v is Parts => !!v));
  const seen = new Set([aliasSignature(name)]);
  const out: string[] = [];
  const take = (list: Parts[], limit: number): void => {
    for (const v of list) {
      if (out.length >= limit) return;
      const text = joinParts(v);
      const sig = aliasSignature(text);
      if (!seen.has(sig)) { seen.add(sig); out.push(text); }
    }
  };
  take(single, Math.min(max, SINGLE_CHANGES_FIRST));
  take(combined, max);
  take(single, max);
  return out;
}
