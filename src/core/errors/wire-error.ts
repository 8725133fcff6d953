// An error as a plain value that crosses a worker-thread boundary (structured clone keeps an Error's
// message but drops its own fields), and back: a VigieError keeps its code, module and permanence.
import { ERROR_CODES, type ErrorCode } from './error-codes.js';
import { isVigieError, VigieError } from './vigie-error.js';

export type WireError =
  | { vigie: true; code: ErrorCode; module: string; message: string; permanent: boolean; details: Record<string, unknown> }
  | { vigie: false; name: string; message: string };

export function toWireError(err: unknown): WireError {
  if (isVigieError(err)) {
    // details are plain data by convention; a value that cannot be cloned is dropped rather than fail the task
    let details: Record<string, unknown> = {};
    try { details = structuredClone(err.details); } catch { /* kept empty */ }
    return { vigie: true, code: err.code, module: err.module, message: err.message, permanent: err.permanent, details };
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return { vigie: false, name: e.name, message: e.message };
}

export function fromWireError(w: WireError): Error {
  if (!w.vigie || !(w.code in ERROR_CODES)) {
    const e = new Error(w.message);
    if (!w.vigie) e.name = w.name;
    return e;
  }
  // The constructor prefixes the module; the message on the wire has it already.
  const prefix = `${w.module}: `;
  const bare = w.message.startsWith(prefix) ? w.message.slice(prefix.length) : w.message;
  return new VigieError(w.code, w.module, bare, { permanent: w.permanent, details: w.details });
}
