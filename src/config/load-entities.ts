// Reads the entity files (config/entities/*.yaml|yml|json), validates every entry and the cross references,
// merges the variant overlays (variants.generated.json: generated spellings and ambiguous aliases per id),
// and reports EVERY problem at once (file, entry id, field path) in one ENTITY_INVALID error.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { entitySchema, type Entity } from '../core/entities/entity.js';
import { findCycles } from '../core/match/entity-graph.js';
import { quickEntity } from '../core/entities/quick-entity.js';
import { isVariantOverlay, mergeOverlay, overlayEntries, type Overlay } from './variant-overlay.js';
import { VigieError } from '../core/errors/vigie-error.js';

export { packageRoot, defaultEntitiesDir } from './package-root.js';
import { defaultEntitiesDir } from './package-root.js';

/** Top-level keys that mark a gazetteer BUILD INPUT (news-spellings.yaml): merged by
 * scripts/build-gazetteer.ts into gazetteer.generated.json, so not loaded at run time. */
const OVERLAY_KEYS = ['stopAliases', 'skipGeonames'];

/** The same test on a YAML file's text: one of those keys at the start of a line (a top-level key). */
const BUILD_INPUT_LINE = new RegExp(`^(${OVERLAY_KEYS.join('|')})\\s*:`, 'm');

export function isBuildInput(doc: unknown): boolean {
  return !!doc && typeof doc === 'object' && OVERLAY_KEYS.some((k) => k in (doc as object));
}

/** Entries of one file: `{ entities: [...] }` or a bare list; undefined when the shape is wrong. */
function entriesOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === 'object' && Object.keys(doc).every((k) => k === 'entities')
    && Array.isArray((doc as { entities?: unknown }).entities)) {
    return (doc as { entities: unknown[] }).entities;
  }
  return undefined;
}

interface Loaded { entities: Array<{ file: string; entity: Entity }>; overlays: Array<{ file: string; overlay: Overlay }> }

function readOverlay(file: string, doc: Record<string, unknown>, problems: string[], out: Loaded): void {
  const found: string[] = [];
  out.overlays.push({ file, overlay: overlayEntries(doc, found) });
  for (const p of found.slice(0, 20)) problems.push(`${file}: ${p}`);
}

function readFile(file: string, problems: string[], out: Loaded, withOverlays: boolean): void {
  let doc: unknown;
  try {
    const text = fs.readFileSync(file, 'utf8');
    // A build input (a top-level stopAliases:/skipGeonames: key) is not loaded: skip parsing it at all
    // (news-spellings.yaml takes longer to parse as YAML than the whole JSON gazetteer).
    if (!file.endsWith('.json') && BUILD_INPUT_LINE.test(text)) return;
    // Generated catalogs are JSON (tens of thousands of entries parse in milliseconds, not seconds).
    doc = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (err) {
    problems.push(`${file}: cannot parse: ${(err as Error).message.split('\n')[0]}`);
    return;
  }
  if (doc === null || doc === undefined || isBuildInput(doc)) return;
  if (isVariantOverlay(doc)) {
    if (withOverlays) readOverlay(file, doc as Record<string, unknown>, problems, out);
    return;
  }
  const entries = entriesOf(doc);
  if (!entries) {
    problems.push(`${file}: expected only a top-level "entities:" list`);
    return;
  }
  entries.forEach((raw, index) => {
    // Generated catalogs hold thousands of entries: the plain check accepts the well-formed ones fast,
    // the schema handles (and explains) the rest.
    const quick = quickEntity(raw);
    if (quick) { out.entities.push({ file, entity: quick }); return; }
    const parsed = entitySchema.safeParse(raw);
    const rawId = (raw as { id?: unknown } | null)?.id;
    const label = typeof rawId === 'string' ? rawId : `#${index}`;
    if (parsed.success) out.entities.push({ file, entity: parsed.data });
    else for (const issue of parsed.error.issues) problems.push(`${file}: ${label}: ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
  });
}

export interface LoadOptions {
  /** Merge the variant overlays (default true); the variant build itself reads the entities without them. */
  overlays?: boolean;
}

/**
 * The last load of each folder, by the size and modification time of its files: a process that loads an
 * unchanged folder again (every command a test runs in process through runCli boots anew) reads its
 * 13 MB once. Nothing downstream changes an entity; a copy of the list is handed out.
 */
const loadedBefore = new Map<string, { stamp: string; entities: Entity[] }>();

function stampOf(files: string[]): string {
  const parts = files.map((f) => {
    const st = fs.statSync(f);
    return `${f}:${st.size}:${st.mtimeMs}`;
  });
  return parts.join('|');
}

export function loadEntities(dir = defaultEntitiesDir(), opts: LoadOptions = {}): Entity[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => path.join(dir, f));
  const key = `${path.resolve(dir)}|${opts.overlays ?? true}`;
  const stamp = stampOf(files);
  const before = loadedBefore.get(key);
  if (before?.stamp === stamp) return [...before.entities];
  const entities = readEntities(dir, files, opts);
  loadedBefore.set(key, { stamp, entities });
  return [...entities];
}

function readEntities(dir: string, files: string[], opts: LoadOptions): Entity[] {
  const problems: string[] = [];
  const read: Loaded = { entities: [], overlays: [] };
  for (const file of files) readFile(file, problems, read, opts.overlays ?? true);
  const loaded = read.entities;
  const fileOf = new Map<string, string>();
  for (const { file, entity } of loaded) {
    const first = fileOf.get(entity.id);
    if (first) problems.push(`${file}: ${entity.id}: id: duplicate id (first defined in ${first})`);
    else fileOf.set(entity.id, file);
  }
  const byId = new Map<string, Entity>();
  for (const { entity } of loaded) if (!byId.has(entity.id)) byId.set(entity.id, entity);
  for (const { file, entity } of loaded) {
    entity.parents.forEach((p, i) => {
      if (!byId.has(p)) problems.push(`${file}: ${entity.id}: parents.${i}: unknown parent id ${p}`);
    });
    for (const field of ['backedBy', 'establishedBy'] as const) {
      (entity[field] ?? []).forEach((p, i) => {
        if (!byId.has(p)) problems.push(`${file}: ${entity.id}: ${field}.${i}: unknown entity id ${p}`);
      });
    }
  }
  for (const msg of findCycles([...byId.values()], byId)) problems.push(`${dir}: ${msg}`);
  for (const { file, overlay } of read.overlays) mergeOverlay(file, overlay, byId, problems);
  if (problems.length > 0) {
    throw new VigieError('ENTITY_INVALID', 'entities', `${problems.length} problem(s) in ${dir}:\n  - ${problems.join('\n  - ')}`, { details: { problems } });
  }
  return loaded.map((l) => l.entity);
}
