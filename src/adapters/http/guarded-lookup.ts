// The DNS lookup the socket itself uses: it resolves once and refuses the name if ANY record is not
// allowed, so the address checked is the address dialled (no pre-flight to rebind, Miniflux fe2bfb27).
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { VigieError } from '../../core/errors/vigie-error.js';
import { isAllowedAddress, type Cidr } from './ip-policy.js';
import { isLocalhostName, LOOPBACK_RECORDS, ssrfBlocked } from './assert-target-allowed.js';

export type LookupRecord = { address: string; family: 4 | 6 };
export type LookupFn = (hostname: string) => Promise<LookupRecord[]>;

export const systemLookup: LookupFn = async (hostname) => {
  const records = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return records.map((r) => ({ address: r.address, family: r.family === 6 ? 6 : 4 }));
};

/** Resolves a host name and returns its records only if every one of them is allowed. */
export async function resolveAllowed(hostname: string, lookup: LookupFn, allowNetworks: readonly Cidr[]): Promise<LookupRecord[]> {
  let records: LookupRecord[];
  try {
    records = isLocalhostName(hostname) ? [...LOOPBACK_RECORDS] : await lookup(hostname);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new VigieError('DNS_ERROR', 'fetch', `cannot resolve ${hostname}${typeof code === 'string' ? ` (${code})` : ''}`,
      { cause: err, details: { host: hostname } });
  }
  if (records.length === 0) {
    throw new VigieError('DNS_ERROR', 'fetch', `${hostname} has no address`, { details: { host: hostname } });
  }
  const bad = records.find((r) => !isAllowedAddress(r.address, allowNetworks));
  if (bad) throw ssrfBlocked(hostname, bad.address);
  return records;
}

/** Adapts resolveAllowed to the callback shape net.connect/tls.connect expect (`all` or single answer). */
export function createGuardedLookup(lookup: LookupFn, allowNetworks: readonly Cidr[]): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(hostname, lookup, allowNetworks).then(
      (records) => {
        const wanted = options.family === 4 || options.family === 6
          ? records.filter((r) => r.family === options.family) : records;
        if (wanted.length === 0) {
          callback(new VigieError('DNS_ERROR', 'fetch', `${hostname} has no IPv${options.family} address`,
            { details: { host: hostname } }) as NodeJS.ErrnoException, '', 0);
        } else if (options.all === true) {
          callback(null, wanted);
        } else {
          callback(null, wanted[0]!.address, wanted[0]!.family);
        }
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
