// The URL key of a story: one string for every way the same page is linked. Builds on the article's
// canonical URL (tracking parameters gone, parameters sorted) and folds the variants that are still the
// same page for a reader: http/https, www./m./amp. hosts, AMP paths and a trailing slash.
import { canonicalUrl } from '../feed/canonical-url.js';

/** Text that does not parse as an absolute http(s) URL is returned trimmed, so it still compares to itself. */
export function canonicalStoryUrl(url: string): string {
  const canonical = canonicalUrl(url.trim());
  if (canonical === undefined) return url.trim();
  const u = new URL(canonical);
  for (const k of [...u.searchParams.keys()]) if (/^(amp|outputtype|output)$/i.test(k)) u.searchParams.delete(k);
  const host = u.hostname.replace(/^(www\d?|m|mobile|amp)\./, '');
  const path = u.pathname.replace(/\/amp\/?$/i, '/').replace(/\/+$/, '');
  const port = u.port === '' ? '' : `:${u.port}`;
  return `${host}${port}${path}${u.search}`;
}
