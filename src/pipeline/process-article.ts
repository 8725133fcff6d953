// The article stage: fetch and extract the item's page (or use the feed's own content), store the
// article once per canonical URL, match it, attach it to a story, and route it to subscriptions.
// Safe to run twice: every write is keyed by a deterministic id and the routed mark is written last.
import { CAPS } from '../adapters/http/safe-fetch.js';
import { findSiteRule } from '../core/extract/site-rules.js';
import { isVigieError, VigieError } from '../core/errors/vigie-error.js';
import type { Match } from '../core/match/match-document.js';
import { articleFingerprint } from '../core/stories/article-fingerprint.js';
import { assignStory, candidateKeys } from '../core/stories/assign-story.js';
import type { Article } from '../core/model/article.js';
import type { FeedItem } from '../core/model/feed-item.js';
import type { SourceConfig } from '../core/model/source.js';
import type { MatchExplanation } from '../core/model/alert.js';
import type { ArticleJob } from '../adapters/queue/queues.js';
import type { Services } from '../runtime/create-services.js';
import type { EntitySnapshot } from './entity-catalog.js';
import { routeArticle, type RouteOutcome } from './route-article.js';
import { noteCandidates } from './note-candidates.js';

export interface ArticleOutcome { articleId: string; status: 'routed' | 'duplicate' | 'already-routed'; storyId?: string; route?: RouteOutcome }

/**
 * Fetches and extracts the page; a failure keeps the feed's own text and records why (never drops the item).
 * Decoding and extraction run on the analysis pool: a pathological page holds a thread, not the event loop.
 */
async function readArticle(s: Services, source: SourceConfig, item: FeedItem, matched: boolean, lastAttempt: boolean) {
  const feedText = item.contentHtml ? await s.analysis.contentText({ html: item.contentHtml, url: item.url ?? source.url, lang: source.lang }) : item.summary;
  const base = { title: item.title, text: feedText, lang: source.lang as string | undefined, published: item.published, extractError: undefined as string | undefined };
  const wantPage = source.fetchArticles && item.url && (!source.fetchOnlyWhenMatched || matched);
  if (!wantPage || !item.url) return base;
  try {
    const res = await s.fetcher.fetch(item.url, { maxBytes: CAPS.pageBytes, headers: { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' } });
    if (res.status < 200 || res.status > 299) {
      throw new VigieError('HTTP_STATUS', 'article', `${item.url} answered ${res.status}`, { permanent: res.status < 500 && res.status !== 429 && res.status !== 408, details: { status: res.status } });
    }
    const rule = source.extract?.content ? { content: source.extract.content, title: source.extract.title, published: source.extract.published, remove: source.extract.remove } : findSiteRule(item.url);
    const ex = await s.analysis.extractPage({ body: res.body, contentType: res.headers['content-type'], url: res.url, rules: rule, langHint: source.lang });
    return { title: item.title || ex.title, text: ex.text, lang: ex.lang ?? source.lang, published: item.published ?? ex.published, extractError: undefined };
  } catch (err) {
    const code = isVigieError(err) ? err.code : 'FETCH_CONNECT';
    const permanent = isVigieError(err) ? err.permanent : false;
    // Transient failures are retried by the queue; on the last attempt (or a permanent error) the feed's text stands in.
    if (!permanent && !lastAttempt) throw err;
    s.log.warn({ event: 'article.extract.failed', url: item.url, code }, String((err as Error).message));
    return { ...base, extractError: code };
  }
}

function toExplanations(matches: Match[]): MatchExplanation[] {
  return matches.filter((m) => !m.suppressedBy).map((m) => ({
    entityId: m.entityId, kind: m.kind, name: m.name, alias: m.alias, surface: m.surface, field: m.field,
    start: m.start, end: m.end, snippet: m.snippet, path: m.path,
  }));
}

async function assignToStory(s: Services, article: Article, entities: EntitySnapshot, entityIds: string[]): Promise<string> {
  const known = await s.stories.storyOfArticle(article.id);
  if (known) return known;
  const fp = articleFingerprint(article, entityIds, entities.graph);
  const indexKeys = candidateKeys(fp);
  return s.stories.withLock(async () => {
    const now = s.clock();
    const candidates = await s.stories.candidates(indexKeys, now);
    const decision = assignStory(fp, candidates, { now });
    const storyId = await s.stories.setStoryOfArticle(article.id, decision.storyId);
    await s.stories.addArticle(storyId, article.id, fp, indexKeys, now);
    s.log.debug({ event: 'story.assigned', articleId: article.id, storyId, isNew: decision.isNew, reason: decision.reason }, 'story');
    return storyId;
  });
}

export async function processArticle(s: Services, job: ArticleJob, attempt: { lastAttempt: boolean }): Promise<ArticleOutcome> {
  const { sourceId, item, articleId } = job;
  if (await s.articles.isRouted(articleId)) {
    await s.articles.addAlsoFrom(articleId, sourceId);
    return { articleId, status: 'already-routed' };
  }
  const source = await s.sources.get(sourceId);
  const entities = await s.entities.current();
  let article = await s.articles.get(articleId);
  if (article && article.sourceId !== sourceId) {
    // Another source brought the same canonical URL: listed on the article, routed once by its first source.
    await s.articles.addAlsoFrom(articleId, sourceId);
    return { articleId, status: 'duplicate' };
  }
  if (!article) {
    const src: SourceConfig = source ?? { id: sourceId, name: sourceId, url: item.url ?? '', kind: 'feed', intervalSeconds: 900, fetchArticles: false, enabled: false };
    const pass1 = src.fetchOnlyWhenMatched
      ? (await s.analysis.analyse({ title: item.title, summary: item.summary, lang: src.lang }, entities, { fields: ['title', 'summary'], events: false })).result
      : undefined;
    const read = await readArticle(s, src, item, (pass1?.entities.length ?? 1) > 0, attempt.lastAttempt);
    const candidate: Article = {
      id: articleId, url: item.url ?? `urn:vigie:${sourceId}:${item.key}`, sourceId, title: read.title, summary: item.summary,
      text: read.text, lang: read.lang, published: read.published, fetchedAt: s.clock().toISOString(),
      ...(read.extractError ? { extractError: read.extractError } : {}),
    };
    const stored = await s.articles.putIfAbsent(candidate);
    article = stored ? candidate : ((await s.articles.get(articleId)) ?? candidate);
    if (stored) s.metrics.articles.inc();
  }
  const doc = { title: article.title, summary: article.summary, text: article.text, lang: article.lang };
  // Matching and event reading run on the analysis pool, with this catalog version (edits reach the threads).
  const { result, events, candidates } = await s.analysis.analyse(doc, entities, { events: true, candidates: true });
  const entityIds = result.entities.map((e) => e.id);
  s.metrics.matches.inc(result.matches.length);
  if (JSON.stringify(article.events) !== JSON.stringify(events)) {
    await s.articles.setEvents(article, events);
    article = { ...article, events };
  }
  const storyId = await assignToStory(s, article, entities, entityIds);
  const route = await routeArticle(s, { article, entityIds, storyId, explanations: toExplanations(result.matches), events, entities });
  // After routing: noting candidates (keyed by article id, errors logged and kept) never delays an alert.
  await noteCandidates(s, article, candidates);
  await s.articles.markRouted(articleId);
  s.log.info({ event: 'article.routed', articleId, sourceId, storyId, entities: entityIds.length, alerts: route.alertsCreated, attached: route.attached }, 'article routed');
  return { articleId, status: 'routed', storyId, route };
}
