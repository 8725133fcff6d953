// Renders an alert as a Slack-compatible message `{text, blocks}` (also accepted by Mattermost,
// Discord's /slack endpoint and Teams workflows). Pure; every outside string is mrkdwn-escaped.
import type { Alert } from '../model/alert.js';
import type { ArticleCard } from '../model/article-card.js';
import type { Subscription } from '../model/subscription.js';
import { cleanLine, cleanText } from './clean-text.js';
import { truncateText } from './truncate-text.js';
import { boundSnippet, splitSnippet } from './split-snippet.js';

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

export interface SlackMessageInput {
  alert: Alert;
  article: ArticleCard;
  subscription: Subscription;
  sourceName: string;
}

/**
 * Slack's "Formatting text" guide: only &, < and > are control characters in mrkdwn and must become
 * &amp; &lt; &gt;. That also defuses `<!channel>`, `<@U123>` and fake `<url|label>` links in titles.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link target may not contain `|` or `>` (they end the target); percent-encode them. */
function slackUrl(url: string): string {
  return url.replace(/[|<>\s]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
}

const line = (s: string | undefined, max: number): string => cleanLine(s ?? '', max);

function matchLines(alert: Alert): string[] {
  return alert.matches.slice(0, 5).map((m) => {
    const p = boundSnippet(splitSnippet(cleanText(m.snippet, { singleLine: true }), m.surface), 140);
    // Bold needs no space inside the asterisks; the hit is trimmed so `*hit*` renders.
    const hit = p.hit.trim() ? `*${escapeMrkdwn(p.hit.trim())}*` : '';
    const where = m.path?.length ? ` _(${escapeMrkdwn(line(m.path.join(' › '), 200))})_` : '';
    return `• ${escapeMrkdwn(line(m.name, 100))}${where}: ${escapeMrkdwn(p.before)}${hit}${escapeMrkdwn(p.after)}`;
  });
}

export function renderSlackMessage(input: SlackMessageInput): SlackMessage {
  const { alert, article, subscription, sourceName } = input;
  const title = line(article.title, 250) || '(untitled)';
  const when = article.published ?? article.fetchedAt;
  const isHttp = /^https?:\/\//i.test(article.url);
  const titleLink = isHttp ? `<${slackUrl(article.url)}|${escapeMrkdwn(title)}>` : escapeMrkdwn(title);
  const source = escapeMrkdwn(line(sourceName, 100));
  const subName = escapeMrkdwn(line(subscription.name, 100));
  const matches = matchLines(alert).join('\n');
  return {
    // Fallback text for notifications and clients without blocks.
    text: truncateText(`[${subName}] ${escapeMrkdwn(title)}: ${source}`, 3000),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncateText(`*${titleLink}*`, 3000) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: truncateText(`${source} · ${escapeMrkdwn(when)} · ${subName}`, 3000) }] },
      ...(matches ? [{ type: 'section', text: { type: 'mrkdwn', text: truncateText(matches, 3000) } }] : []),
    ],
  };
}
