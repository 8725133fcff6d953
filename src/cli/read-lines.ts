// The lines of a byte stream, in batches: each chunk read is decoded once and cut at "\n" ("\r\n" too),
// the unfinished last line carried to the next chunk. readline's per-line events and regex split cost
// more than matching a short document in `vigie match --jsonl`. Blank lines are left out.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export async function* readLines(input: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    const last = text.lastIndexOf('\n');
    if (last < 0) { carry = text; continue; }
    carry = text.slice(last + 1);
    yield nonBlank(text.slice(0, last).split('\n'));
  }
  const rest = carry + decoder.end();
  if (rest.trim() !== '') yield nonBlank([rest]);
}

function nonBlank(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const line = l.endsWith('\r') ? l.slice(0, -1) : l;
    if (line.trim() !== '') out.push(line);
  }
  return out;
}
