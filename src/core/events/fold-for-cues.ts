// Folds a text for cue search: Arabic short vowels and tatweel dropped (قُتل -> قتل), then lower case and
// one letter for the hamza seats, taa marbuta and alif maqsura. `at[i]` is where folded unit i was in
// the text, so what is found in the folded text can be quoted from the original.

export interface Folded { text: string; at: number[] }

const MARK = /[\u064b-\u0652\u0670\u0640]/;

export function foldText(text: string): Folded {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (MARK.test(ch)) continue;
    const lower = ch.toLowerCase();
    const c = lower.length === 1 ? lower : ch;
    out += c === 'أ' || c === 'إ' || c === 'آ' || c === 'ٱ' ? 'ا' : c === 'ة' ? 'ه' : c === 'ى' ? 'ي' : c;
    at.push(i);
  }
  at.push(text.length);
  return { text: out, at };
}

/** The folded text alone (cue patterns are written for it). */
export const foldForCues = (text: string): string => foldText(text).text;
