// Builds the nodemailer SMTP transport from SMTP_URL with worker-sized timeouts and no file or URL
// access in message content. It sends nothing itself (see send-email.ts) and reads no environment.
import nodemailer, { type Transporter } from 'nodemailer';
import type { SMTPSentMessageInfo, SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import { VigieError } from '../../core/errors/vigie-error.js';

export type Mailer = Transporter<SMTPSentMessageInfo>;

export interface MailerTimeouts {
  /** TCP connect; nodemailer's default is 2 min, too long for a queue worker. */
  connectionTimeoutMs: number;
  /** Wait for the 220 greeting after connect (default 30 s). */
  greetingTimeoutMs: number;
  /** Inactivity on an open socket, e.g. a stall mid-DATA (default 10 min). */
  socketTimeoutMs: number;
}

export const DEFAULT_MAILER_TIMEOUTS: MailerTimeouts = {
  connectionTimeoutMs: 10_000,
  greetingTimeoutMs: 10_000,
  socketTimeoutMs: 30_000,
};

/**
 * `smtp://user:pass@host:587` (STARTTLS when offered; `?requireTLS=true` to insist, `?ignoreTLS=true`
 * for a local relay) or `smtps://host:465` (implicit TLS). The URL is parsed here rather than by
 * nodemailer so that its query string cannot switch off the timeouts or the access guards below.
 */
export function createMailer(smtpUrl: string, timeouts: Partial<MailerTimeouts> = {}): Mailer {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch (cause) {
    throw new VigieError('CONFIG_INVALID', 'smtp', 'SMTP_URL is not a URL', { cause });
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new VigieError('CONFIG_INVALID', 'smtp', 'SMTP_URL must start with smtp:// or smtps://');
  }
  const secure = url.protocol === 'smtps:';
  const t = { ...DEFAULT_MAILER_TIMEOUTS, ...timeouts };
  const user = decodeURIComponent(url.username);
  const options: SMTPTransportOptions = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: url.searchParams.get('requireTLS') === 'true',
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: t.connectionTimeoutMs,
    greetingTimeout: t.greetingTimeoutMs,
    socketTimeout: t.socketTimeoutMs,
    // Message content never reads local files or fetches URLs (attachments, `raw`, `html: {path}`):
    // RELIABILITY S11/E7, nodemailer advisories 8.0.9 and 9.1.x.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  return nodemailer.createTransport(options);
}
