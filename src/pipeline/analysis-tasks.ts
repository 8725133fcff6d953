// The CPU-heavy steps of polling and of the article stage, as tasks of plain values in and plain values
// out: the module a worker thread of the analysis pool runs (adapters/pool/create-analysis-pool.ts), also
// called in-process when the pool has no threads. No I/O, no Redis, no clock: a thread has none of them.
// Errors come back as values (wire-error.ts) so their stable codes survive the thread boundary.
import { deserialize } from 'node:v8';
import { decodeText } from '../core/feed/decode-text.js';
import { parseFeed } from '../core/feed/parse-feed.js';
import { parseListing, type ListingOptions } from '../core/feed/parse-listing.js';
import { findHubLinks, type HubLinks } from '../core/websub/find-hub-links.js';
import { extractArticle, type ExtractedArticle } from '../core/extract/extract-article.js';
import type { SiteRule } from '../core/extract/site-rules.js';
import { matchDocument, type MatchDoc, type MatchField, type MatchResult } from '../core/match/match-document.js';
import { readEvents } from '../core/events/read-events.js';
import type { ArticleEvent } from '../core/events/event.js';
import { compileMatcher, type Matcher } from '../core/match/compile-matcher.js';
import { bytesReader, readMatcherSnapshot, writeMatcherSnapshot } from '../core/match/matcher-snapshot.js';
import { findCandidates, type FoundCandidate } from '../core/candidates/find-candidates.js';
import { knownCandidateKeys } from '../core/candidates/known-candidate-keys.js';
import type { Entity } from '../core/entities/entity.js';
import { mergeEntities } from '../core/entities/merge-entities.js';
import { queryVerdicts } from '../core/match/rules/evaluate-rules.js';
import type { QueryNode } from '../core/match/query/query-node.js';
import type { FeedItem } from '../core/model/feed-item.js';
import { toWireError, type WireError } from '../core/errors/wire-error.js';

export type TaskResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** A fetched (or pushed) source document: feed XML, or an HTML listing page read with `listing`. */
export interface SourceDocInput { body: Uint8Array; contentType?: string; linkHeader?: string; url: string; kind: 'feed' | 'html'; listing?: Omit<ListingOptions, 'baseUrl'> }
export interface SourceDocItems { items: FeedItem[]; ttlSeconds?: number; hubLinks?: HubLinks }

/** An article page as fetched: bytes and the Content-Type that says how to decode them. */
export interface PageInput { body: Uint8Array; contentType?: string; url: string; rules?: SiteRule; langHint?: string }

/** The entity catalog a thread matches with: its version, the compiled matcher as snapshot bytes and
 * the known actors' candidate keys as UTF-8 JSON (shared memory: every task of a version carries the
 * same buffers, no copy). The keys come ready-made because finding them in the snapshot means parsing
 * every entity, ~3x the time of reading the matcher. In-process, the matcher and entities themselves. */
export type CatalogRef = ({ version: string } & SharedCatalog) | { version: string; matcher: Matcher; entities: readonly Entity[] };
/** A compiled catalog as threads read it: the matcher snapshot bytes and the known actors' keys (encodeKnownKeys). */
export interface SharedCatalog { bytes: SharedArrayBuffer; known: SharedArrayBuffer }
/** `events`: read the document's events; `candidates`: find the named groups the catalog lacks. */
export interface AnalyseInput { doc: MatchDoc; catalog: CatalogRef; fields?: MatchField[]; events: boolean; candidates?: boolean }
export interface Analysis { result: MatchResult; events: ArticleEvent[]; candidates: FoundCandidate[] }

async function settle<T>(run: () => T | Promise<T>): Promise<TaskResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    return { ok: false, error: toWireError(err) };
  }
}

export async function readSourceDoc(input: SourceDocInput): Promise<SourceDocItems> {
  const { text } = decodeText(input.body, { contentType: input.contentType, kind: input.kind === 'feed' ? 'xml' : 'html' });
  if (input.kind === 'html' && input.listing) return { items: parseListing(text, { baseUrl: input.url, ...input.listing }) };
  const feed = await parseFeed(text, { baseUrl: input.url });
  return { items: feed.items, ttlSeconds: feed.ttlSeconds, hubLinks: findHubLinks({ body: text, linkHeader: input.linkHeader, baseUrl: input.url }) };
}

export function extractPage(input: PageInput): ExtractedArticle {
  const { text: html } = decodeText(input.body, { contentType: input.contentType, kind: 'html' });
  return extractArticle(html, { url: input.url, rules: input.rules, langHint: input.langHint });
}

/** The text of a feed's own HTML content (content:encoded); '' when it cannot be read. */
export function contentText(input: { html: string; url: string; lang?: string }): string {
  try {
    return extractArticle(`<html><body><article>${input.html}</article></body></html>`, { url: input.url, langHint: input.lang }).text;
  } catch {
    return '';
  }
}

