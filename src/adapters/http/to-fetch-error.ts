// Maps every failure of a fetch (undici, socket, TLS, DNS, our own deadline) to one VigieError in one
// place. Messages name the host only: never the response body, never the query string (webhook tokens).
import { VigieError } from '../../core/errors/vigie-error.js';
import type { ErrorCode } from '../../core/errors/error-codes.js';

export interface FetchErrorContext {
  host: string;
  /** Our total deadline fired. */
  deadlineHit: boolean;
  totalTimeoutMs: number;
  /** The caller's own signal aborted (shutdown). */
  callerAborted: boolean;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA']);
const TLS_CODES = new Set(['EPROTO', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_NOT_YET_VALID']);

/** The first `code` found along the error's cause chain (undici wraps socket errors). */
function errorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e !== null && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ABORT_ERR') return code;
  }
  return undefined;
}

function classify(code: string | undefined): { code: ErrorCode; what: string } {
  if (code === undefined) return { code: 'FETCH_CONNECT', what: 'connection failed' };
  if (TIMEOUT_CODES.has(code)) return { code: 'FETCH_TIMEOUT', what: 'timed out' };
  if (DNS_CODES.has(code)) return { code: 'DNS_ERROR', what: 'name could not be resolved' };
  if (TLS_CODES.has(code) || /^(ERR_TLS_|ERR_SSL_|CERT_)/.test(code)) return { code: 'TLS_ERROR', what: 'TLS handshake or certificate failed' };
  if (code === 'ECONNREFUSED') return { code: 'FETCH_CONNECT', what: 'connection refused' };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return { code: 'FETCH_CONNECT', what: 'connection reset or closed' };
  return { code: 'FETCH_CONNECT', what: 'connection failed' };
}

export function toFetchError(err: unknown, ctx: FetchErrorContext): VigieError {
  if (err instanceof VigieError) return err;
  if (ctx.deadlineHit) {
    return new VigieError('FETCH_TIMEOUT', 'fetch', `${ctx.host}: total deadline of ${ctx.totalTimeoutMs} ms passed`,
      { cause: err, details: { host: ctx.host, timeoutMs: ctx.totalTimeoutMs, phase: 'total' } });
  }
  if (ctx.callerAborted) {
    return new VigieError('FETCH_TIMEOUT', 'fetch', `${ctx.host}: request aborted by the caller`,
      { cause: err, details: { host: ctx.host, phase: 'aborted' } });
  }
  const code = errorCode(err);
  const mapped = classify(code);
  return new VigieError(mapped.code, 'fetch', `${ctx.host}: ${mapped.what}${code ? ` (${code})` : ''}`,
    { cause: err, details: { host: ctx.host, ...(code ? { cause: code } : {}) } });
}
