// Finds the hit inside a match snippet so renderers can highlight it (<mark>, *bold*).
// The matcher wraps the hit in « »; French text uses the same guillemets as quotes, so the pair around
// the surface form is preferred over the first pair found. Pure.

export interface SnippetParts {
  before: string;
  hit: string;
  after: string;
}

export function splitSnippet(snippet: string, surface: string): SnippetParts {
  const marked = surface.length > 0 ? snippet.indexOf(`«${surface}»`) : -1;
  if (marked >= 0) {
    return {
      before: snippet.slice(0, marked),
      hit: surface,
      after: snippet.slice(marked + surface.length + 2),
    };
  }
  const open = snippet.indexOf('«');
  const close = open >= 0 ? snippet.indexOf('»', open + 1) : -1;
  if (open >= 0 && close > open + 1) {
    return { before: snippet.slice(0, open), hit: snippet.slice(open + 1, close), after: snippet.slice(close + 1) };
  }
  const plain = surface.length > 0 ? snippet.indexOf(surface) : -1;
  if (plain >= 0) {
    return { before: snippet.slice(0, plain), hit: surface, after: snippet.slice(plain + surface.length) };
  }
  return { before: snippet, hit: '', after: '' };
}

/**
 * Keeps the hit whole and at most `context` characters on each side (cut at a space when one is near),
 * so a 1 MB sentence still yields a short snippet that shows what matched.
 */
export function boundSnippet(parts: SnippetParts, context: number): SnippetParts {
  let { before, after } = parts;
  if (before.length > context) {
    before = before.slice(before.length - context);
    const space = before.indexOf(' ');
    before = `…${space >= 0 && space < context / 4 ? before.slice(space + 1) : dropLowSurrogate(before)}`;
  }
  if (after.length > context) {
    after = after.slice(0, context);
    const space = after.lastIndexOf(' ');
    after = `${space > (context * 3) / 4 ? after.slice(0, space) : dropHighSurrogate(after)}…`;
  }
  const hit = parts.hit.length > context ? dropHighSurrogate(parts.hit.slice(0, context)) + '…' : parts.hit;
  return { before, hit, after };
}

function dropLowSurrogate(s: string): string {
  const c = s.charCodeAt(0);
  return c >= 0xdc00 && c <= 0xdfff ? s.slice(1) : s;
}

function dropHighSurrogate(s: string): string {
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xd800 && c <= 0xdbff ? s.slice(0, -1) : s;
}
