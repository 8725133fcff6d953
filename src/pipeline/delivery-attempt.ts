// What one attempt to hand a delivery to its channel came to, before deliverAlert records it, and the
// email attempt every kind of delivery (alert, digest, update, admin notice) makes the same way.
import { isVigieError } from '../core/errors/vigie-error.js';
import { sendEmail, type SendEmailInput } from '../adapters/smtp/send-email.js';
import type { Services } from '../runtime/create-services.js';

export type Attempt = { outcome: 'submitted' | 'retry' | 'gone' | 'failed-permanent'; reason: string; statusCode?: number; retryAfterMs?: number; durationMs?: number };

/**
 * Sends one rendered email; a missing SMTP setup waits (retry), an SMTP refusal is permanent or not as its
 * error says. `message` is built only once SMTP is known to be set.
 */
export async function mailAttempt(s: Services, to: string, message: () => Promise<SendEmailInput['message']> | SendEmailInput['message']): Promise<Attempt> {
  if (!s.mailer) return { outcome: 'retry', reason: 'SMTP_URL is not set; email waits until it is' };
  try {
    const info = await sendEmail(s.mailer, { from: s.env.SMTP_FROM, to, message: await message() });
    return { outcome: 'submitted', reason: info.response };
  } catch (err) {
    if (!isVigieError(err)) throw err;
    return { outcome: err.permanent ? 'failed-permanent' : 'retry', reason: `${err.code}: ${err.message}`, statusCode: Number(err.details.responseCode ?? 0) || undefined };
  }
}
