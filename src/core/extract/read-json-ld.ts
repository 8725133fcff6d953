// Reads schema.org JSON-LD blocks of a page into a flat list of objects (arrays and @graph unrolled).
// Tolerates broken blocks (skips them); never evaluates anything, never fetches @context.
import type { Element } from 'domhandler';
import { nodeText } from './node-text.js';

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|LiveBlogPosting|OpinionNewsArticle|ScholarlyArticle|TechArticle|SocialMediaPosting)$/;

function flatten(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > 5 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
    return;
  }
  const obj = value as JsonObject;
  out.push(obj);
  if (obj['@graph'] !== undefined) flatten(obj['@graph'], out, depth + 1);
}

/** Every JSON-LD object of the given `<script type="application/ld+json">` elements, in their order. */
export function readJsonLd(scripts: Element[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const el of scripts) {
    const raw = nodeText(el).trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
    try {
      flatten(JSON.parse(raw), out, 0);
    } catch {
      // a broken block says nothing; other blocks may still be fine
    }
  }
  return out;
}

function typesOf(obj: JsonObject): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** The article object if there is one (an Article subtype), else the first object with a headline. */
export function pickArticleObject(objects: JsonObject[]): JsonObject | undefined {
  return objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)))
    ?? objects.find((o) => typeof o['headline'] === 'string');
}

/** A person or organisation name from a string, an object with `name`, or an array of those. */
export function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (value !== null && typeof value === 'object') return nameOf((value as JsonObject)['name']);
  return undefined;
}

/** First string value among `keys` over the objects, article object first. */
export function firstString(objects: JsonObject[], keys: string[]): string | undefined {
  for (const obj of objects) {
    for (const key of keys) {
      const v = obj[key];
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
      if (Array.isArray(v) && typeof v[0] === 'string' && v[0].trim() !== '') return v[0].trim();
    }
  }
  return undefined;
}
