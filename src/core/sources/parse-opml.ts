// Reads an OPML 1.0/2.0 subscription list (as Miniflux, FreshRSS and most feed readers write it) into
// flat outlines, each with the line it starts on and its category path as tags. Pure: never fetches.
// It must not expand entities: any DOCTYPE is refused (that is where an XML bomb declares its entities),
// and the size, outline count and nesting depth are capped like a fetched feed's body.
import sax from 'sax';
import { VigieError } from '../errors/vigie-error.js';
import { displayNameProblem } from '../model/display-name.js';

export interface OpmlOutline {
  /** 1-based line of the `<outline` tag, for reports. */
  line: number;
  xmlUrl: string;
  htmlUrl?: string;
  /** `title`, else `text` (OPML 1.0 files often have only `text`). */
  title?: string;
  /** The `type` attribute as written (`rss`, `atom`, FreshRSS's `HTML+XPath`...). */
  type?: string;
  /** Enclosing category outlines joined with `/`, then the OPML 2.0 `category` attribute's entries. */
  tags: string[];
}

export interface ParsedOpml { outlines: OpmlOutline[] }

export interface OpmlLimits { maxBytes: number; maxOutlines: number; maxDepth: number }

/** 10 MiB is the cap on a fetched feed body (CAPS.feedBytes); no reader exports anywhere near 20k feeds. */
export const OPML_LIMITS: OpmlLimits = Object.freeze({ maxBytes: 10 * 1024 * 1024, maxOutlines: 20_000, maxDepth: 32 });

const MAX_LABEL_CHARS = 200;

interface OpenOutline { category?: string }

export function parseOpml(text: string, limits: OpmlLimits = OPML_LIMITS): ParsedOpml {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) {
    throw new VigieError('OPML_TOO_LARGE', 'opml', `the file is ${bytes} bytes; at most ${limits.maxBytes} are read`, { details: { limit: 'bytes', max: limits.maxBytes } });
  }
  const parser = sax.parser(true, { trim: false, normalize: false, position: true, strictEntities: true } as sax.SAXOptions);
  // Leading whitespace before `<?xml` makes sax fail; it is cut, and the lines it held are added back.
  const input = text.replace(/^[\uFEFF\s]+/, '');
  const cutLines = lineAt(text, text.length - input.length) - 1;
  const fail = (code: 'OPML_PARSE_ERROR' | 'NOT_OPML' | 'OPML_TOO_LARGE', reason: string, extra: Record<string, unknown> = {}): never => {
    const line = cutLines + parser.line + 1;
    throw new VigieError(code, 'opml', `line ${line}: ${reason}`, { details: { line, column: parser.column + 1, ...extra } });
  };
  const outlines: OpmlOutline[] = [];
  const open: string[] = [];
  const outlineStack: OpenOutline[] = [];
  let seen = 0;
  let sawBody = false;
  let startLine = 1;

  parser.onerror = (err) => fail('OPML_PARSE_ERROR', saxReason(err.message));
  // A DOCTYPE is refused outright (billion laughs, external entities), at the line it starts on. sax reads
  // a DTD's `<!ENTITY` as a declaration of its own, reported before the DOCTYPE: both refuse.
  parser.ondoctype = parser.onsgmldeclaration = () => {
    const at = text.search(/<!DOCTYPE/i);
    const line = at >= 0 ? lineAt(text, at) : cutLines + parser.line + 1;
    throw new VigieError('OPML_PARSE_ERROR', 'opml', `line ${line}: a DOCTYPE or entity declaration is not allowed in OPML (entities are never expanded)`, { details: { line } });
  };
  // The line of the tag's `<` (sax's own line is already past the name when a tag spans lines).
  const lineOfOffset = lineCounter(input);
  parser.onopentagstart = () => { startLine = cutLines + lineOfOffset(parser.startTagPosition - 1); };
  parser.onopentag = (tag) => {
    if (open.length === 0 && tag.name !== 'opml') fail('NOT_OPML', `the root element is <${tag.name}>, not <opml>`, { root: tag.name });
    if (open.length >= limits.maxDepth) fail('OPML_TOO_LARGE', `elements nest deeper than ${limits.maxDepth}`, { limit: 'depth', max: limits.maxDepth });
    if (tag.name === 'body' && open.length === 1) sawBody = true;
    open.push(tag.name);
    if (tag.name !== 'outline' || open[1] !== 'body') return;
    if (++seen > limits.maxOutlines) fail('OPML_TOO_LARGE', `more than ${limits.maxOutlines} outlines`, { limit: 'outlines', max: limits.maxOutlines });
    outlineStack.push(readOutline(attributesOf(tag.attributes), startLine, outlineStack, outlines));
  };
  parser.onclosetag = (name) => {
    open.pop();
    if (name === 'outline' && open[1] === 'body') outlineStack.pop();
  };
  parser.write(input).close();
  if (!sawBody) throw new VigieError('NOT_OPML', 'opml', 'the document has no <opml><body>: not an OPML subscription list');
  return { outlines };
}

