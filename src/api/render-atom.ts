// Renders a subscription's recent alerts as an Atom 1.0 feed (RFC 4287). Pure: values in, XML out;
// every text is escaped and stripped of characters XML 1.0 forbids.
import type { Alert } from '../core/model/alert.js';
import type { Article } from '../core/model/article.js';

export interface AtomInput {
  subscriptionId: string;
  title: string;
  /** Absolute URL of this feed (rel="self"). */
  selfUrl: string;
  updated: Date;
  alerts: Array<{ alert: Alert; article?: Article }>;
}

// XML 1.0 §2.2: only tab, LF, CR and chars from U+0020 up (minus surrogates, U+FFFE/FFFF) are allowed.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function entry(a: { alert: Alert; article?: Article }): string {
  const { alert, article } = a;
  const title = article?.title || alert.matches[0]?.snippet || alert.id;
  const main = alert.events?.[0];
  const lines = [...(main && main.type !== 'none' ? [main.summary] : []),
    ...alert.matches.slice(0, 5).map((m) => `${m.name} (${m.surface}): ${m.snippet.replace(/[«»]/g, '')}`)];
  const link = article?.url && /^https?:\/\//i.test(article.url) ? `\n    <link rel="alternate" href="${xmlText(article.url)}"/>` : '';
  const lang = article?.lang && /^[a-z]{2,3}$/.test(article.lang) ? ` xml:lang="${article.lang}"` : '';
  return `  <entry${lang}>
    <id>urn:vigie:alert:${xmlText(alert.id)}</id>
    <title type="text">${xmlText(title)}</title>
    <updated>${alert.createdAt}</updated>${link}
    ${article?.published ? `<published>${xmlText(article.published)}</published>\n    ` : ''}<summary type="text">${xmlText(lines.join('\n'))}</summary>
  </entry>`;
}

export function renderAtom(input: AtomInput): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:vigie:subscription:${xmlText(input.subscriptionId)}</id>
  <title type="text">${xmlText(input.title)}</title>
  <updated>${input.updated.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${xmlText(input.selfUrl)}"/>
  <author><name>vigie</name></author>
  <generator>vigie</generator>
${input.alerts.map(entry).join('\n')}
</feed>
`;
}
