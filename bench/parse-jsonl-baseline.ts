// The CLI bench's baseline process: reads the same {"id","url","html"} lines as `vigie extract --jsonl`
// and only parses each page with htmlparser2, writing one short line per page. Measures nothing itself.
import { createInterface } from 'node:readline';
import { parseDocument } from 'htmlparser2';

let lines = 0;
let nodes = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const rec = JSON.parse(line) as { id: unknown; html: string };
  nodes += parseDocument(rec.html).children.length; // keeps the parse observable
  lines += 1;
  process.stdout.write(`${JSON.stringify({ id: rec.id })}\n`);
}
process.stderr.write(`parse-jsonl-baseline: ${lines} lines, ${nodes} top-level nodes\n`);
