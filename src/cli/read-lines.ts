// The lines of a byte stream, in batches: each chunk read is decoded once and cut at "\n" ("\r\n" too),
// the unfinished last line carried to the next chunk. readline's per-line events and regex split cost
// more than matching a short document in `vigie match --jsonl`. Blank lines are left out.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export async function* readLines(input: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let nl = text.indexOf('\n');
    if (nl < 0) { carry += text; continue; }
    // Only the first line of a chunk joins the carried part: the chunk itself is cut where it lies,
    // not copied into a joined string first (that copy and a split were most of this loop's time).
    const out: string[] = [];
    keep(out, carry + text.slice(0, nl));
    let start = nl + 1;
    for (nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      keep(out, text.slice(start, nl));
      start = nl + 1;
    }
    carry = text.slice(start);
    yield out;
  }
  const out: string[] = [];
  keep(out, carry + decoder.end());
  if (out.length > 0) yield out;
}

/** Adds the line without its "\r" unless it is blank (a JSON line opens with "{": no trim needed). */
function keep(out: string[], l: string): void {
  const line = l.endsWith('\r') ? l.slice(0, -1) : l;
  if (line.charCodeAt(0) === 0x7b || line.trim() !== '') out.push(line);
}
