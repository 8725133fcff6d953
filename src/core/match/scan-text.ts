// Scans one text with a compiled matcher: every alias and exclusion hit, nested and overlapping, with
// original offsets (see ScanHits). Runs the matcher's WebAssembly scanner (wasm/scanner.ts); the
// JavaScript reference it is tested against (scan-text-js.ts) takes texts too long for it, and every
// text where the engine cannot run it (big-endian machines, no WebAssembly SIMD).
import type { Matcher } from './compile-matcher.js';
import type { ScanHits } from './scan-hits.js';
import { scanTextJs } from './scan-text-js.js';
import { MAX_WASM_TEXT } from './wasm/scanner.js';

export type { ScanHits } from './scan-hits.js';

/** Hits of `text` (shared scratch of the matcher's scanner: valid until its next scan). */
export function scanText(m: Matcher, text: string): ScanHits {
  return m.scanner !== undefined && text.length <= MAX_WASM_TEXT ? m.scanner.scan(text) : scanTextJs(m, text);
}
