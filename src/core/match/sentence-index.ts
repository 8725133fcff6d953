// Where the sentences of a text end and where its white space is irregular (not one plain space):
// what snippets need. Recorded as a by-product of the token cut (cut-tokens.ts), or by one pass here
// for another text. Keeps positions and the text's identity only; not reentrant (no await in matching).

/** Per UTF-16 unit: 1 white space (regex `\s`), 2 sentence end (! ? ؟ 。), 3 full stop, 4 newline. */
export const BREAK_KIND = new Uint8Array(0x10000);
for (const c of [0x09, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) BREAK_KIND[c] = 1;
for (let c = 0x2000; c <= 0x200a; c += 1) BREAK_KIND[c] = 1;
for (const c of [0x21, 0x3f, 0x61f, 0x3002]) BREAK_KIND[c] = 2;
BREAK_KIND[0x2e] = 3;
BREAK_KIND[0x0a] = 4;

export const isSpaceUnit = (c: number): boolean => BREAK_KIND[c] === 1 || BREAK_KIND[c] === 4;

export const sentences = { text: '', ends: new Int32Array(256), endCount: 0, irregular: new Int32Array(256), irregularCount: 0 };

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export function resetSentences(): void {
  sentences.text = '';
  sentences.endCount = 0;
  sentences.irregularCount = 0;
}

/** Records unit i of `text` (a unit with BREAK_KIND != 0) as a sentence end and/or irregular space. */
export function noteBreak(text: string, i: number, c: number): void {
  const k = BREAK_KIND[c]!;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  const spaceNext = next >= 0 && isSpaceUnit(next);
  // A full stop ends a sentence only before white space (keeps "U.S." and "3.5" whole).
  if (k === 2 || k === 4 || (k === 3 && (next < 0 || spaceNext))) {
    if (sentences.endCount >= sentences.ends.length) sentences.ends = grow(sentences.ends);
    sentences.ends[sentences.endCount++] = i;
  }
  if ((k === 1 || k === 4) && (c !== 0x20 || spaceNext)) {
    if (sentences.irregularCount >= sentences.irregular.length) sentences.irregular = grow(sentences.irregular);
    sentences.irregular[sentences.irregularCount++] = i;
  }
}

/** Indexes `text` unless it is the text indexed last (by the token cut or an earlier call). */
export function indexSentences(text: string): void {
  if (sentences.text === text) return;
  resetSentences();
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (BREAK_KIND[c] !== 0) noteBreak(text, i, c);
  }
  sentences.text = text;
}

/** Takes the sentence marks another scanner found in `text` (the WebAssembly scanner's memory). */
export function loadSentences(text: string, from: Int32Array, endsAt: number, endCount: number, irregularAt: number, irregularCount: number): void {
  while (sentences.ends.length < endCount) sentences.ends = grow(sentences.ends);
  while (sentences.irregular.length < irregularCount) sentences.irregular = grow(sentences.irregular);
  // Plain loops: a subarray view per call would cost more than copying a few dozen numbers.
  const ends = sentences.ends;
  for (let k = 0; k < endCount; k += 1) ends[k] = from[endsAt + k]!;
  const irregular = sentences.irregular;
  for (let k = 0; k < irregularCount; k += 1) irregular[k] = from[irregularAt + k]!;
  sentences.endCount = endCount;
  sentences.irregularCount = irregularCount;
  sentences.text = text;
}
