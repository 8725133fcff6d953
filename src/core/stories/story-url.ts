// The URL key of a story: one string for every way the same page is linked (tracking parameters, AMP
// and mobile variants, http/https, trailing slash). Parses only; never fetches or follows redirects.

/** Query parameters that say who linked the page, not which page it is. */
const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref|ref_src|cmp|xtor|at_medium|at_campaign|amp|outputtype|output)$/i;

/**
 * Canonical form used to compare and hash article URLs: lower-case host without `www.`/`m.`/`amp.`,
 * no scheme (http and https versions of a page are the same article), no fragment, no tracking
 * parameters, remaining parameters sorted, no trailing slash, no `/amp` suffix.
 * Text that does not parse as an absolute URL is returned trimmed, so it still compares to itself.
 */
export function canonicalStoryUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  const host = u.hostname.toLowerCase().replace(/^(www\d?|m|mobile|amp)\./, '');
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAMS.test(k))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length === 0 ? '' : `?${new URLSearchParams(params).toString()}`;
  const path = u.pathname.replace(/\/amp\/?$/i, '/').replace(/\/+$/, '');
  const port = u.port === '' ? '' : `:${u.port}`;
  return `${host}${port}${path}${query}`;
}
