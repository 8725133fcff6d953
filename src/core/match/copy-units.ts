// A string's UTF-16 units copied into one reused typed array. V8's native UTF-16LE write copies a
// string several times faster than a charCodeAt loop reads it, and indexing a Uint16Array in a hot
// loop is several times cheaper than charCodeAt (measured: 3-4x on this project's machine), so the
// matcher's scanner reads the copy. Not reentrant: valid until the next call (matching never awaits).
import { Buffer } from 'node:buffer';
import os from 'node:os';

/** Native UTF-16LE bytes are a Uint16Array's units only on a little-endian machine (else: a loop). */
const LITTLE_ENDIAN = os.endianness() === 'LE';

let units = new Uint16Array(4096);
let bytes = Buffer.from(units.buffer);

/**
 * Writes the UTF-16 units of `text` into `target` from byte `at`, little-endian on any machine (Node's
 * utf16le encoding): WebAssembly memory's byte order, and a Uint16Array's on little-endian machines.
 */
export function writeUnits(text: string, target: Buffer, at: number): void {
  target.write(text, at, text.length * 2, 'utf16le');
}

/** The units of `text` in [0, text.length) of the returned array (shared, overwritten by the next call). */
export function copyUnits(text: string): Uint16Array {
  const len = text.length;
  if (units.length < len) {
    let size = units.length;
    while (size < len) size *= 2;
    units = new Uint16Array(size);
    bytes = Buffer.from(units.buffer);
  }
  if (LITTLE_ENDIAN) writeUnits(text, bytes, 0);
  else for (let i = 0; i < len; i += 1) units[i] = text.charCodeAt(i);
  return units;
}
