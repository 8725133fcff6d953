// Refuses, at the API edge, URLs whose host is a literal non-public address or localhost, unless the
// operator allowed that network (VIGIE_ALLOW_NETWORKS). Names are judged again at fetch time by the gate.
import { isIP } from 'node:net';
import { parseTargetUrl } from '../adapters/http/parse-target-url.js';
import { classifyAddress, isAllowedAddress, type Cidr } from '../adapters/http/ip-policy.js';
import { isVigieError } from '../core/errors/vigie-error.js';
import { ApiError } from './api-errors.js';

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
  const loopbackName = host === 'localhost' || host.endsWith('.localhost');
  const literal = isIP(host) !== 0 ? host : loopbackName ? '127.0.0.1' : undefined;
  if (literal !== undefined && !isAllowedAddress(literal, allow)) {
    throw new ApiError('url_not_public', `${field}: ${host} is a ${classifyAddress(literal).range} address; only public addresses (or VIGIE_ALLOW_NETWORKS) are allowed`,
      { field, host, range: classifyAddress(literal).range });
  }
  return url;
}
