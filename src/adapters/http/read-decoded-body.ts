// Reads a response body through its Content-Encoding decoders with the byte cap on DECODED bytes, and
// destroys the whole stream chain the moment the cap is passed (a 200 KiB gzip can hold 200 MiB).
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { VigieError } from '../../core/errors/vigie-error.js';

/** Same bound as undici's fetch after CVE-2026-22036: more stacked codings is an attack, not a feed. */
export const MAX_CODINGS = 5;

const DECODERS: Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  // RFC 9110 §8.4.1.2: "deflate" is the zlib format (RFC 1950), not raw deflate.
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

// zlib reports corrupt input as Z_DATA_ERROR/Z_BUF_ERROR and brotli as ERR__ERROR_FORMAT_*; errors that
// merely travelled through a decoder (socket reset, abort) carry other codes.
function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^(Z_|ERR__)/.test(code);
}

function badEncoding(message: string, cause?: unknown): VigieError {
  return new VigieError('BAD_ENCODING', 'fetch', message, { cause });
}

/** The codings in the order they were applied (RFC 9110 §8.4); `identity` is dropped. */
export function parseContentEncoding(header: string | undefined): string[] {
  if (header === undefined) return [];
  const codings = header.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
  if (codings.length > MAX_CODINGS) throw badEncoding(`${codings.length} stacked content codings (at most ${MAX_CODINGS})`);
  const unknown = codings.find((c) => DECODERS[c] === undefined);
  if (unknown !== undefined) throw badEncoding(`unsupported content coding "${unknown.slice(0, 40)}"`);
  return codings;
}

export function tooLarge(maxBytes: number, status?: number): VigieError {
  return new VigieError('FETCH_TOO_LARGE', 'fetch', `decoded body is larger than ${maxBytes} bytes`, {
    details: status === undefined ? { maxBytes } : { maxBytes, status },
  });
}

/**
 * Decodes `codings` (outermost last) and returns at most `maxBytes` bytes, or throws FETCH_TOO_LARGE.
 * A decoder failure becomes BAD_ENCODING; any other stream error is rethrown for the caller to map.
 */
export async function readDecodedBody(body: Readable, codings: string[], maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const decoders = [...codings].reverse().map((c) => DECODERS[c]!());
  let decoderError: unknown;
  for (const d of decoders) d.on('error', (err) => { if (isZlibError(err)) decoderError ??= err; });
  const out: Readable = decoders.length === 0 ? body : pipeline([body, ...decoders], () => undefined) as unknown as Readable;
  const onAbort = (): void => { out.destroy(signal.reason as Error); cancelBody(body); };
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    if (signal.aborted) throw signal.reason;
    for await (const chunk of out) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (decoderError !== undefined && err === decoderError) throw badEncoding('response body cannot be decoded', err);
    throw err;
  } finally {
    signal.removeEventListener('abort', onAbort);
    cancelBody(out);
    cancelBody(body);
  }
  return Buffer.concat(chunks, total);
}

/** Always consume or cancel a body (undici README): destroys an unfinished stream without an unhandled error. */
export function cancelBody(body: Readable): void {
  if (body.readableEnded || body.destroyed) return;
  body.on('error', () => undefined);
  body.destroy();
}
