// Reads the comma-separated files of the shared gazetteer (RFC 4180 quoting) into row objects.
// Owns only the parsing; it knows nothing about places.

/** Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF) into objects keyed by the header. */
export function readCsv(text: string): Record<string, string>[] {
  const records = splitRecords(text);
  const header = records.shift() ?? [];
  return records
    .filter((cells) => cells.length > 1 || cells[0] !== '')
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

function splitRecords(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else if (ch === '\n') { cells.push(cell.replace(/\r$/, '')); records.push(cells); cells = []; cell = ''; }
    else cell += ch;
  }
  if (cell !== '' || cells.length > 0) { cells.push(cell); records.push(cells); }
  return records;
}
