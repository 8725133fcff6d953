// Builds the JSON body of an `alert.created` webhook (Standard Webhooks `{type, timestamp, data}`).
// Pure; carries no secret and no channel address, and stays under 20 KB whatever the article's size.
import type { Alert, MatchExplanation } from '../model/alert.js';
import type { ArticleCard } from '../model/article-card.js';
import type { Subscription } from '../model/subscription.js';
import type { ArticleEvent } from '../events/event.js';
import { cleanLine, cleanText } from './clean-text.js';
import { truncateText } from './truncate-text.js';
import { boundSnippet, splitSnippet } from './split-snippet.js';

/** The spec: payloads are "usually smaller than 20kb"; we make it a hard bound (bytes of UTF-8). */
export const MAX_WEBHOOK_PAYLOAD_BYTES = 20_000;
const LIMITS = { title: 300, summary: 600, name: 200, url: 2048, snippetContext: 160, pathItems: 10, matches: 20, related: 10, events: 5, evidence: 3, sentence: 400 };

export interface WebhookPayloadInput {
  alert: Alert;
  article: ArticleCard;
  subscription: Subscription;
  sourceName: string;
  related?: ArticleCard[];
  now: Date;
}

const line = (s: string | undefined, max: number): string => cleanLine(s ?? '', max);

function renderMatch(m: MatchExplanation): Record<string, unknown> {
  const parts = boundSnippet(splitSnippet(cleanText(m.snippet, { singleLine: true }), m.surface), LIMITS.snippetContext);
  return {
    entityId: line(m.entityId, LIMITS.name),
    kind: m.kind,
    name: line(m.name, LIMITS.name),
    alias: line(m.alias, LIMITS.name),
    surface: line(m.surface, LIMITS.name),
    field: m.field,
    start: m.start,
    end: m.end,
    // Same « » convention as the matcher, so receivers can highlight the hit.
    snippet: parts.hit ? `${parts.before}«${parts.hit}»${parts.after}` : parts.before,
    ...(m.path ? { path: m.path.slice(0, LIMITS.pathItems).map((p) => line(p, LIMITS.name)) } : {}),
  };
}

function renderEvent(e: ArticleEvent): Record<string, unknown> {
  return {
    type: e.type, killed: e.killed, injured: e.injured, where: e.where.slice(0, LIMITS.pathItems), actors: e.actors.slice(0, LIMITS.pathItems),
    summary: line(e.summary, LIMITS.summary),
    evidence: e.evidence.slice(0, LIMITS.evidence).map((v) => ({ field: v.field, start: v.start, end: v.end, sentence: line(v.sentence, LIMITS.sentence) })),
  };
}

function renderArticle(article: ArticleCard, sourceName: string): Record<string, unknown> {
  return {
    id: article.id,
    url: truncateText(article.url, LIMITS.url),
    title: line(article.title, LIMITS.title),
    summary: line(article.summary, LIMITS.summary),
    source: line(sourceName, LIMITS.name),
    language: article.lang ?? null,
    published: article.published ?? null,
    fetched: article.fetchedAt,
  };
}

export function renderWebhookPayload(input: WebhookPayloadInput): string {
  const { alert, article, subscription, sourceName, now } = input;
  let matches = alert.matches.slice(0, LIMITS.matches).map(renderMatch);
  const events = (alert.events ?? []).slice(0, LIMITS.events);
  let related = (input.related ?? []).slice(0, LIMITS.related)
    .map((a) => ({ url: truncateText(a.url, LIMITS.url), title: line(a.title, LIMITS.name), source: line(a.sourceId, LIMITS.name) }));
  const build = (): string => JSON.stringify({
    type: 'alert.created',
    timestamp: now.toISOString(),
    data: {
      alert: { id: alert.id, storyId: alert.storyId, createdAt: alert.createdAt },
      subscription: { id: subscription.id, name: line(subscription.name, LIMITS.name) },
      article: renderArticle(article, sourceName),
      story: { id: alert.storyId, related },
      matchCount: alert.matches.length,
      matches,
      // The main event's one-line summary, then every event read (types, counts, places, actors).
      summary: alert.events?.[0] ? line(alert.events[0].summary, LIMITS.summary) : null,
      events: events.map(renderEvent),
    },
  });
  let body = build();
  // Long text is already cut per field; if many multi-byte fields still add up, shed matches, then related.
  while (Buffer.byteLength(body, 'utf8') > MAX_WEBHOOK_PAYLOAD_BYTES && (matches.length > 1 || related.length > 0)) {
    if (matches.length > 1) matches = matches.slice(0, -1);
    else related = related.slice(0, -1);
    body = build();
  }
  return body;
}
