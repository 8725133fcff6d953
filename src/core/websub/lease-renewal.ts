// When to renew a WebSub subscription: before its lease ends, with room for a hub that is slow to
// verify or down for a while (retries). Pure: the caller passes the verification time and lease.

/** Renew once this share of the lease has passed... */
const RENEW_AT_SHARE = 0.8;
/** ...and never later than this before the end (long leases keep an hour of slack). */
const MAX_SLACK_MS = 3600_000;

export function renewalAt(verifiedAt: Date, leaseSeconds: number): Date {
  const leaseMs = Math.max(1, leaseSeconds) * 1000;
  const slack = Math.min(MAX_SLACK_MS, leaseMs * (1 - RENEW_AT_SHARE));
  return new Date(verifiedAt.getTime() + Math.floor(leaseMs - slack));
}

export function leaseEnd(verifiedAt: Date, leaseSeconds: number): Date {
  return new Date(verifiedAt.getTime() + leaseSeconds * 1000);
}
