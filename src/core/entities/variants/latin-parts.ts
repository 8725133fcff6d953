// Cuts a Latin name into the parts latinVariants rewrites: words, articles (al-, el-, ez-, fused Al),
// and the separators between them; and puts them back together. Pure.
import { ARTICLE, SUN_LETTERS } from './latin-rules.js';

export interface LatinPart {
  text: string;
  /** What follows the part: ' ', '-', "'" or '' at the end. */
  sep: string;
  /** word: may vary; article: an article form; fixed: left as written (common words, letters, digits). */
  kind: 'word' | 'article' | 'fixed';
  /** A word that the Arabic name writes with ال but the Latin name without: an article may be added. */
  articleless?: boolean;
}

const ARABIC_ARTICLE = /^(?:[وفبلك])?ال/;

/** Whether an assimilated article fits the next word (ez-Zor, ar-Raqqa; not ez-Raqqa). */
function articleFits(article: string, next: string): boolean {
  const a = article.toLowerCase();
  if (/^[aeiu]l$/.test(a)) return true;
  return next.toLowerCase().startsWith(a.slice(1));
}

/** French elision (d'Alep, l'Iran) is cut off; an apostrophe inside a name (Kata'ib) stays in its word. */
const ELISION = /^(d|l|qu|j|n|s)['’](\p{L}.*)$/iu;

function splitRaw(name: string): Array<{ text: string; sep: string }> {
  const out: Array<{ text: string; sep: string }> = [];
  const re = /([^\s-]+)(\s+|-|$)/g;
  for (let m = re.exec(name); m && m[0] !== ''; m = re.exec(name)) {
    const elided = ELISION.exec(m[1]!);
    if (elided) out.push({ text: elided[1]!, sep: "'" });
    out.push({ text: elided ? elided[2]! : m[1]!, sep: m[2] === '' ? '' : /\s/.test(m[2]!) ? ' ' : '-' });
  }
  return out;
}

/** Space-separated groups of the Arabic name that carry the article, by position. */
function arabicArticles(arabic: string | undefined, groups: number): boolean[] | undefined {
  const tokens = arabic?.trim().split(/\s+/);
  if (!tokens || tokens.length !== groups) return undefined;
  return tokens.map((t) => ARABIC_ARTICLE.test(t) && t.length >= 5);
}

/** Cuts `name`; `vary(word)` says whether a word may be respelt; `arabic` is the same name in Arabic. */
export function latinParts(name: string, vary: (word: string) => boolean, arabic?: string): LatinPart[] {
  const raw = splitRaw(name);
  const parts: LatinPart[] = raw.map((r, i) => {
    const next = raw[i + 1];
    const isArticle = next !== undefined && ARTICLE.test(r.text) && articleFits(r.text, next.text)
      && (r.sep === '-' || (r.sep === ' ' && /^[ae]l$/i.test(r.text)));
    const variable = /^\p{L}[\p{L}'’]*\p{L}$/u.test(r.text) && vary(r.text);
    return { text: r.text, sep: r.sep, kind: isArticle ? 'article' : variable ? 'word' : 'fixed' };
  });
  // A group is one Arabic word: "Al Bukamal" (article, space, word) is one, like "Al-Bukamal".
  const groupStarts = parts.flatMap((p, i) => (i === 0 || (parts[i - 1]!.sep === ' ' && parts[i - 1]!.kind !== 'article') ? [i] : []));
  // Words align with the Arabic by position only in a bare name: "X Governorate" is "محافظة X".
  const bare = parts.every((p) => p.kind !== 'fixed');
  const withArticle = bare ? arabicArticles(arabic, groupStarts.length) : undefined;
  if (!withArticle) return parts;
  const out: LatinPart[] = [];
  parts.forEach((p, i) => {
    const g = groupStarts.indexOf(i);
    const fused = /^(al|el)(\p{L}{4,})$/iu.exec(p.text);
    if (g >= 0 && withArticle[g] && p.kind === 'word' && fused) {
      out.push({ text: fused[1]!, sep: '-', kind: 'article' });
      out.push({ ...p, text: fused[2]!.charAt(0).toUpperCase() + fused[2]!.slice(1) });
    } else out.push(g >= 0 && withArticle[g] && p.kind === 'word' ? { ...p, articleless: true } : p);
  });
  return out;
}

export function joinParts(parts: readonly LatinPart[]): string {
  return parts.map((p) => p.text + p.sep).join('').trim();
}

/** Article forms for the word `next`: al-, el-, the assimilated ones for sun letters (az-, ez-). */
export function articleForms(next: string): string[] {
  const sun = SUN_LETTERS.exec(next)?.[1]?.toLowerCase();
  return sun && sun !== 'l' ? ['al', 'el', `a${sun}`, `e${sun}`] : ['al', 'el'];
}
