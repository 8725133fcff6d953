// loadEntities merges variant overlays (a JSON file whose top-level key is variantsOf) into the entities
// it loads, reports an overlay entry for an unknown id like any other problem, and can skip overlays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { loadEntities } from '../../src/config/load-entities.js';
import { entityDir } from '../harness/config-dir.js';

function catalog(overlay: unknown): string {
  return entityDir({
    'places.yaml': [
      'entities:',
      '  - {id: sy, kind: region, type: country, names: {en: Syria, fr: Syrie, ar: سوريا}}',
      '  - id: sy-town-raqqa',
      '    kind: region',
      '    type: town',
      '    names: {en: Raqqa, fr: Raqqa, ar: الرقة}',
      '    parents: [sy]',
      '    generated: {en: [Rakka]}',
      '    ambiguous: {Raqqah: hand reason}',
    ].join('\n'),
    'variants.generated.json': JSON.stringify(overlay),
  });
}

test('an overlay adds generated variants and ambiguous aliases to the entity with that id', () => {
  const dir = catalog({ variantsOf: { 'sy-town-raqqa': {
    generated: { en: ['Ar-Raqqa', 'Raqqah'], ar: ['رقة'] },
    ambiguous: { 'رقة': 'common word (ar: hunspell-ar noun)', Raqqah: 'overlay reason' },
  } } });
  const raqqa = loadEntities(dir).find((e) => e.id === 'sy-town-raqqa')!;
  assert.deepEqual(raqqa.generated, { en: ['Rakka', 'Ar-Raqqa', 'Raqqah'], ar: ['رقة'] });
  assert.equal(raqqa.ambiguous?.['رقة'], 'common word (ar: hunspell-ar noun)');
  assert.equal(raqqa.ambiguous?.['Raqqah'], 'hand reason', 'what the entity file says wins');
  const plain = loadEntities(dir, { overlays: false }).find((e) => e.id === 'sy-town-raqqa')!;
  assert.deepEqual(plain.generated, { en: ['Rakka'] });
  fs.rmSync(dir, { recursive: true });
});

test('an overlay entry for an unknown id, or of the wrong shape, is a problem of ENTITY_INVALID', () => {
  const dir = catalog({ variantsOf: { 'sy-town-nowhere': { generated: { en: ['Nowhere'] } }, sy: { generated: { de: ['Syrien'] } } } });
  assert.throws(() => loadEntities(dir), (err: Error & { code?: string; details?: { problems: string[] } }) => {
    assert.equal(err.code, 'ENTITY_INVALID');
    const problems = err.details!.problems.join('\n');
    assert.match(problems, /variants\.generated\.json: variantsOf\.sy\.generated: expected \{en\?, fr\?, ar\?\} lists of strings/);
    assert.match(problems, /variantsOf\.sy-town-nowhere: unknown entity id/, 'both problems are reported at once');
    return true;
  });
  const unknown = catalog({ variantsOf: { 'sy-town-nowhere': { generated: { en: ['Nowhere'] } } } });
  assert.throws(() => loadEntities(unknown), /variants\.generated\.json: variantsOf\.sy-town-nowhere: unknown entity id sy-town-nowhere/);
  fs.rmSync(dir, { recursive: true });
  fs.rmSync(unknown, { recursive: true });
});
