// Builds the JSON body of an `alert.updated` webhook (Standard Webhooks `{type, timestamp, data}`): the
// same alert id as its `alert.created`, what changed, from which source and article, and the event now.
// Pure; no secret, no channel address; small (a few changes and their articles).
import type { Alert } from '../model/alert.js';
import type { AlertUpdate } from '../model/alert-update.js';
import type { ArticleCard } from '../model/article-card.js';
import type { Subscription } from '../model/subscription.js';
import { cleanLine } from './clean-text.js';
import { truncateText } from './truncate-text.js';

export interface UpdateArticle { article: ArticleCard; sourceName: string }

export interface WebhookUpdateInput {
  alert: Alert;
  update: AlertUpdate;
  subscription: Subscription;
  /** The articles the changes name (an expired one is left out of `articles`, its id stays on the change). */
  articles: ReadonlyMap<string, UpdateArticle>;
  now: Date;
}

const line = (s: string | undefined, max: number): string => cleanLine(s ?? '', max);

export function renderWebhookUpdatePayload(input: WebhookUpdateInput): string {
  const { alert, update, subscription, now } = input;
  const ids = [...new Set(update.changes.map((c) => c.articleId))];
  return JSON.stringify({
    type: 'alert.updated',
    timestamp: now.toISOString(),
    data: {
      alert: { id: alert.id, storyId: alert.storyId, createdAt: alert.createdAt },
      update: { seq: update.seq, createdAt: update.createdAt },
      subscription: { id: subscription.id, name: line(subscription.name, 200) },
      summary: line(update.summary, 600),
      event: update.event,
      changes: update.changes.map((c) => ({ field: c.field, from: c.from, to: c.to, sourceId: c.sourceId, articleId: c.articleId })),
      articles: ids.flatMap((id) => {
        const a = input.articles.get(id);
        return a ? [{ id, url: truncateText(a.article.url, 2048), title: line(a.article.title, 300), source: line(a.sourceName, 200), language: a.article.lang ?? null, published: a.article.published ?? null }] : [];
      }),
    },
  });
}
