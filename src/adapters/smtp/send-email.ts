// Sends one rendered email over SMTP and maps the server's answer to vigie errors in one place:
// 4xx and dropped connections or timeouts are transient, 5xx permanent. No retry logic here.
import type { EmailMessage } from '../../core/render/email-message.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import type { Mailer } from './create-mailer.js';

export interface SendEmailInput {
  from: string;
  /** Exactly one mailbox; also the SMTP envelope recipient, so no header trick can add another. */
  to: string;
  /** A notice to admins carries no List-Unsubscribe: it is not a list anyone subscribed to. */
  message: Omit<EmailMessage, 'headers'> & { headers: Pick<EmailMessage['headers'], 'Message-ID'> & Partial<EmailMessage['headers']> };
}

export interface SendEmailResult {
  messageId: string;
  /** The server's final reply, e.g. `250 2.0.0 queued as ...`: "submitted", not "delivered". */
  response: string;
}

// A plain addr-spec: one @, no spaces, quotes, angle brackets, commas or control characters.
const SINGLE_MAILBOX = /^[^\s@<>",;:()\\[\]\x00-\x1f\x7f]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

export async function sendEmail(transport: Mailer, input: SendEmailInput): Promise<SendEmailResult> {
  if (!SINGLE_MAILBOX.test(input.to)) {
    throw new VigieError('CONFIG_INVALID', 'smtp', 'recipient is not a single plain email address', { permanent: true });
  }
  const { subject, text, html, headers } = input.message;
  try {
    const info = await transport.sendMail({
      from: input.from,
      to: input.to,
      envelope: { from: envelopeAddress(input.from), to: [input.to] },
      subject,
      text,
      html,
      messageId: headers['Message-ID'],
      // An update replies to its alert's email (RFC 5322 §3.6.4), so clients show them in one thread.
      ...(headers['In-Reply-To'] ? { inReplyTo: headers['In-Reply-To'], references: headers.References ?? headers['In-Reply-To'] } : {}),
      headers: headers['List-Unsubscribe'] ? {
        'List-Unsubscribe': headers['List-Unsubscribe'],
        'List-Unsubscribe-Post': headers['List-Unsubscribe-Post'] ?? 'List-Unsubscribe=One-Click',
      } : {},
    });
    return { messageId: info.messageId, response: info.response };
  } catch (err) {
    throw toVigieError(err);
  }
}

/** `Name <a@b>` -> `a@b` for MAIL FROM. */
function envelopeAddress(from: string): string {
  const m = /<([^<>]+)>\s*$/.exec(from);
  return (m ? m[1]! : from).trim();
}

const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EMAXLIMIT']);

/** RFC 5321 §4.2.1: 4yz = transient negative completion, 5yz = permanent. */
export function toVigieError(err: unknown): VigieError {
  const e = (err ?? {}) as { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const details = {
    ...(responseCode !== undefined ? { responseCode } : {}),
    ...(code ? { smtpError: code } : {}),
    ...(typeof e.response === 'string' ? { response: e.response.slice(0, 500) } : {}),
  };
  const reason = typeof e.message === 'string' ? e.message : 'unknown SMTP failure';
  if (responseCode !== undefined && responseCode >= 500) {
    return new VigieError('SMTP_PERMANENT', 'smtp', `server refused: ${reason}`, { cause: err, details });
  }
  if (responseCode !== undefined && responseCode >= 400) {
    return new VigieError('SMTP_TRANSIENT', 'smtp', `server deferred: ${reason}`, { cause: err, details });
  }
  if (code && TRANSIENT_CODES.has(code)) {
    return new VigieError('SMTP_TRANSIENT', 'smtp', `connection failed: ${reason}`, { cause: err, details });
  }
  // Anything else (EENVELOPE without a reply, EFILEACCESS or ESTREAM from message content, EAUTH without
  // a code...) will fail the same way again.
  return new VigieError('SMTP_PERMANENT', 'smtp', reason, { cause: err, details });
}
