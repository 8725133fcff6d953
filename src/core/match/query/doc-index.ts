// The word positions of one document for keyword queries: every token with its Arabic clitic forms
// (والبوكمال also reads as البوكمال and بوكمال). Built once per document, shared by all rules.
import type { Token } from '../tokenize.js';
import { MIN_REMAINDER } from '../arabic-variants.js';
import { NEAR_MAX } from './query-node.js';

export interface DocIndex {
  /** Forms a word may take anywhere in a phrase (itself, article toggled). */
  cont: string[][];
  /** Forms a word may take as the first word of a term or phrase (also proclitics stripped). */
  lead: string[][];
  /** lead form -> positions. */
  byForm: Map<string, number[]>;
}

const AL = 'ال';
const isArabic = (w: string): boolean => w.charCodeAt(0) >= 0x620 && w.charCodeAt(0) <= 0x6ff;

function toggleArticle(w: string): string | undefined {
  if (w.startsWith(AL)) return w.length - 2 >= MIN_REMAINDER ? w.slice(2) : undefined;
  return w.length >= MIN_REMAINDER ? AL + w : undefined;
}

/** The string twin of leadingVariants() in arabic-variants.ts (same rule, see README.md). */
function leadForms(w: string): string[] {
  const forms: string[] = [];
  const rests: string[] = [];
  if ('وفبلك'.includes(w[0]!)) rests.push(w.slice(1));
  if ('وف'.includes(w[0]!) && 'بلك'.includes(w[1] ?? '')) rests.push(w.slice(2));
  for (const r of rests) {
    if (r.length < MIN_REMAINDER) continue;
    forms.push(r);
    const t = toggleArticle(r);
    if (t) forms.push(t);
  }
  for (const r of 'وف'.includes(w[0]!) ? [w, w.slice(1)] : [w]) {
    if (r.startsWith('لل') && r.length - 2 >= MIN_REMAINDER) forms.push(`ا${r.slice(1)}`, r.slice(2));
  }
  return forms;
}

const GAP: string[] = [];

/** Indexes the tokens of several fields; fields are kept NEAR_MAX + 1 empty positions apart. */
export function indexTokens(...fields: Token[][]): DocIndex {
  const index: DocIndex = { cont: [], lead: [], byForm: new Map() };
  fields.forEach((tokens, f) => {
    if (f > 0) for (let k = 0; k <= NEAR_MAX; k += 1) { index.cont.push(GAP); index.lead.push(GAP); }
    for (const t of tokens) {
      const cont = [t.norm];
      if (isArabic(t.norm)) { const x = toggleArticle(t.norm); if (x) cont.push(x); }
      const lead = isArabic(t.norm) ? [...new Set([...cont, ...leadForms(t.norm)])] : cont;
      const pos = index.cont.length;
      index.cont.push(cont);
      index.lead.push(lead);
      for (const form of lead) {
        const list = index.byForm.get(form);
        if (list) list.push(pos); else index.byForm.set(form, [pos]);
      }
    }
  });
  return index;
}
