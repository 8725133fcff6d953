// Renders an alert update for a Slack-compatible channel: the new summary line and one line per change
// with its source. Slack has no reply-by-id for incoming webhooks, so the message names its alert. Pure.
import type { Subscription } from '../model/subscription.js';
import type { AlertUpdate } from '../model/alert-update.js';
import { cleanLine } from './clean-text.js';
import { truncateText } from './truncate-text.js';
import { changeLine } from './change-line.js';
import { escapeMrkdwn, type SlackMessage } from './slack-message.js';
import type { UpdateArticle } from './webhook-update-payload.js';

export interface SlackUpdateInput {
  update: AlertUpdate;
  subscription: Subscription;
  /** The alert's first article, named so readers know which alert this updates. */
  first?: UpdateArticle;
  articles: ReadonlyMap<string, UpdateArticle>;
}

export function renderSlackUpdate(input: SlackUpdateInput): SlackMessage {
  const { update, subscription } = input;
  const subName = escapeMrkdwn(cleanLine(subscription.name, 100));
  const summary = escapeMrkdwn(cleanLine(update.summary, 250));
  const of = input.first ? ` (${escapeMrkdwn(cleanLine(input.first.article.title, 200))})` : '';
  const lines = update.changes.map((c) => {
    const src = input.articles.get(c.articleId);
    return `• ${escapeMrkdwn(changeLine(c))}${src ? ` _${escapeMrkdwn(cleanLine(src.sourceName, 100))}_` : ''}`;
  });
  return {
    text: truncateText(`[${subName}] Update: ${summary}${of}`, 3000),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncateText(`*Update:* ${summary}${of}`, 3000) } },
      { type: 'section', text: { type: 'mrkdwn', text: truncateText(lines.join('\n'), 3000) } },
    ],
  };
}
