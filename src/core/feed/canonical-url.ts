// One spelling per link: absolute http(s), no fragment, no credentials, no tracking parameters, sorted query.
// Pure and total: anything that is not a usable http(s) URL gives undefined, never an exception.

/** Query parameters that only identify a campaign or a click, never the document (exact names). */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gclsrc', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'mc_cid', 'mc_eid',
  'ref_src', 'ref_url', 'ocid', 'at_medium', 'at_campaign', 'at_source', 'at_content', 'at_format', 'at_link',
  'xtor', 'xtref', '_ga', '_gl', 'mkt_tok', 'cmpid', 'wt.mc_id', 'oly_enc_id', 'oly_anon_id', 'vero_id',
  '__twitter_impression', 'spm', 'smid', 'pk_campaign', 'pk_kwd', 'pk_source', 'pk_medium', 'pk_content',
]);
/** Prefixes of whole tracking families: Google Analytics `utm_`, Matomo `mtm_`, HubSpot `_hs`. */
const TRACKING_PREFIXES = ['utm_', 'mtm_', '_hs'];

export function canonicalUrl(raw: string, base?: string): string | undefined {
  const url = parseHttpUrl(raw, base);
  if (url === undefined) return undefined;
  url.hash = '';
  // Credentials in a link are never needed to read an article and are a phishing device (RFC 3986 §7.5).
  url.username = '';
  url.password = '';
  const query = canonicalQuery(url.search);
  url.search = query;
  // WHATWG URL already lowercases the host, applies IDNA, and drops the scheme's default port.
  return url.href;
}

function parseHttpUrl(raw: string, base: string | undefined): URL | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  let url: URL | undefined;
  try {
    url = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    try {
      url = new URL(trimmed);
    } catch {
      return undefined;
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.hostname === '' ? undefined : url;
}

/**
 * Drops tracking pairs and sorts the rest by name, keeping each pair's original percent-encoding
 * (re-serialising through URLSearchParams would turn `%20` into `+` and `~` into `%7E`).
 */
function canonicalQuery(search: string): string {
  const pairs = search.replace(/^\?/, '').split('&').filter((p) => p !== '');
  const kept = pairs
    .map((pair, index) => ({ pair, index, name: paramName(pair) }))
    .filter((p) => !isTrackingParam(p.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index));
  return kept.length === 0 ? '' : `?${kept.map((p) => p.pair).join('&')}`;
}

function paramName(pair: string): string {
  const name = pair.split('=', 1)[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}
