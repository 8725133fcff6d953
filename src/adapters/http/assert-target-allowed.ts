// Judges a parsed URL's host before any socket exists: IP literals (which Node never passes to a
// lookup function) and localhost names. Host names that need DNS are judged in guarded-lookup.ts.
import { isIP } from 'node:net';
import { VigieError } from '../../core/errors/vigie-error.js';
import { classifyAddress, isAllowedAddress, type Cidr } from './ip-policy.js';

/** RFC 6761 §6.3: localhost names always mean the loopback addresses, whatever DNS says. */
export const LOOPBACK_RECORDS: ReadonlyArray<{ address: string; family: 4 | 6 }> = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

export function ssrfBlocked(host: string, address: string): VigieError {
  const { range } = classifyAddress(address);
  const what = host === address || host === `[${address}]` ? address : `${host} resolves to ${address}, which`;
  return new VigieError('SSRF_BLOCKED', 'fetch', `${what} is ${range}: not public and not in the allowed networks`,
    { details: { host, address, range } });
}

/** Throws SSRF_BLOCKED for a literal or localhost host that is not allowed; returns quietly otherwise. */
export function assertTargetAllowed(url: URL, allowNetworks: readonly Cidr[]): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    if (!isAllowedAddress(host, allowNetworks)) throw ssrfBlocked(url.hostname, host);
    return;
  }
  if (isLocalhostName(host)) {
    const bad = LOOPBACK_RECORDS.find((r) => !isAllowedAddress(r.address, allowNetworks));
    if (bad) throw ssrfBlocked(host, bad.address);
  }
}
