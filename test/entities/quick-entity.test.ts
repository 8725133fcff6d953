// The loader's fast path (quickEntity) must agree with the zod schema: on every shipped entry it
// returns exactly what the schema returns, and it leaves every invalid or doubtful entry to the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { entitySchema } from '../../src/core/entities/entity.js';
import { quickEntity } from '../../src/core/entities/quick-entity.js';
import { repoRoot } from '../harness/paths.js';

const dir = path.join(repoRoot, 'config', 'entities');
const raws: unknown[] = [];
for (const f of fs.readdirSync(dir).filter((x) => /\.(json|ya?ml)$/.test(x)).sort()) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  const doc = (f.endsWith('.json') ? JSON.parse(text) : YAML.parse(text)) as { entities?: unknown[] } | null;
  raws.push(...(doc?.entities ?? []));
}

test('quickEntity returns what the schema returns on every shipped entry, and accepts nearly all', () => {
  let accepted = 0;
  for (const raw of raws) {
    const quick = quickEntity(raw);
    if (!quick) continue;
    accepted += 1;
    const parsed = entitySchema.parse(raw);
    assert.deepEqual(quick, parsed, (raw as { id: string }).id);
    assert.deepEqual(Object.keys(quick), Object.keys(parsed), `${(raw as { id: string }).id}: key order`);
  }
  assert.ok(accepted >= raws.length * 0.9, `only ${accepted} of ${raws.length} entries took the fast path`);
});

const base = { id: 'sy-x', kind: 'region', names: { en: 'X', fr: 'X', ar: 'س' } };
const INVALID: Array<[string, unknown]> = [
  ['a bad id', { ...base, id: 'Sy X' }], ['an unknown kind', { ...base, kind: 'place' }],
  ['an unknown key', { ...base, colour: 'red' }], ['a missing Arabic name', { ...base, names: { en: 'X', fr: 'X' } }],
  ['an untrimmed name (zod would trim it)', { ...base, names: { en: ' X', fr: 'X', ar: 'س' } }],
  ['an extra name language', { ...base, names: { en: 'X', fr: 'X', ar: 'س', de: 'X' } }],
  ['an unknown alias language', { ...base, aliases: { de: ['X'] } }], ['an empty alias', { ...base, aliases: { en: [''] } }],
  ['a lowercase acronym', { ...base, acronyms: ['sdf'] }], ['a fractional population', { ...base, population: 1.5 }],
  ['a negative population', { ...base, population: -1 }], ['three coordinates', { ...base, coords: [1, 2, 3] }],
  ['a boolean code', { ...base, codes: { x: true } }], ['a long ambiguity reason', { ...base, ambiguous: { X: 'x'.repeat(201) } }],
  ['a type over 40 characters', { ...base, type: 't'.repeat(41) }], ['not an object', ['sy-x']],
];
for (const [why, raw] of INVALID) {
  test(`quickEntity leaves ${why} to the schema`, () => {
    assert.equal(quickEntity(raw), undefined);
    // Valid for zod, which trims the name or drops the extra key: the schema returns a changed entity.
    if (why.startsWith('an untrimmed') || why.startsWith('an extra name')) return;
    assert.equal(entitySchema.safeParse(raw).success, false, 'the schema rejects it too');
  });
}
