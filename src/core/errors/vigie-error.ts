// The one error type vigie throws on purpose: a stable code, the module that raised it, and whether
// retrying can help. Adapters map outside failures (sockets, Redis, SMTP) to it in one place each.
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export interface VigieErrorOptions {
  cause?: unknown;
  /** Overrides the catalogue's default permanent/transient flag for this occurrence. */
  permanent?: boolean;
  /** Extra machine-readable detail (status code, position in a query, field name...). */
  details?: Record<string, unknown>;
}

export class VigieError extends Error {
  readonly code: ErrorCode;
  readonly module: string;
  readonly permanent: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, module: string, message: string, options: VigieErrorOptions = {}) {
    super(`${module}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VigieError';
    this.code = code;
    this.module = module;
    this.permanent = options.permanent ?? ERROR_CODES[code].permanent;
    this.details = options.details ?? {};
  }

  toJSON(): { code: ErrorCode; message: string; permanent: boolean; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, permanent: this.permanent, details: this.details };
  }
}

export function isVigieError(err: unknown): err is VigieError {
  return err instanceof VigieError;
}
