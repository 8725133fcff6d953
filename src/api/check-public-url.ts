// Refuses, at the API edge, URLs whose host is a literal non-public address or localhost, unless the
// operator allowed that network (VIGIE_ALLOW_NETWORKS). Names are judged again at fetch time by the gate.
// Also tells a URL aimed at such an allowed local network (webhooks may use http only there).
import { isIP } from 'node:net';
import { parseTargetUrl } from '../adapters/http/parse-target-url.js';
import { classifyAddress, isAllowedAddress, type Cidr } from '../adapters/http/ip-policy.js';
import { isVigieError } from '../core/errors/vigie-error.js';
import { ApiError } from './api-errors.js';

/** The host of `url` as an address literal (localhost names count as 127.0.0.1), or undefined for a name. */
function literalHost(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host) !== 0) return host;
  return host === 'localhost' || host.endsWith('.localhost') ? '127.0.0.1' : undefined;
}

/** Whether `url` names, by address, a non-public network the operator allowed (a local receiver). */
export function isAllowedLocalUrl(url: URL, allow: readonly Cidr[]): boolean {
  const literal = literalHost(url);
  return literal !== undefined && !classifyAddress(literal).public && isAllowedAddress(literal, allow);
}

/** Throws ApiError url_not_public (422) or unprocessable (bad form); `field` names the body path. */
export function checkPublicUrl(raw: string, allow: readonly Cidr[], field: string): URL {
  let url: URL;
  try {
    url = parseTargetUrl(raw);
  } catch (err) {
    if (isVigieError(err)) throw new ApiError('unprocessable', `${field}: ${err.message}`, { field, reason: err.code.toLowerCase() });
    throw err;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = literalHost(url);
  if (literal !== undefined && !isAllowedAddress(literal, allow)) {
    throw new ApiError('url_not_public', `${field}: ${host} is a ${classifyAddress(literal).range} address; only public addresses (or VIGIE_ALLOW_NETWORKS) are allowed`,
      { field, host, range: classifyAddress(literal).range });
  }
  return url;
}
