// Folds a text for cue search without moving offsets: lower case, Arabic hamza seats, taa marbuta and
// alif maqsura to one letter each (one unit for one unit, so a cue's offsets are the text's).

export function foldForCues(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const c = lower.length === ch.length ? lower : ch;
    out += c === 'أ' || c === 'إ' || c === 'آ' || c === 'ٱ' ? 'ا' : c === 'ة' ? 'ه' : c === 'ى' ? 'ي' : c;
  }
  return out;
}
