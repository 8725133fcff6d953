// Parses an outbound URL once with the WHATWG parser (what the HTTP client itself uses) and refuses
// the forms that have fooled other parsers. It judges syntax only; addresses are judged by ip-policy.
import { VigieError } from '../../core/errors/vigie-error.js';

export const MAX_URL_LENGTH = 2048;

function badUrl(reason: string): VigieError {
  return new VigieError('BAD_URL', 'fetch', `URL refused: ${reason}`, { details: { reason } });
}

/**
 * Returns the single parsed URL the client will receive. Backslashes are refused outright: WHATWG reads
 * `http://evil.com\@127.0.0.1/` as host evil.com while other parsers read 127.0.0.1 (GHSA-rph4-96w6-q594).
 */
export function parseTargetUrl(raw: string, base?: URL): URL {
  if (raw.length > MAX_URL_LENGTH) throw badUrl(`longer than ${MAX_URL_LENGTH} characters`);
  if (/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(raw)) {
    throw badUrl('contains whitespace or control characters');
  }
  if (raw.includes('\\')) throw badUrl('contains a backslash');
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw badUrl('cannot be parsed');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new VigieError('UNSUPPORTED_SCHEME', 'fetch', `only http and https are fetched, not ${url.protocol}`,
      { details: { scheme: url.protocol } });
  }
  if (url.username !== '' || url.password !== '') throw badUrl('contains user information');
  if (url.hostname === '') throw badUrl('has no host');
  if (url.href.length > MAX_URL_LENGTH) throw badUrl(`longer than ${MAX_URL_LENGTH} characters once normalised`);
  return url;
}
