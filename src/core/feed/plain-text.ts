// Turns a title, summary or snippet that may hold HTML into one line of safe plain text.
// Pure: strips tags and control characters; it never keeps markup and never throws on bad HTML.
import { load } from 'cheerio';

/** Tags whose edges separate words: `<p>a</p><p>b</p>` must read "a b", not "ab". */
const BLOCK_TAG = /<(\/?)(br|p|div|li|h[1-6]|tr|td|th|blockquote|section|article|header|footer|ul|ol|dl|dd|dt|table|figure|figcaption|hr|pre)\b/gi;

/**
 * C0/C1 controls (header injection `\r\nBcc:`), NUL, line/paragraph separators U+2028/2029, bidi
 * embeddings and overrides U+202A-U+202E and isolates U+2066-U+2069 (the "Trojan Source" spoofing of
 * CVE-2021-42574), BOM/ZWNBSP, noncharacters U+FFFE/FFFF and lone surrogates (RELIABILITY H12).
 */
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A bounded result needs only a bounded prefix of the markup: parsing a whole article for a 1000-char summary wastes time. */
const MARKUP_PER_CHAR = 16;

export function plainText(value: string, maxChars?: number): string {
  const input = maxChars === undefined ? value : value.slice(0, Math.max(4096, maxChars * MARKUP_PER_CHAR));
  const text = input.includes('<') || input.includes('&') ? htmlText(input) : input;
  const clean = text.replace(UNSAFE_CHARS, '').replace(/[\s\u2028\u2029]+/g, ' ').trim();
  return maxChars === undefined ? clean : truncate(clean, maxChars);
}

function htmlText(html: string): string {
  const $ = load(html.replace(BLOCK_TAG, ' <$1$2'), null, false);
  $('script, style, noscript, template, iframe, object').remove();
  return $.root().text();
}

/** Cuts at a word boundary when one is near, never inside a surrogate pair, and marks the cut. */
function truncate(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  const head = chars.slice(0, maxChars - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > head.length * 0.8 ? head.slice(0, space) : head;
  return `${cut.trimEnd()}…`;
}
