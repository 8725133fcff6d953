// Decides whether an IP address may be dialled: public unicast, or inside an operator-allowed CIDR.
// Pure classification only (no DNS, no sockets); the gate calls it for literals and resolved records.
import ipaddr from 'ipaddr.js';
import { VigieError } from '../../core/errors/vigie-error.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type Cidr = [Address, number];

export interface AddressClass {
  /** true only for global unicast space (after unwrapping IPv4 embedded in IPv6). */
  public: boolean;
  /** Why: 'unicast', 'loopback', 'private', 'metadata', 'invalid'... */
  range: string;
  /** The address that was judged (the embedded IPv4 when one was unwrapped). */
  checked: string;
}

// Belt and braces: ipaddr.js names most of these, but we list the ones an SSRF fix must never lose
// (changedetection GHSA-gwph-fp79-379w lost CGNAT; n8n's default list lacks 100.64/10 and NAT64).
const EXTRA_BLOCKED: Array<{ range: string; cidr: string }> = [
  { range: 'metadata', cidr: '169.254.169.254/32' }, // AWS, GCP, Azure, OpenStack IMDS
  { range: 'metadata', cidr: '100.100.100.200/32' }, // Alibaba Cloud
  { range: 'metadata', cidr: 'fd00:ec2::254/128' }, // AWS IMDS over IPv6
  { range: 'unspecified', cidr: '0.0.0.0/8' },
  { range: 'private', cidr: '10.0.0.0/8' },
  { range: 'carrierGradeNat', cidr: '100.64.0.0/10' },
  { range: 'loopback', cidr: '127.0.0.0/8' },
  { range: 'linkLocal', cidr: '169.254.0.0/16' },
  { range: 'private', cidr: '172.16.0.0/12' },
  { range: 'reserved', cidr: '192.0.0.0/24' }, // IETF protocol assignments, Oracle IMDS 192.0.0.192
  { range: 'private', cidr: '192.168.0.0/16' },
  { range: 'reserved', cidr: '198.18.0.0/15' }, // benchmarking, RFC 2544
  { range: 'multicast', cidr: '224.0.0.0/4' },
  { range: 'reserved', cidr: '240.0.0.0/4' }, // includes broadcast 255.255.255.255
  { range: 'uniqueLocal', cidr: 'fc00::/7' },
  { range: 'linkLocal', cidr: 'fe80::/10' },
  { range: 'siteLocal', cidr: 'fec0::/10' },
  { range: 'multicast', cidr: 'ff00::/8' },
];
const EXTRA_CIDRS = EXTRA_BLOCKED.map((e) => ({ range: e.range, cidr: ipaddr.parseCIDR(e.cidr) }));

/** Classifies one address string (IPv4 in any notation ipaddr.js reads, or IPv6, zone ids allowed). */
export function classifyAddress(addr: string): AddressClass {
  let parsed: Address;
  try {
    parsed = ipaddr.parse(addr.replace(/^\[|\]$/g, ''));
  } catch {
    return { public: false, range: 'invalid', checked: addr };
  }
  const judged = unwrapEmbeddedIPv4(parsed) ?? parsed;
  const checked = judged.toString();
  const extra = EXTRA_CIDRS.find((e) => e.cidr[0].kind() === judged.kind() && judged.match(e.cidr));
  if (extra) return { public: false, range: extra.range, checked };
  if (judged.kind() === 'ipv6' && (judged as ipaddr.IPv6).zoneId) return { public: false, range: 'zoned', checked };
  const range = judged.range();
  return { public: range === 'unicast', range, checked };
}

export function isPublicAddress(addr: string): boolean {
  return classifyAddress(addr).public;
}

/**
 * The IPv4 address an IPv6 address carries, for the forms a dialler may turn back into IPv4:
 * IPv4-mapped ::ffff:0:0/96 and RFC 6145 ::ffff:0:0:0/96, IPv4-compatible ::a.b.c.d (RFC 4291
 * §2.5.5.1, deprecated), NAT64 64:ff9b::/96 (RFC 6052) and 6to4 2002:AABB:CCDD::/16 (RFC 3056).
 */
function unwrapEmbeddedIPv4(addr: Address): ipaddr.IPv4 | undefined {
  if (addr.kind() !== 'ipv6') return undefined;
  const p = (addr as ipaddr.IPv6).parts;
  const v4 = (hi: number, lo: number): ipaddr.IPv4 => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const zeros = (from: number, to: number): boolean => p.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && p[5] === 0xffff) return v4(p[6]!, p[7]!);
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0) return v4(p[6]!, p[7]!);
  if (zeros(0, 6) && !(p[6] === 0 && p[7]! <= 1)) return v4(p[6]!, p[7]!);
  if (p[0] === 0x64 && p[1] === 0xff9b && zeros(2, 6)) return v4(p[6]!, p[7]!);
  if (p[0] === 0x2002) return v4(p[1]!, p[2]!);
  return undefined;
}

/**
 * Parses the operator allowlist (VIGIE_ALLOW_NETWORKS): comma-separated CIDRs or single addresses.
 * IPv4 must be dotted-quad, and host bits must be zero, so an entry never means more than it reads.
 */
export function parseAllowNetworks(csv: string): Cidr[] {
  const entries = csv.split(',').map((e) => e.trim()).filter((e) => e !== '');
  return entries.map((entry) => {
    const text = entry.includes('/') ? entry : `${entry}/${entry.includes(':') ? 128 : 32}`;
    const [host = ''] = text.split('/');
    const dotted = host.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(host);
    if (!dotted || !ipaddr.isValidCIDR(text)) {
      throw new VigieError('CONFIG_INVALID', 'fetch', `allow network "${entry}" is not a CIDR such as 10.20.0.5/32 or fd12::/64`,
        { details: { field: 'VIGIE_ALLOW_NETWORKS', entry } });
    }
    const cidr = ipaddr.parseCIDR(text);
    const network = networkAddress(cidr);
    if (network !== cidr[0].toString()) {
      throw new VigieError('CONFIG_INVALID', 'fetch', `allow network "${entry}" has host bits set; did you mean ${network}/${cidr[1]}?`,
        { details: { field: 'VIGIE_ALLOW_NETWORKS', entry } });
    }
    return cidr;
  });
}

function networkAddress(cidr: Cidr): string {
  const text = `${cidr[0].toString()}/${cidr[1]}`;
  return cidr[0].kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(text).toString()
    : ipaddr.IPv6.networkAddressFromCIDR(text).toString();
}

/** Public, or inside one of the operator's networks (the embedded IPv4 of a mapped address counts too). */
export function isAllowedAddress(addr: string, allowNetworks: readonly Cidr[]): boolean {
  if (isPublicAddress(addr)) return true;
  if (allowNetworks.length === 0) return false;
  let parsed: Address;
  try {
    parsed = ipaddr.parse(addr.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
  const candidates = [parsed, unwrapEmbeddedIPv4(parsed)].filter((a): a is Address => a !== undefined);
  return candidates.some((a) => allowNetworks.some((cidr) => cidr[0].kind() === a.kind() && a.match(cidr)));
}
