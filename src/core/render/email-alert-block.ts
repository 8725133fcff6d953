// Renders one alert (title, source, time, highlighted snippets, region path, link) as an HTML fragment
// and as plain text; shared by the single-alert email and the digest. Pure; all outside text escaped.
import type { Alert, MatchExplanation } from '../model/alert.js';
import type { ArticleCard } from '../model/article-card.js';
import { cleanLine, cleanText } from './clean-text.js';
import { escapeHtml } from './escape-html.js';
import { truncateText } from './truncate-text.js';
import { boundSnippet, splitSnippet } from './split-snippet.js';

export interface EmailAlertItem {
  alert: Alert;
  article: ArticleCard;
  sourceName: string;
}

const RTL_LANGS = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'ckb']);
const MAX_MATCHES = 5;

const line = (s: string | undefined, max: number): string => cleanLine(s ?? '', max);

/** `dir="rtl"` when the article's language is written right to left, else let the browser decide per block. */
export function textDir(lang: string | undefined): 'rtl' | 'auto' {
  return lang && RTL_LANGS.has(lang.toLowerCase().split('-')[0]!) ? 'rtl' : 'auto';
}

/** ISO time shown as `2024-05-01 12:34 UTC`; an unparseable value is shown as given. */
export function displayTime(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return line(value, 40);
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The main event's summary ("Drone strike · 6 killed · Abu Kamal (Deir ez-Zor)"), when there is an event. */
export function eventLine(alert: Alert): string | undefined {
  const main = alert.events?.[0];
  return main && main.type !== 'none' ? line(main.summary, 200) : undefined;
}

const isHttpUrl = (url: string): boolean => /^https?:\/\/[^\s<>"]+$/i.test(url);

function matchParts(m: MatchExplanation) {
  const parts = boundSnippet(splitSnippet(cleanText(m.snippet, { singleLine: true }), m.surface), 200);
  const path = (m.path ?? []).slice(0, 8).map((p) => line(p, 80));
  return { parts, path, name: line(m.name, 120) };
}

export function renderAlertBlockHtml(item: EmailAlertItem): string {
  const { alert, article, sourceName } = item;
  const dir = textDir(article.lang);
  const lang = article.lang ? ` lang="${escapeHtml(line(article.lang, 20))}"` : '';
  const title = escapeHtml(line(article.title, 300) || '(untitled)');
  const url = isHttpUrl(article.url) ? article.url : undefined;
  const when = displayTime(article.published ?? article.fetchedAt);
  const heading = url ? `<a href="${escapeHtml(url)}">${title}</a>` : title;
  const summary = eventLine(alert);
  const matches = alert.matches.slice(0, MAX_MATCHES).map((m) => {
    const { parts, path, name } = matchParts(m);
    const where = path.length ? ` <span style="color:#555">(${path.map((p) => `<bdi>${escapeHtml(p)}</bdi>`).join(' › ')})</span>` : '';
    const hit = parts.hit ? `<mark>${escapeHtml(parts.hit)}</mark>` : '';
    return `<li><strong><bdi>${escapeHtml(name)}</bdi></strong>${where}`
      + `<blockquote dir="${dir}"${lang} style="margin:4px 0 8px 0;padding:0 8px;border-inline-start:3px solid #ccc">`
      + `${escapeHtml(parts.before)}${hit}${escapeHtml(parts.after)}</blockquote></li>`;
  });
  return [
    '<div style="margin:0 0 24px 0">',
    `<p style="margin:0;color:#555;font-size:13px"><bdi>${escapeHtml(line(sourceName, 120))}</bdi> · <time datetime="${escapeHtml(line(article.published ?? article.fetchedAt, 40))}">${escapeHtml(when)}</time></p>`,
    `<h2 dir="${dir}"${lang} style="margin:4px 0 8px 0;font-size:18px">${heading}</h2>`,
    summary ? `<p style="margin:0 0 8px 0;font-weight:bold">${escapeHtml(summary)}</p>` : '',
    matches.length ? `<ul style="padding-inline-start:20px">${matches.join('')}</ul>` : '',
    url ? `<p style="margin:0;font-size:13px"><a href="${escapeHtml(url)}">${escapeHtml(truncateText(url, 200))}</a></p>` : '',
    '</div>',
  ].join('\n');
}

export function renderAlertBlockText(item: EmailAlertItem): string {
  const { alert, article, sourceName } = item;
  const ev = eventLine(alert);
  const lines = [
    line(article.title, 300) || '(untitled)',
    `${line(sourceName, 120)} · ${displayTime(article.published ?? article.fetchedAt)}`,
    ...(ev ? [ev] : []),
    ...(isHttpUrl(article.url) ? [article.url] : []),
  ];
  for (const m of alert.matches.slice(0, MAX_MATCHES)) {
    const { parts, path, name } = matchParts(m);
    lines.push('', `Matched: ${name}${path.length ? ` (${path.join(' › ')})` : ''}`);
    lines.push(`  ${parts.before}${parts.hit ? `«${parts.hit}»` : ''}${parts.after}`);
  }
  return lines.join('\n');
}
