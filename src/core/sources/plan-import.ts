// Decides what an OPML import does, before anything is saved: which outlines become new sources, which
// are already there (same canonical URL; their tags follow the file's categories when it gives some) and
// which cannot be used, each with its line. Pure; the URL
// rule that needs the operator's allowed networks (checkTargetUrl) is applied by the caller.
import type { ErrorCode } from '../errors/error-codes.js';
import { canonicalUrl } from '../feed/canonical-url.js';
import type { SourceConfig } from '../model/source.js';
import type { OpmlOutline } from './parse-opml.js';
import { sourceIdFromUrl, sourceInputSchema, toSourceConfig } from './source-schema.js';

export interface PlannedSource { line: number; source: SourceConfig }
/** `earlierLine` is set when the URL was listed earlier in the same file: its categories join that source's tags. */
export interface DuplicateEntry { line: number; url: string; duplicateOf: string; earlierLine?: number }
export interface InvalidEntry { line: number; url: string; code: ErrorCode; message: string }
/** A source already there whose tags become the file's categories for it (at its first listing's line). */
export interface RetaggedSource { line: number; url: string; source: SourceConfig; tags: string[] }

export interface ImportPlan {
  add: PlannedSource[];
  retag: RetaggedSource[];
  duplicates: DuplicateEntry[];
  invalid: InvalidEntry[];
}

/** Feed types readers write; an outline without `type` (Miniflux) is a feed too. */
const FEED_TYPES = new Set(['rss', 'atom', 'rdf', 'feed']);
const MAX_ID = 64;
const MAX_TAGS = 32;

export function planImport(existing: readonly SourceConfig[], outlines: readonly OpmlOutline[], opts: { intervalSeconds?: number } = {}): ImportPlan {
  const plan: ImportPlan = { add: [], retag: [], duplicates: [], invalid: [] };
  const byUrl = new Map<string, SourceConfig>();
  for (const s of existing) byUrl.set(canonicalUrl(s.url) ?? s.url, s);
  /** Sources already there, by canonical URL: where the file first lists each and its categories. */
  const known = new Map<string, { line: number; url: string; source: SourceConfig; categories: string[] }>();
  const ids = new Set(existing.map((s) => s.id));
  const planned = new Map<string, PlannedSource>();
  for (const outline of outlines) {
    const url = outline.xmlUrl;
    if (outline.type !== undefined && !FEED_TYPES.has(outline.type.toLowerCase())) {
      plan.invalid.push({ line: outline.line, url, code: 'SOURCE_TYPE_UNSUPPORTED', message: `type "${outline.type}" is not a feed; only RSS, RDF and Atom feeds are imported` });
      continue;
    }
    const key = canonicalUrl(url);
    if (key === undefined) {
      plan.invalid.push({ line: outline.line, url, code: 'BAD_URL', message: 'xmlUrl is not an absolute http or https URL' });
      continue;
    }
    const earlier = planned.get(key);
    if (earlier !== undefined) {
      // Readers with labels (and renderOpml) list a feed once per category it is in.
      const tags = tagsOf([...(earlier.source.tags ?? []), ...outline.tags]);
      if (tags.length > 0) earlier.source.tags = tags;
      plan.duplicates.push({ line: outline.line, url, duplicateOf: earlier.source.id, earlierLine: earlier.line });
      continue;
    }
    const there = byUrl.get(key);
    if (there !== undefined) {
      const first = known.get(key);
      if (first === undefined) known.set(key, { line: outline.line, url, source: there, categories: [...outline.tags] });
      else {
        first.categories.push(...outline.tags);
        plan.duplicates.push({ line: outline.line, url, duplicateOf: there.id });
      }
      continue;
    }
    const parsed = sourceInputSchema.safeParse(inputOf(outline, opts.intervalSeconds));
    if (!parsed.success) {
      plan.invalid.push({ line: outline.line, url, code: 'CONFIG_INVALID', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'source'}: ${i.message}`).join('; ') });
      continue;
    }
    const source = toSourceConfig({ ...parsed.data, id: freeId(sourceIdFromUrl(url), ids) });
    ids.add(source.id);
    const entry = { line: outline.line, source };
    planned.set(key, entry);
    plan.add.push(entry);
  }
  for (const k of known.values()) {
    const tags = tagsOf(k.categories);
    // A file without categories for a feed says nothing of its tags: they stay as they are.
    if (tags.length > 0 && !sameTags(tags, k.source.tags ?? [])) plan.retag.push({ line: k.line, url: k.url, source: k.source, tags });
    else plan.duplicates.push({ line: k.line, url: k.url, duplicateOf: k.source.id });
  }
  plan.duplicates.sort((a, b) => a.line - b.line);
  return plan;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const sb = new Set(b);
  return a.length === sb.size && a.every((t) => sb.has(t));
}

function inputOf(outline: OpmlOutline, intervalSeconds: number | undefined): Record<string, unknown> {
  const tags = tagsOf(outline.tags);
  const siteUrl = outline.htmlUrl !== undefined ? canonicalUrl(outline.htmlUrl) : undefined;
  return {
    url: outline.xmlUrl,
    ...(outline.title !== undefined ? { name: outline.title } : {}),
    ...(intervalSeconds !== undefined ? { interval: intervalSeconds } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    // htmlUrl is only shown: one that is not a usable http(s) URL is dropped rather than refusing the feed.
    ...(siteUrl !== undefined && siteUrl.length <= 2048 ? { siteUrl } : {}),
  };
}

/** Sorted and unique, so the same categories always give the same tags; at most the schema's 32. */
function tagsOf(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normalTag).filter((t) => t !== ''))].sort().slice(0, MAX_TAGS);
}

/** `a / b//c` and `a/b/c` are one category. */
function normalTag(tag: string): string {
  return tag.split('/').map((p) => p.trim()).filter((p) => p !== '').join('/');
}

/** The URL's id, or with `-2`, `-3`... when another source (another URL) already has it. */
function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
}
