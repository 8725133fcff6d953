// Names people give things (subscriptions, sources, API keys, entity names and aliases) are shown in
// terminals, e-mails, Atom feeds and web pages: one rule, shared by the API, the CLI and config files.
import { z } from 'zod';

// C0 and C1 controls (tab and newline included: a name is one line), DEL, the Unicode line and
// paragraph separators, and the bidi embeddings, overrides and isolates that reorder what follows
// (the "Trojan Source" characters, CVE-2021-42574). Marks such as U+200F RLM and U+061C ALM stay allowed.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const SURROGATE = /[\ud800-\udfff]/u; // with the u flag only an unpaired half matches

function label(c: string): string {
  const code = c.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff) return `an unpaired surrogate (${hex})`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return `a bidi override or isolate (${hex})`;
  return `a control character (${hex})`;
}

/** Why a name cannot be used, or undefined when it can. */
export function displayNameProblem(name: string): string | undefined {
  const bad = FORBIDDEN.exec(name) ?? SURROGATE.exec(name);
  return bad ? `must not contain ${label(bad[0])}; found at character ${bad.index + 1}` : undefined;
}

/** A trimmed, non-empty, one-line name of at most `max` characters. */
export function displayName(max = 200) {
  return z.string().trim().min(1).max(max).superRefine((name, ctx) => {
    const problem = displayNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
