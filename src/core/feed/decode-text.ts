// Turns the bytes of a feed or page into text: BOM, then declared charset, then byte evidence.
// Pure: never throws on bad bytes or unknown labels; it always returns some text and the encoding used.
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding actually used to decode (lowercase WHATWG-style name, e.g. `utf-8`, `windows-1256`). */
  encoding: string;
}

export interface DecodeOptions {
  contentType?: string;
  kind: 'xml' | 'html';
}

/** How far into an HTML document we look for `<meta charset>`; WHATWG says 1024, real pages put it later. */
const HTML_SNIFF_BYTES = 8192;
const XML_SNIFF_BYTES = 1024;

/**
 * Decision order:
 * 1. a byte order mark (XML 1.0 Appendix F, WHATWG "BOM sniff") wins over every label;
 * 2. without a BOM, the XML `<?` pattern in UTF-16/32 (Appendix F) identifies those encodings;
 * 3. bytes that are valid UTF-8 are decoded as UTF-8 whatever the label says: wrong labels are common
 *    (a CMS that declares ISO-8859-1 and emits UTF-8), while legacy-encoded text with non-ASCII bytes is
 *    almost never valid UTF-8 by accident (Miniflux `reader/encoding` makes the same choice);
 * 4. otherwise the Content-Type charset, then the XML prolog / HTML `<meta>`, if iconv-lite knows it;
 * 5. otherwise mostly-UTF-8 bytes are decoded as UTF-8 (bad bytes become U+FFFD), else windows-1252.
 */
export function decodeText(bytes: Uint8Array, opts: DecodeOptions): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fixed = sniffBom(buf) ?? (opts.kind === 'xml' ? sniffXmlWideEncoding(buf) : undefined);
  if (fixed !== undefined) return { text: decodeWith(buf, fixed), encoding: fixed };
  const stats = utf8Stats(buf);
  if (stats.invalid === 0) return { text: decodeWith(buf, 'utf-8'), encoding: 'utf-8' };
  const declared = [charsetFromContentType(opts.contentType), opts.kind === 'xml' ? charsetFromXmlProlog(buf) : charsetFromHtmlMeta(buf)];
  for (const label of declared) {
    const encoding = label === undefined ? undefined : normaliseLabel(label);
    if (encoding !== undefined && !isWideEncoding(encoding)) return { text: decodeWith(buf, encoding), encoding };
  }
  const encoding = stats.multibyte > stats.invalid ? 'utf-8' : 'windows-1252';
  return { text: decodeWith(buf, encoding), encoding };
}

function decodeWith(buf: Buffer, encoding: string): string {
  // iconv-lite strips a leading BOM; a stray U+FEFF left by a double BOM is removed as well.
  return demoronize(iconv.decode(buf, encoding).replace(/^\uFEFF+/, ''));
}

/**
 * C1 controls (U+0080-U+009F) never appear in real text; when they do, a windows-1252 byte was
 * transcoded as if it were ISO-8859-1 (`don\u0092t`). Map them to their windows-1252 characters,
 * as feedparser's "demoronize" does; the five unassigned ones are left for plainText to drop.
 */
function demoronize(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => {
    const mapped = iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252');
    return mapped === '\uFFFD' ? c : mapped;
  });
}

function sniffBom(buf: Buffer): string | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) return 'utf-32le';
  if (buf.length >= 4 && buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) return 'utf-32be';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** XML 1.0 Appendix F: `<?` (or `<` then `?`) spread over 2 or 4 bytes with zero bytes around it. */
function sniffXmlWideEncoding(buf: Buffer): string | undefined {
  if (buf.length < 4) return undefined;
  const [a, b, c, d] = [buf[0], buf[1], buf[2], buf[3]];
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return 'utf-16be';
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return 'utf-16le';
  return undefined;
}

function isWideEncoding(encoding: string): boolean {
  // A UTF-16/32 label on bytes without a BOM or the wide `<?` pattern is a lie: the bytes are 8-bit.
  return /^utf-?(16|32)/.test(encoding) || encoding === 'utf-8';
}

/** Counts valid multi-byte UTF-8 sequences and invalid bytes (RFC 3629 §4 syntax, no overlongs/surrogates). */
export function utf8Stats(buf: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < buf.length) {
    const len = utf8SequenceLength(buf, i);
    if (len === 0) {
      invalid += 1;
      i += 1;
    } else {
      if (len > 1) multibyte += 1;
      i += len;
    }
  }
  return { multibyte, invalid };
}

function utf8SequenceLength(buf: Uint8Array, i: number): number {
  const b0 = buf[i];
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < buf.length && buf[i + k] >= lo && buf[i + k] <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** RFC 9110 §8.3.2: `type/subtype; charset=value`, the value possibly quoted. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]+)/i.exec(contentType ?? '');
  return match ? (match[2] ?? match[1]).trim() || undefined : undefined;
}

function charsetFromXmlProlog(buf: Buffer): string | undefined {
  const head = buf.subarray(0, XML_SNIFF_BYTES).toString('latin1');
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(head);
  return match?.[1];
}

/** `<meta charset=x>` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
function charsetFromHtmlMeta(buf: Buffer): string | undefined {
  const head = buf.subarray(0, HTML_SNIFF_BYTES).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return undefined;
}

/** Maps a declared label to a name iconv-lite decodes, or undefined for labels it does not know. */
export function normaliseLabel(label: string): string | undefined {
  const lower = label.trim().toLowerCase();
  // WHATWG Encoding: latin1 / iso-8859-1 / us-ascii all mean windows-1252 on the web, whose 0x80-0x9F
  // range holds the smart quotes and dashes that servers labelled "latin1" actually send.
  if (['latin1', 'l1', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'us-ascii', 'ascii', 'cp1252', 'x-cp1252'].includes(lower)) {
    return 'windows-1252';
  }
  if (lower === 'utf8' || lower === 'unicode-1-1-utf-8') return 'utf-8';
  if (lower === 'gb2312' || lower === 'x-gbk') return 'gbk';
  if (lower === 'tis-620' || lower === 'iso-8859-11') return 'windows-874';
  try {
    return iconv.encodingExists(lower) ? lower : undefined;
  } catch {
    return undefined;
  }
}
