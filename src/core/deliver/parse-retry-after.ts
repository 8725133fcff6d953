// Reads an HTTP Retry-After value (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) into milliseconds.
// Pure: `now` is passed in; a malformed value is ignored (undefined), never an error.

const MAX_RETRY_AFTER_MS = 7 * 24 * 3600 * 1000;

export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  // HTTP-date (IMF-fixdate, or the obsolete RFC 850 / asctime forms Date.parse also reads).
  if (!/^[A-Za-z]{3,9}, /.test(trimmed) && !/^[A-Za-z]{3} [A-Za-z]{3} /.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}
