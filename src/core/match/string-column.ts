// Per-payload strings of a compiled matcher (the alias as written, why it needs context) held as one
// string plus offsets, or as codes into a table of the distinct values: a matcher restored from its
// snapshot then makes no string per payload (200k+ of them) before a match asks for one.

/** The strings side by side in `text`; string i is text[ends[i-1] .. ends[i]). */
export class TextColumn {
  constructor(private readonly text: string, private readonly ends: Int32Array) {}

  static of(values: readonly string[]): TextColumn {
    const ends = new Int32Array(values.length);
    let at = 0;
    values.forEach((v, i) => { at += v.length; ends[i] = at; });
    return new TextColumn(values.join(''), ends);
  }

  get length(): number { return this.ends.length; }

  at(i: number): string {
    return this.text.slice(i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
  }

  /** Its parts, as a snapshot stores them. */
  parts(): { text: string; ends: Int32Array } { return { text: this.text, ends: this.ends }; }
}

/** Each value a code into `table` (-1: no value): few distinct values over many payloads. */
export class CodedColumn {
  constructor(private readonly table: readonly string[], private readonly codes: Int32Array) {}

  static of(values: readonly (string | undefined)[]): CodedColumn {
    const ids = new Map<string, number>();
    const codes = Int32Array.from(values, (v) => {
      if (v === undefined) return -1;
      if (!ids.has(v)) ids.set(v, ids.size);
      return ids.get(v)!;
    });
    return new CodedColumn([...ids.keys()], codes);
  }

  get length(): number { return this.codes.length; }

  at(i: number): string | undefined {
    const code = this.codes[i]!;
    return code < 0 ? undefined : this.table[code];
  }

  parts(): { table: readonly string[]; codes: Int32Array } { return { table: this.table, codes: this.codes }; }
}
