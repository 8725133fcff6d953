// Renders alert emails (one alert, or a digest of several): subject, text and HTML parts, and the
// Message-ID / List-Unsubscribe headers. Pure; the SMTP send is the smtp adapter's job.
import type { Subscription } from '../model/subscription.js';
import { VigieError } from '../errors/vigie-error.js';
import { cleanLine } from './clean-text.js';
import { escapeHtml } from './escape-html.js';
import { renderAlertBlockHtml, renderAlertBlockText, type EmailAlertItem } from './email-alert-block.js';

export type { EmailAlertItem } from './email-alert-block.js';

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
  headers: { 'Message-ID': string; 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string; 'In-Reply-To'?: string; References?: string };
}

export interface EmailEnvelopeInput {
  subscription: Subscription;
  /** Signed one-click link (see unsubscribe-token); answers POST per RFC 8058. */
  unsubscribeUrl: string;
  deliveryId: string;
  /** Right-hand side of the Message-ID: the sending domain. */
  domain: string;
}

export interface AlertEmailInput extends EmailAlertItem, EmailEnvelopeInput {}

export interface DigestEmailInput extends EmailEnvelopeInput {
  items: EmailAlertItem[];
  period: 'hourly' | 'daily';
}

/** Subjects are at most 200 characters plus "…" (RFC 5322 lines stay far below 998 octets once encoded). */
export const MAX_SUBJECT_CHARS = 200;
const MAX_DIGEST_ITEMS = 100;

export function emailHeaders(input: EmailEnvelopeInput): EmailMessage['headers'] {
  const { unsubscribeUrl, deliveryId, domain } = input;
  if (!/^[A-Za-z0-9_-]+$/.test(deliveryId)) throw new VigieError('CONFIG_INVALID', 'email-message', 'delivery id has invalid characters');
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$/.test(domain)) throw new VigieError('CONFIG_INVALID', 'email-message', 'mail domain is invalid');
  // RFC 2369 wraps the URI in angle brackets; it must not be able to close them or start a new line.
  // http is accepted for local and test deployments (VIGIE_PUBLIC_URL on loopback); production uses https.
  if (!/^https?:\/\/[\x21-\x7e]+$/.test(unsubscribeUrl) || /[<>"]/.test(unsubscribeUrl)) {
    throw new VigieError('CONFIG_INVALID', 'email-message', 'unsubscribe URL must be an http(s) URL without <, > or spaces');
  }
  return {
    'Message-ID': `<${deliveryId}@${domain}>`,
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    // RFC 8058 one-click: mailbox providers POST this body to the List-Unsubscribe URL.
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** "[subscription] rest", cleaned and cut to a subject's length. */
export function subjectOf(subscriptionName: string, rest: string): string {
  const name = cleanLine(subscriptionName, 60);
  return cleanLine(name ? `[${name}] ${rest}` : rest, MAX_SUBJECT_CHARS + 1);
}

export function emailPage(title: string, body: string, input: EmailEnvelopeInput): string {
  const sub = escapeHtml(cleanLine(input.subscription.name, 200));
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,Noto Sans,Noto Sans Arabic,sans-serif;line-height:1.5;color:#111">',
    body,
    '<hr style="border:none;border-top:1px solid #ddd">',
    `<p style="font-size:12px;color:#666">Subscription <bdi>${sub}</bdi>. `
      + `<a href="${escapeHtml(input.unsubscribeUrl)}">Unsubscribe</a></p>`,
    '</body></html>',
  ].join('\n');
}

export function emailFooterText(input: EmailEnvelopeInput): string {
  return `\n\n-- \nSubscription: ${cleanLine(input.subscription.name, 200)}\nUnsubscribe: ${input.unsubscribeUrl}\n`;
}

export function renderAlertEmail(input: AlertEmailInput): EmailMessage {
  const hdrs = emailHeaders(input);
  const subject = subjectOf(input.subscription.name, cleanLine(input.article.title, MAX_SUBJECT_CHARS + 1) || 'New alert');
  return {
    subject,
    text: renderAlertBlockText(input) + emailFooterText(input),
    html: emailPage(subject, renderAlertBlockHtml(input), input),
    headers: hdrs,
  };
}

export function renderDigestEmail(input: DigestEmailInput): EmailMessage {
  const hdrs = emailHeaders(input);
  const count = input.items.length;
  const subject = subjectOf(input.subscription.name, `${count} alert${count === 1 ? '' : 's'} (${input.period} digest)`);
  const shown = input.items.slice(0, MAX_DIGEST_ITEMS);
  const more = count - shown.length;
  const moreText = more > 0 ? `\n\n${more} more alert${more === 1 ? '' : 's'} not shown.` : '';
  const heading = `<h1 style="font-size:20px">${escapeHtml(subject)}</h1>`;
  return {
    subject,
    text: shown.map(renderAlertBlockText).join('\n\n----\n\n') + moreText + emailFooterText(input),
    html: emailPage(subject, [heading, ...shown.map(renderAlertBlockHtml), more > 0 ? `<p>${escapeHtml(moreText.trim())}</p>` : ''].join('\n'), input),
    headers: hdrs,
  };
}
