// Removes characters that must never reach a mail header or a rendered alert: C0/C1 controls (CR, LF,
// NUL...), DEL, line/paragraph separators, bidi embeddings/overrides/isolates, BOM. Pure.
import { truncateText } from './truncate-text.js';

// C0 except TAB/LF (kept in multi-line text), DEL, C1 (incl. NEL U+0085), U+2028/2029,
// bidi LRE/RLE/PDF/LRO/RLO (U+202A-202E) and LRI/RLI/FSI/PDI (U+2066-2069), BOM/ZWNBSP U+FEFF,
// interlinear annotation controls U+FFF9-FFFB. LRM/RLM/ALM are kept: they are ordinary in Arabic text.
const ALWAYS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

/**
 * What a single line that needs no cleaning lacks: any character cleanSteps remove or change
 * (ALWAYS, CR, LF, TAB, NEL, U+2028/2029: all in the first class), whitespace other than a plain space,
 * two spaces in a row, a space at either end.
 */
const NEEDS_SINGLE_LINE_CLEANING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]|[^\S ]| {2}|^ | $/;

/**
 * `singleLine` (subjects, names, titles) also turns TAB/LF into spaces and collapses runs of whitespace;
 * otherwise CRLF/CR become LF and paragraph breaks survive.
 */
export function cleanText(text: string, opts: { singleLine: boolean }): string {
  // Most names, titles and snippets are clean already: one test instead of five replaces per field
  // (a delivery renders dozens of fields).
  if (opts.singleLine && !NEEDS_SINGLE_LINE_CLEANING.test(text)) return text;
  return cleanSteps(text, opts);
}

/** The cleaning itself, step by step (exported for the test that checks the fast path against it). */
export function cleanSteps(text: string, opts: { singleLine: boolean }): string {
  const unified = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029\u0085]/g, '\n');
  const stripped = unified.replace(ALWAYS, '');
  if (opts.singleLine) return stripped.replace(/\s+/g, ' ').trim();
  return stripped.replace(/[ \t]+\n/g, '\n').trim();
}

/** One clean line of at most `maxChars` characters (titles, names, subjects). */
export function cleanLine(text: string, maxChars: number): string {
  // Clean only a prefix: a 1 MB feed title must not cost a full scan per field. Cleaning only shrinks
  // text, so a prefix four times the bound is almost always enough to fill it.
  const limit = Math.max(4 * maxChars, maxChars + 1024);
  if (text.length <= limit) return truncateText(cleanText(text, { singleLine: true }), maxChars);
  const cleaned = cleanText(dropTrailingHighSurrogate(text.slice(0, limit)), { singleLine: true });
  return cleaned.length < maxChars ? `${cleaned}…` : truncateText(cleaned, maxChars);
}

function dropTrailingHighSurrogate(s: string): string {
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xd800 && c <= 0xdbff ? s.slice(0, -1) : s;
}
