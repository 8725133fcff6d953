// Finds where a feed says it is pushed from (WebSub §4 discovery): the hub URLs and the topic (the
// `self` URL), from the HTTP Link header first, else from <link>/<atom:link> elements of the document.
// Pure: takes the header and the decoded text; resolving relative URLs needs the URL fetched.

export interface HubLinks {
  /** Absolute http(s) hub URLs, in document order, without duplicates. */
  hubs: string[];
  /** The topic URL the publisher names (rel="self"); absent when it names none. */
  self?: string;
}

/** A bounded look at the document head: hub links sit at the feed level, before any item. */
const HEAD_CHARS = 64 * 1024;

export function findHubLinks(opts: { body: string; linkHeader?: string; baseUrl: string }): HubLinks {
  const fromHeader = collect(parseLinkHeader(opts.linkHeader ?? ''), opts.baseUrl);
  // Spec §4: the Link header wins; the document is looked at when the header names no hub.
  if (fromHeader.hubs.length > 0) return fromHeader;
  const fromBody = collect(linkElements(opts.body.slice(0, HEAD_CHARS)), opts.baseUrl);
  return { hubs: fromBody.hubs, self: fromHeader.self ?? fromBody.self };
}

interface RawLink { href: string; rels: string[] }

function collect(links: RawLink[], baseUrl: string): HubLinks {
  const hubs: string[] = [];
  let self: string | undefined;
  for (const link of links) {
    const url = absolute(link.href, baseUrl);
    if (!url) continue;
    if (link.rels.includes('hub') && !hubs.includes(url)) hubs.push(url);
    if (link.rels.includes('self') && self === undefined) self = url;
  }
  return self === undefined ? { hubs } : { hubs, self };
}

function absolute(href: string, baseUrl: string): string | undefined {
  try {
    const url = new URL(decodeEntities(href.trim()), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 8288 §3: `<uri>; rel="a b"; other=x, <uri2>; rel=hub`. Commas inside <> or quotes do not split. */
export function parseLinkHeader(header: string): RawLink[] {
  const out: RawLink[] = [];
  const re = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,]*))?)*)/g;
  for (const m of header.matchAll(re)) {
    const params = m[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    out.push({ href: m[1] ?? '', rels });
  }
  return out;
}

/** `<link ... rel="hub" href="...">` and `<atom:link .../>` (any namespace prefix), attributes in any order. */
function linkElements(text: string): RawLink[] {
  const out: RawLink[] = [];
  for (const m of text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?link\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const href = attr(attrs, 'href');
    const rel = attr(attrs, 'rel');
    if (href !== undefined && rel !== undefined) out.push({ href, rels: rel.toLowerCase().split(/\s+/).filter(Boolean) });
  }
  return out;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'");
}
