// Which webhook secrets sign a delivery at a given time: the current one, plus the previous one while
// its rotation overlap lasts (the Standard Webhooks spec allows several space-separated signatures).
import type { WebhookSecrets } from '../model/subscription.js';

export function signingSecrets(s: WebhookSecrets, now: Date): string[] {
  const out = [s.current];
  if (s.previous && s.previousUntil && Date.parse(s.previousUntil) > now.getTime()) out.push(s.previous);
  return out;
}
