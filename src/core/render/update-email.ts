// Renders an alert update as an email that replies to the alert's own email: "Re: " + its subject,
// In-Reply-To and References naming its Message-ID (RFC 5322 §3.6.4), so mail clients thread them.
// Pure; all outside text escaped; the SMTP send is the smtp adapter's job.
import type { AlertUpdate } from '../model/alert-update.js';
import { cleanLine } from './clean-text.js';
import { escapeHtml } from './escape-html.js';
import { changeLine } from './change-line.js';
import { emailFooterText, emailHeaders, emailPage, subjectOf, type EmailEnvelopeInput, type EmailMessage } from './email-message.js';
import type { UpdateArticle } from './webhook-update-payload.js';

export interface UpdateEmailInput extends EmailEnvelopeInput {
  update: AlertUpdate;
  /** The delivery id of the alert's own email on this channel: its Message-ID's local part. */
  alertDeliveryId: string;
  /** The alert's first article, for the subject it was sent under (absent once expired). */
  first?: UpdateArticle;
  articles: ReadonlyMap<string, UpdateArticle>;
}

const isHttpUrl = (url: string): boolean => /^https?:\/\/[^\s<>"]+$/i.test(url);

function sourceText(input: UpdateEmailInput, articleId: string): { text: string; html: string } {
  const a = input.articles.get(articleId);
  if (!a) return { text: '', html: '' };
  const title = cleanLine(a.article.title, 200);
  const source = cleanLine(a.sourceName, 100);
  const url = isHttpUrl(a.article.url) ? a.article.url : undefined;
  return {
    text: ` (${source}: ${title}${url ? ` ${url}` : ''})`,
    html: ` <span style="color:#555">(<bdi>${escapeHtml(source)}</bdi>: ${url ? `<a href="${escapeHtml(url)}">` : ''}<bdi>${escapeHtml(title)}</bdi>${url ? '</a>' : ''})</span>`,
  };
}

export function renderUpdateEmail(input: UpdateEmailInput): EmailMessage {
  const base = emailHeaders(input);
  // The reply target is built by the same rule as the alert's own Message-ID (and checked by it).
  const parent = emailHeaders({ ...input, deliveryId: input.alertDeliveryId })['Message-ID'];
  const original = subjectOf(input.subscription.name, cleanLine(input.first?.article.title ?? '', 201) || 'New alert');
  const subject = cleanLine(`Re: ${original}`, 206);
  const summary = cleanLine(input.update.summary, 200);
  const lines = input.update.changes.map((c) => ({ change: changeLine(c), source: sourceText(input, c.articleId) }));
  const text = [`Update: ${summary}`, '', ...lines.map((l) => `- ${l.change}${l.source.text}`)].join('\n');
  const html = [
    `<h1 style="font-size:20px">Update: ${escapeHtml(summary)}</h1>`,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l.change)}${l.source.html}</li>`).join('')}</ul>`,
  ].join('\n');
  return {
    subject,
    text: text + emailFooterText(input),
    html: emailPage(subject, html, input),
    headers: { ...base, 'In-Reply-To': parent, References: parent },
  };
}
