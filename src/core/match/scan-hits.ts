// What one scan of a text finds: every alias and exclusion hit with its token span and original
// offsets, plus every token's offsets. Filled by the WebAssembly scanner (wasm/scanner.ts) or the
// JavaScript reference (scan-text-js.ts) into shared scratch: valid until the next scan.

/**
 * Hits of the last scan (shared scratch, valid until the next scan). Hit k: payload[k],
 * token span [startToken[k], endToken[k]), original offsets [start[k], end[k]). Tokens: see `cut`.
 */
export interface ScanHits {
  count: number;
  payload: Int32Array<ArrayBuffer>;
  startToken: Int32Array<ArrayBuffer>;
  endToken: Int32Array<ArrayBuffer>;
  start: Int32Array<ArrayBuffer>;
  end: Int32Array<ArrayBuffer>;
  /** Every token of the text: tokenStart[t]..tokenEnd[t] in the original (the neighbours of a hit). */
  tokenCount: number;
  tokenStart: Int32Array<ArrayBuffer>;
  tokenEnd: Int32Array<ArrayBuffer>;
}

