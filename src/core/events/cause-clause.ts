// Whether a cue sits in a clause that tells what the main clause follows or answers ("after Hezbollah's
// rockets", "en représailles à des tirs", "ردا على القصف"): EVAL.md types the lead's main clause, the
// reply, not its cause. Read on the text as written, back from the cue to the clause's edge.

/** Words that open such a clause, at a word start (any case; Arabic with or without its hamza). */
const OPENER = /(?:^|[^\p{L}])(?:after|following|in (?:response|retaliation|reply) to|in retaliation for|après|suite à|en (?:réponse|riposte|représailles?) (?:à|aux?)|و?رد[اًا]* على|و?عقب)(?![\p{L}])/iu;
/** A clause's edge: a comma, a semicolon, a colon, a dash or a bracket. */
const EDGE = /[,;:،؛—–(]/;
/** How far back from the cue a clause opener is looked for, in characters. */
const REACH = 90;

/** Whether a sentence holds a clause opener at all: one test per sentence, most have none. */
const ANY_OPENER = /\b(?:after|following|in re|après|suite|en r)|رد|عقب/i;
export const mayHoldCause = (sentence: string): boolean => ANY_OPENER.test(sentence);

/** Whether the cue starting at `at` in `text` (a sentence starting at `from`) is inside a cause clause. */
export function inCauseClause(text: string, from: number, at: number): boolean {
  let start = Math.max(from, at - REACH);
  for (let i = at - 1; i >= start; i -= 1) {
    if (EDGE.test(text[i]!)) { start = i + 1; break; }
  }
  return OPENER.test(text.slice(start, at));
}
