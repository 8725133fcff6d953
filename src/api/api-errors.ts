// The HTTP error catalogue: every 4xx/5xx body the API sends is `{ error: { code, message, details? } }`
// with a stable code from this file, also for errors Node or Fastify raise before a route runs.
// 5xx details are logged here and never sent to the client.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '../core/errors/error-codes.js';
import { isVigieError } from '../core/errors/vigie-error.js';
import { rereadUtf8Target } from './reread-utf8-target.js';

/** API-level codes, with their HTTP status. Core codes (ERROR_CODES) are sent lower-cased. */
export const API_ERRORS = {
  bad_request: { status: 400, summary: 'the request is not well-formed HTTP (bad request line, bad percent-escape in the path, ...)' },
  unauthorized: { status: 401, summary: 'no API key, or the key is unknown or revoked' },
  forbidden: { status: 403, summary: 'this key\'s role may not do that' },
  not_found: { status: 404, summary: 'no such object (or not yours)' },
  method_not_allowed: { status: 405, summary: 'the route does not take this method' },
  validation_failed: { status: 400, summary: 'a body, query or path parameter is invalid; see details.issues' },
  payload_too_large: { status: 413, summary: 'the request body is larger than allowed' },
  unsupported_media_type: { status: 415, summary: 'send application/json' },
  url_not_public: { status: 422, summary: 'the URL points to a non-public address not allowed by VIGIE_ALLOW_NETWORKS' },
  https_required: { status: 422, summary: 'webhook URLs must be https (http only to a network in VIGIE_ALLOW_NETWORKS, or with VIGIE_ALLOW_HTTP_WEBHOOKS=1)' },
  unprocessable: { status: 422, summary: 'the input is well-formed but cannot be used' },
  conflict: { status: 409, summary: 'the object is not in a state that allows this' },
  rate_limited: { status: 429, summary: 'too many requests for this key; see Retry-After' },
  header_too_large: { status: 431, summary: 'the request line and headers are larger than 16 KiB' },
  internal: { status: 500, summary: 'unexpected server error (details are in the server log)' },
  unavailable: { status: 503, summary: 'a dependency (Redis) is unavailable' },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** Status for core VigieError codes seen by the API; unlisted ones are 422 (permanent) or 503 (transient). */
const CORE_STATUS: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404, REDIS_UNAVAILABLE: 503, CONFIG_INVALID: 422, QUERY_SYNTAX: 422, QUERY_TOO_DEEP: 422, QUERY_TOO_LONG: 422, ENTITY_INVALID: 422,
  BAD_URL: 422, UNSUPPORTED_SCHEME: 422, SSRF_BLOCKED: 422, HELD_CHOICE_REQUIRED: 409, OPML_TOO_LARGE: 413,
};

export interface ErrorBody { error: { code: string; message: string; details?: Record<string, unknown> } }

export class ApiError extends Error {
  readonly status: number;
  constructor(readonly code: ApiErrorCode, message: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = API_ERRORS[code].status;
  }
}

export const notFound = (what: string): ApiError => new ApiError('not_found', `no ${what}`);

/** One issue of a failed validation, with the field path (`body.channels.0.url`). */
export interface FieldIssue { path: string; message: string }

export class ValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

/** The first catalogue code of each status, for errors Fastify raises with a status only. */
const CODE_BY_STATUS = new Map<number, ApiErrorCode>();
for (const c of Object.keys(API_ERRORS) as ApiErrorCode[]) if (!CODE_BY_STATUS.has(API_ERRORS[c].status)) CODE_BY_STATUS.set(API_ERRORS[c].status, c);

function fastifyCode(err: FastifyError): { code: ApiErrorCode; message: string } | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return { code: 'payload_too_large', message: 'request body too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return { code: 'unsupported_media_type', message: 'unsupported content type; send application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return { code: 'validation_failed', message: 'body is not valid JSON' };
    default: break;
  }
  if (err instanceof SyntaxError) return { code: 'validation_failed', message: 'body is not valid JSON' };
  // Any other client error Fastify raises (FST_ERR_BAD_URL, content length, ...) keeps its status; its
  // message is Fastify's own and says nothing about the server.
  const status = err.statusCode ?? 0;
  if (status >= 400 && status < 500) return { code: CODE_BY_STATUS.get(status) ?? 'bad_request', message: String(err.message).replace(/^FST_ERR_\w+: /, '') };
  return undefined;
}

/** Maps any thrown value to a status and body; logs server-side failures in full. */
export function toErrorResponse(err: unknown, req: FastifyRequest): { status: number; body: ErrorBody } {
  if (err instanceof ApiError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } } };
  }
  if (err instanceof ValidationError) {
    return { status: 400, body: { error: { code: 'validation_failed', message: err.message, details: { issues: err.issues } } } };
  }
  if (isVigieError(err)) {
    const status = CORE_STATUS[err.code] ?? (ERROR_CODES[err.code].permanent ? 422 : 503);
    if (status >= 500) req.log.error({ event: 'api.error', code: err.code, err: err.message }, 'dependency failure');
    const message = status >= 500 ? ERROR_CODES[err.code].summary : err.message;
    const details = status >= 500 || Object.keys(err.details).length === 0 ? undefined : err.details;
    return { status, body: { error: { code: err.code.toLowerCase(), message, ...(details ? { details } : {}) } } };
  }
  const known = fastifyCode(err as FastifyError);
  if (known) return { status: API_ERRORS[known.code].status, body: { error: known } };
  req.log.error({ event: 'api.error', err: String((err as Error)?.stack ?? err), url: req.url, method: req.method }, 'unexpected error');
  return { status: 500, body: { error: { code: 'internal', message: API_ERRORS.internal.summary } } };
}

export function sendError(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

const CLIENT_ERRORS: Record<string, ApiErrorCode> = { HPE_HEADER_OVERFLOW: 'header_too_large' };

/** Fastify's clientErrorHandler: Node's HTTP parser refused the bytes, so no request object exists;
 * answer in the same shape as every other error, then close (the stream is out of sync). */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (rereadUtf8Target(err, socket)) return;
  const code = CLIENT_ERRORS[err.code ?? ''] ?? 'bad_request';
  const { status, summary } = API_ERRORS[code];
  const body = JSON.stringify({ error: { code, message: summary } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${code.replace(/_/g, ' ')}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorResponse(err, req);
    if (status === 429) {
      const retry = (err as { retryAfter?: unknown }).retryAfter;
      if (retry !== undefined) reply.header('retry-after', String(retry));
    }
    return sendError(reply, status, body);
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, { error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } }));
}
