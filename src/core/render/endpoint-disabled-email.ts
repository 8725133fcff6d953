// The email that tells a subscription's owner their webhook endpoint was disabled (a 410 Gone) and that
// alerts are held until they re-enable it, choosing to deliver or discard them. Pure: no I/O.
import { cleanLine } from './clean-text.js';
import { escapeHtml } from './escape-html.js';
import { emailFooterText, emailHeaders, emailPage, subjectOf, type EmailEnvelopeInput, type EmailMessage } from './email-message.js';

export interface EndpointDisabledEmailInput extends EmailEnvelopeInput {
  channelId: string;
  endpointUrl: string;
  reason: string;
  /** The API's public base URL, for the re-enable call shown in the message. */
  apiBase: string;
}

export function renderEndpointDisabledEmail(input: EndpointDisabledEmailInput): EmailMessage {
  const { subscription: sub, channelId } = input;
  const subject = subjectOf(sub.name, 'Webhook disabled: alerts are held');
  const lines = [
    `Your webhook endpoint ${cleanLine(input.endpointUrl, 300)} for subscription "${cleanLine(sub.name, 200)}" (${sub.id}) was disabled: ${cleanLine(input.reason, 300)}.`,
    '',
    'New alerts for this endpoint are held, not sent. When the endpoint works again, re-enable it and choose',
    'what happens to the held alerts: deliver them, or discard them.',
    '',
    `  vigie subscriptions enable ${sub.id} --channel ${channelId} --held deliver   (or --held discard)`,
    `  POST ${input.apiBase}/v1/subscriptions/${sub.id}/enable  {"channelId": "${channelId}", "held": "deliver"}`,
  ];
  const html = [`<h1 style="font-size:20px">${escapeHtml(subject)}</h1>`,
    ...lines.filter(Boolean).map((l) => (l.startsWith('  ') ? `<pre>${escapeHtml(l.trim())}</pre>` : `<p>${escapeHtml(l)}</p>`))].join('\n');
  return { subject, text: lines.join('\n') + emailFooterText(input), html: emailPage(subject, html, input), headers: emailHeaders(input) };
}