/** The 1-based line of increasing character offsets, counted once through the text. */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset) => {
    for (; pos < offset; pos++) if (text.charCodeAt(pos) === 10) line++;
    return line;
  };
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** sax's first message line, said plainly where it is cryptic. */
function saxReason(message: string): string {
  const first = message.split('\n')[0]!;
  return first === 'Unclosed root tag' ? 'the file ends inside an open element (truncated?)' : first;
}

/** Attribute names compared without case: `xmlurl` and `xmlURL` are both seen in the wild. */
function attributesOf(attrs: Record<string, string | { value: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, raw] of Object.entries(attrs)) {
    const value = (typeof raw === 'string' ? raw : raw.value).trim();
    if (value !== '' && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), value);
  }
  return out;
}

/** A feed outline (it has `xmlUrl`) is recorded; any other outline is a category for what it holds. */
function readOutline(attrs: Map<string, string>, line: number, ancestors: OpenOutline[], outlines: OpmlOutline[]): OpenOutline {
  const title = cleanLabel(attrs.get('title') ?? attrs.get('text') ?? '');
  const xmlUrl = attrs.get('xmlurl');
  if (xmlUrl === undefined) return { category: cleanLabel(attrs.get('text') ?? attrs.get('title') ?? '') || undefined };
  const path = ancestors.map((a) => a.category).filter((c): c is string => c !== undefined);
  const tags = [...(path.length > 0 ? [path.join('/')] : []), ...categoryAttribute(attrs.get('category'))];
  const outline: OpmlOutline = { line, xmlUrl, tags: [...new Set(tags)] };
  const htmlUrl = attrs.get('htmlurl');
  if (htmlUrl !== undefined) outline.htmlUrl = htmlUrl;
  if (title !== '') outline.title = title;
  const type = attrs.get('type');
  if (type !== undefined) outline.type = type;
  outlines.push(outline);
  return {};
}

/** OPML 2.0 `category`: comma-separated, slash-delimited (`/Boston/Weather,/Harvard`). */
function categoryAttribute(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(',').map((c) => cleanLabel(c.split('/').map((p) => p.trim()).filter((p) => p !== '').join('/'))).filter((c) => c !== '');
}

/** One line of printable text: controls and bidi overrides (the display-name rule) dropped, spaces collapsed. */
function cleanLabel(raw: string): string {
  // Only the first characters can be kept: a huge attribute is cut before it is split into characters.
  const clean = [...raw.slice(0, MAX_LABEL_CHARS * 4)].filter((c) => displayNameProblem(c) === undefined || /\s/.test(c)).join('').replace(/\s+/g, ' ').trim();
  return [...clean].slice(0, MAX_LABEL_CHARS).join('').trim();
}