interface Loaded { version: string; matcher: Matcher; known: () => Set<string> }

/** One catalog per thread, rebuilt from the snapshot bytes when the version moves (an entity edit). */
let loaded: Loaded | undefined;
/** In-process: the known actor keys of each entity list, computed once per catalog version. */
const knownOf = new WeakMap<readonly Entity[], Set<string>>();

function once<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= make());
}

function catalogOf(catalog: CatalogRef): Loaded {
  if ('matcher' in catalog) {
    const { entities } = catalog;
    return { version: catalog.version, matcher: catalog.matcher, known: () => {
      let keys = knownOf.get(entities);
      if (!keys) { keys = knownCandidateKeys(entities); knownOf.set(entities, keys); }
      return keys;
    } };
  }
  // By version, not by buffer: each message brings a new SharedArrayBuffer object over the same memory.
  if (loaded?.version !== catalog.version) {
    const bytes = new Uint8Array(catalog.bytes);
    const known = new Uint8Array(catalog.known);
    loaded = { version: catalog.version, matcher: readMatcherSnapshot(bytesReader(bytes)), known: once(() => decodeKnownKeys(known)) };
  }
  return loaded;
}

/** The known actors' candidate keys as a CatalogRef carries them (UTF-8 JSON), and back. */
export const encodeKnownKeys = (keys: Iterable<string>): Uint8Array => new TextEncoder().encode(JSON.stringify([...keys]));
const decodeKnownKeys = (bytes: Uint8Array): Set<string> => new Set(JSON.parse(new TextDecoder().decode(bytes)) as string[]);

export function analyse(input: AnalyseInput): Analysis {
  const catalog = catalogOf(input.catalog);
  const result = matchDocument(catalog.matcher, input.doc, input.fields ? { fields: input.fields } : {});
  return {
    result,
    events: input.events ? readEvents(input.doc, result) : [],
    candidates: input.candidates ? findCandidates(input.doc, result, catalog.known()) : [],
  };
}

/**
 * The entities an entity edit makes, as a compile task receives them: the shipped ones serialized
 * (node:v8) once per process into shared memory, in chunks, and the API edits laid over them, which are
 * few and sent as they are. The thread reads the chunks for each compile and keeps nothing: edits are
 * rare, and the shipped entities would hold tens of megabytes in a thread that matches without them.
 */
export interface CompileInput { base: SharedArrayBuffer[]; overlay: Entity[] }

/**
 * Compiles the merged catalog on this thread and returns it as threads read it, in shared memory: the
 * answer crosses back without a copy, and the pool hands the same bytes to every thread (no second write).
 */
export function compileCatalog(input: CompileInput): SharedCatalog {
  const base = input.base.flatMap((chunk) => deserialize(new Uint8Array(chunk)) as Entity[]);
  const entities = mergeEntities(base, input.overlay);
  const matcher = compileMatcher(entities);
  return { bytes: toShared(writeMatcherSnapshot(matcher)), known: toShared(encodeKnownKeys(knownCandidateKeys(entities))) };
}

/** A copy of the bytes in shared memory, which every thread's message carries without copying. */
export function toShared(bytes: Uint8Array): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}

/** A short text that has a place, an event and a named group: analysing it reaches every part of the catalog. */
const WARM_DOC: MatchDoc = { title: 'Warm-up', text: 'A drone strike near Abu Kamal killed two people. A new militia called the Warm-up Brigade was seen.', lang: 'en' };

/**
 * Reads the catalog now and analyses a short text with events and candidates, so a thread's first
 * article does not pay for the snapshot read and the first run of each step. A thread already holding
 * this version does nothing. Returns whether it read the catalog.
 */
export function warmCatalog(catalog: CatalogRef): boolean {
  if (!('matcher' in catalog) && loaded?.version === catalog.version) return false;
  analyse({ doc: WARM_DOC, catalog, events: true, candidates: true });
  return true;
}

/** Keyword queries of the subscriptions an article may fire, over its text: whether each holds. */
export interface QueriesInput { doc: { title?: string; summary?: string; text?: string }; queries: QueryNode[]; events?: ArticleEvent[] }
export const evaluateQueries = (input: QueriesInput): boolean[] => queryVerdicts(input.queries, input.doc, input.events);

// The thread's entry points (Piscina calls them by name): each settles to a value.
export const readSourceDocTask = (input: SourceDocInput) => settle(() => readSourceDoc(input));
export const extractPageTask = (input: PageInput) => settle(() => extractPage(input));
export const contentTextTask = (input: { html: string; url: string; lang?: string }) => settle(() => contentText(input));
export const analyseTask = (input: AnalyseInput) => settle(() => analyse(input));
export const evaluateQueriesTask = (input: QueriesInput) => settle(() => evaluateQueries(input));
export const compileCatalogTask = (input: CompileInput) => settle(() => compileCatalog(input));
