// The one rule for the URLs people hand to vigie (source URLs and webhook channel URLs), applied alike by
// the API, the CLI and config files, so no entry point takes what another refuses. It judges literal
// addresses only; host names are judged again at fetch time by the outbound gate, which resolves them.
import { isIP } from 'node:net';
import { parseTargetUrl } from '../adapters/http/parse-target-url.js';
import { classifyAddress, isAllowedAddress, parseAllowNetworks, type Cidr } from '../adapters/http/ip-policy.js';
import { isVigieError, VigieError } from '../core/errors/vigie-error.js';
import type { Env } from './env.js';

/** What the operator allowed beyond public https: networks (VIGIE_ALLOW_NETWORKS) and http webhooks (development). */
export interface UrlPolicy { allowNetworks: readonly Cidr[]; allowHttpWebhooks: boolean }
export type UrlUse = 'source' | 'webhook';

export function urlPolicy(env: Pick<Env, 'VIGIE_ALLOW_NETWORKS' | 'VIGIE_ALLOW_HTTP_WEBHOOKS'>): UrlPolicy {
  return Object.freeze({ allowNetworks: parseAllowNetworks(env.VIGIE_ALLOW_NETWORKS), allowHttpWebhooks: env.VIGIE_ALLOW_HTTP_WEBHOOKS === '1' });
}

/** The host of `url` as an address literal (localhost names count as 127.0.0.1), or undefined for a name. */
function literalHost(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host) !== 0) return host;
  return host === 'localhost' || host.endsWith('.localhost') ? '127.0.0.1' : undefined;
}

/**
 * Returns the parsed URL, or throws BAD_URL / UNSUPPORTED_SCHEME (its form), URL_NOT_PUBLIC (a literal
 * non-public address outside the allowed networks) or HTTPS_REQUIRED. Webhooks need https because the
 * alert and its signature cross the network; http is taken only to an allowed local network (a receiver
 * on this machine or LAN) or anywhere with allowHttpWebhooks. `field` names the input in messages.
 */
export function checkTargetUrl(raw: string, use: UrlUse, policy: UrlPolicy, field: string): URL {
  let url: URL;
  try {
    url = parseTargetUrl(raw);
  } catch (err) {
    if (!isVigieError(err)) throw err;
    throw new VigieError(err.code, 'url', `${field}: ${err.message}`, { details: { field, reason: err.code.toLowerCase(), ...err.details } });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = literalHost(url);
  if (literal !== undefined && !isAllowedAddress(literal, policy.allowNetworks)) {
    const { range } = classifyAddress(literal);
    throw new VigieError('URL_NOT_PUBLIC', 'url', `${field}: ${host} is a ${range} address; only public addresses (or VIGIE_ALLOW_NETWORKS) are allowed`,
      { details: { field, host, range } });
  }
  const local = literal !== undefined && !classifyAddress(literal).public;
  if (use === 'webhook' && url.protocol === 'http:' && !policy.allowHttpWebhooks && !local) {
    throw new VigieError('HTTPS_REQUIRED', 'url', `${field}: webhook URLs must be https (http only to a network in VIGIE_ALLOW_NETWORKS, or with VIGIE_ALLOW_HTTP_WEBHOOKS=1)`,
      { details: { field, host } });
  }
  return url;
}
