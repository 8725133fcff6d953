// The baseline of bench/match-batch.ts, run as a process of its own like `vigie match --jsonl`: what a
// watcher without a gazetteer does with the names an operator types (keywords file: one per line).
// One case-insensitive RegExp alternation of the keywords with Unicode word boundaries over each
// line's title, summary and text; one JSON line out per line in ({id, matches:[{keyword, field, start,
// end}]}), written in chunks with the same back-pressure as vigie's loop.
// Usage: node dist/bench/keyword-regex-batch.js KEYWORDS_FILE < in.jsonl > out.jsonl
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';

// Unicode-mode patterns allow no escape of "-" outside a class: it needs none there.
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function keywordRegex(keywords: string[]): RegExp {
  const forms = [...new Set(keywords)].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const FIELDS = ['title', 'summary', 'text'] as const;

function lineOut(re: RegExp, line: string): string {
  const v = JSON.parse(line) as Record<string, unknown>;
  const matches: Array<{ keyword: string; field: string; start: number; end: number }> = [];
  for (const field of FIELDS) {
    const text = v[field];
    if (typeof text !== 'string') continue;
    for (const m of text.matchAll(re)) matches.push({ keyword: m[0], field, start: m.index, end: m.index + m[0].length });
  }
  return JSON.stringify({ id: v.id, matches });
}

async function main(): Promise<void> {
  const re = keywordRegex(fs.readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean));
  let pending = '';
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    pending += `${lineOut(re, line)}\n`;
    if (pending.length >= 1 << 16) {
      const full = !process.stdout.write(pending);
      pending = '';
      if (full) await once(process.stdout, 'drain');
    }
  }
  if (pending !== '') process.stdout.write(pending);
}

await main();
