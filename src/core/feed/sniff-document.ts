// Says what kind of document a decoded text is before any XML parser sees it (feed, HTML, JSON, empty).
// Pure and cheap: looks at the first element name only; it does not validate anything.

export type DocumentKind = 'empty' | 'json' | 'html' | 'text' | 'xml';

/** How far we scan past prolog, comments and DOCTYPE for the root element. */
const SNIFF_CHARS = 65536;

export function sniffDocument(text: string): { kind: DocumentKind; root?: string } {
  const head = text.slice(0, SNIFF_CHARS).replace(/^[\uFEFF\s]+/, '');
  if (head === '') return { kind: 'empty' };
  if (head.startsWith('{') || head.startsWith('[')) return { kind: 'json' };
  if (!head.startsWith('<')) return { kind: 'text' };
  if (/^<!doctype\s+html\b/i.test(skipMisc(head))) return { kind: 'html', root: 'html' };
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(skipDoctype(skipMisc(head)))?.[1];
  if (root === undefined) return { kind: 'xml' };
  return ['html', 'head', 'body'].includes(root.toLowerCase()) ? { kind: 'html', root } : { kind: 'xml', root };
}

/** Skips the XML declaration, processing instructions, comments and whitespace. */
function skipMisc(text: string): string {
  let rest = text;
  for (;;) {
    const trimmed = rest.replace(/^\s+/, '');
    const end = trimmed.startsWith('<?') ? trimmed.indexOf('?>') + 2 : trimmed.startsWith('<!--') ? trimmed.indexOf('-->') + 3 : 0;
    if (end <= 2) return trimmed;
    rest = trimmed.slice(end);
  }
}

/** Skips `<!DOCTYPE …>`, including an internal subset in brackets, then more comments. */
function skipDoctype(text: string): string {
  if (!/^<!doctype/i.test(text)) return text;
  const bracket = text.indexOf('[');
  const close = text.indexOf('>');
  const end = bracket !== -1 && bracket < close ? text.indexOf(']', bracket) : close;
  if (end === -1) return '';
  return skipMisc(text.slice(text.indexOf('>', end) + 1));
}
