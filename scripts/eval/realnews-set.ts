// The real-news evaluation set (eval/realnews/*.jsonl): labels the team wrote, texts it did not.
// Texts are third-party, kept out of the repo in eval-data/realnews/texts/<id>.txt (gitignored) and
// checked against the sha256 each label line records. Label refs name an entity three ways: its id,
// `wof:<Who's On First id>` (a place the catalog may hold under another id), or
// `new:<kind>:<usual English name>` (what the labeller could not find in the catalog at labelling
// time; it resolves by name against whatever catalog is scored, else it stays a miss).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '../../src/core/entities/entity.js';
import { buildEntityGraph, nameKey } from '../../src/core/match/entity-graph.js';
import { LANGS } from '../../src/core/entities/entity.js';

/** Every name and alias of an entity as lookup keys. */
function entityKeys(e: Entity): string[] {
  return [...LANGS.map((l) => e.names[l]), ...LANGS.flatMap((l) => e.aliases[l] ?? [])].map(nameKey);
}

export type Split = 'dev' | 'test';

export interface RealNewsLabel {
  id: string;
  lang: 'fr' | 'en' | 'ar';
  url: string;
  query?: string;
  offtopic: boolean;
  sha256: string;
  chars?: number;
  split: Split;
  regions: string[];
  actors: string[];
  surfaces?: Array<{ s: string; ref: string }>;
  note?: string;
  /** Gathering round: absent for the first 345 (2026-12-02), 2 for the 59 added on 2026-12-03. */
  batch?: number;
}

export interface RealNewsArticle extends RealNewsLabel { text: string }

/** The split rule, fixed before labelling: first two hex digits of sha256(url) below 0x80 -> test. */
export function splitOf(url: string): Split {
  return createHash('sha256').update(url, 'utf8').digest('hex').slice(0, 2) < '80' ? 'test' : 'dev';
}

/** The entity labels: one file per language. events.jsonl beside them holds the event labels. */
export function readLabels(dir: string): RealNewsLabel[] {
  if (!fs.existsSync(dir)) return [];
  return [...LANGS].sort().map((l) => `${l}.jsonl`).filter((f) => fs.existsSync(path.join(dir, f)))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== '')
      .map((l, i) => {
        try {
          return JSON.parse(l) as RealNewsLabel;
        } catch (err) {
          throw new Error(`${f}:${i + 1}: not JSON: ${(err as Error).message}`);
        }
      }));
}

export interface TextCheck { present: RealNewsArticle[]; missing: string[]; changed: string[]; problems: string[] }

/** Reads each label's text and checks it is the one that was labelled (sha256 of its bytes). */
export function readTexts(labels: RealNewsLabel[], textDir: string): TextCheck {
  const out: TextCheck = { present: [], missing: [], changed: [], problems: [] };
  const ids = new Set<string>();
  const urls = new Set<string>();
  for (const l of labels) {
    if (ids.has(l.id)) out.problems.push(`${l.id}: duplicate id`);
    if (urls.has(l.url)) out.problems.push(`${l.id}: duplicate url ${l.url}`);
    ids.add(l.id);
    urls.add(l.url);
    if (splitOf(l.url) !== l.split) out.problems.push(`${l.id}: split ${l.split} but the rule gives ${splitOf(l.url)}`);
    const file = path.join(textDir, `${l.id}.txt`);
    if (!fs.existsSync(file)) {
      out.missing.push(l.id);
      continue;
    }
    const bytes = fs.readFileSync(file);
    if (createHash('sha256').update(bytes).digest('hex') !== l.sha256) {
      out.changed.push(l.id);
      continue;
    }
    out.present.push({ ...l, text: bytes.toString('utf8') });
  }
  return out;
}

/** Maps label refs to entity ids of the catalog being scored; an unresolved ref stays as written. */
export function refResolver(entities: Entity[]): (ref: string) => string {
  const byId = new Set(entities.map((e) => e.id));
  const byWof = new Map<string, string>();
  for (const e of entities) {
    const wof = e.codes?.whosonfirst;
    if (wof !== undefined && !byWof.has(String(wof))) byWof.set(String(wof), e.id);
  }
  const graph = buildEntityGraph(entities);
  return (ref) => {
    if (byId.has(ref)) return ref;
    if (ref.startsWith('wof:')) return byWof.get(ref.slice(4)) ?? ref;
    const m = /^new:(region|actor):(.+)$/.exec(ref);
    if (m) {
      const found = graph.resolve(m[2]!.trim());
      if (found && found.kind === m[1]) return found.id;
      // "Karm al-Zaytoun (Homs)": the name, in the place the qualifier names.
      const q = /^(.+?)\s*\(([^)]+)\)$/.exec(m[2]!.trim());
      if (q) {
        const key = nameKey(q[1]!);
        const within = nameKey(q[2]!);
        const named = graph.search(q[1]!, 50).filter((e) => e.kind === m[1] && entityKeys(e).includes(key));
        const inside = named.find((e) => graph.ancestors(e.id).some((a) => entityKeys(graph.get(a)!).some((k) => k.includes(within))));
        if (inside ?? named[0]) return (inside ?? named[0])!.id;
      }
    }
    return ref;
  };
}

/** What scoring needs of one match: its entity, the words it stands on, and the entity's path. */
export interface FoundMatch { entityId: string; kind: string; surface: string; pathIds: readonly string[]; suppressedBy?: string }

/**
 * EVAL.md: "an entity found through a more precise one counts for the place the text names". A found
 * place whose words the labels give to one of its ancestors (the labeller wrote the district
 * "Tikrit" where the catalog now also holds the town inside it) counts as that ancestor. Only on the
 * same words: a town found elsewhere in the text stays what it is. Places only, as EVAL.md says: an
 * actor found for its umbrella's words is the wrong actor.
 */
export function creditPreciseFinds(found: Set<string>, expected: ReadonlySet<string>, matches: readonly FoundMatch[],
  surfaces: ReadonlyArray<{ s: string; ref: string }>, resolve: (ref: string) => string): Set<string> {
  const out = new Set(found);
  for (const id of found) {
    if (expected.has(id)) continue;
    const credited = matches.filter((m) => m.entityId === id && m.kind === 'region' && m.suppressedBy === undefined).flatMap((m) =>
      surfaces.filter((s) => nameKey(s.s) === nameKey(m.surface)).map((s) => resolve(s.ref))
        .filter((ref) => expected.has(ref) && ref !== id && m.pathIds.includes(ref)));
    if (credited.length === 0) continue;
    out.delete(id);
    for (const ref of credited) out.add(ref);
  }
  return out;
}

/** The score keys an article counts under: its part per language and overall, and its part's gathering round. */
export function partKeys(a: Pick<RealNewsLabel, 'split' | 'lang' | 'batch'>): string[] {
  return [`${a.split}/${a.lang}`, `${a.split}/overall`, `${a.split}/batch ${a.batch ?? 1}`];
}
