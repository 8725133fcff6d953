// Writes a throwaway config/ for a test: its own sources.yaml (and subscriptions), with the shipped
// entity files linked in so matching behaves as in production; or a throwaway entity catalog folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './paths.js';

/**
 * `entities`: the catalog folder to link, the shipped one unless given (tinyEntityDir() for a test whose
 * worker processes need no real matching: each start loads the shipped files, each first article compiles them).
 */
export function makeConfigDir(sources: unknown[], subscriptions: unknown[] = [], entities = path.join(repoRoot, 'config', 'entities')): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-config-'));
  fs.writeFileSync(path.join(dir, 'sources.yaml'), YAML.stringify({ sources }));
  fs.symlinkSync(entities, path.join(dir, 'entities'));
  if (subscriptions.length > 0) {
    fs.mkdirSync(path.join(dir, 'subscriptions'));
    fs.writeFileSync(path.join(dir, 'subscriptions', 'test.yaml'), YAML.stringify({ subscriptions }));
  }
  return dir;
}

/** A throwaway entity catalog folder holding the given files (name -> text), for loader and CLI tests. */
export function entityDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-entities-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** A throwaway entity catalog folder of Syria and Deir ez-Zor only: fast to load and to compile. */
export function tinyEntityDir(): string {
  return entityDir({ 'entities.yaml': [
    'entities:',
    '  - {id: sy, kind: region, type: country, names: {en: Syria, fr: Syrie, ar: سوريا}}',
    '  - {id: sy-deir-ez-zor, kind: region, type: governorate, names: {en: Deir ez-Zor, fr: Deir ez-Zor, ar: دير الزور}, parents: [sy]}',
  ].join('\n') });
}

/** A throwaway config/ whose catalog is tinyEntityDir(): CLI tests that need a region, fast to load. */
export function tinyConfigDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-tiny-config-'));
  fs.symlinkSync(tinyEntityDir(), path.join(dir, 'entities'));
  return dir;
}

/**
 * A throwaway config/ whose catalog is the given entities (the ones a test's worker matches with): a
 * command that edits entities recompiles its catalog, and the shipped one costs seconds each time.
 */
export function configDirWith(entities: readonly object[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-fixture-config-'));
  fs.symlinkSync(entityDir({ 'entities.json': JSON.stringify({ entities }) }), path.join(dir, 'entities'));
  return dir;
}
