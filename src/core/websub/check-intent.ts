// Judges a hub's verification of intent (WebSub §5.3): a GET to the callback that must name the mode
// and topic this subscriber asked for; only then is the challenge echoed. A hub's denial (§5.2) is
// recognised so it can be recorded. Pure: the caller passes the query and what it is waiting for.

import type { WebSubMode } from './websub-form.js';

export interface IntentExpected {
  /** What the subscriber currently wants for this callback. */
  mode: WebSubMode;
  topic: string;
}

export type IntentVerdict =
  | { kind: 'confirm'; mode: WebSubMode; challenge: string; leaseSeconds?: number }
  | { kind: 'denied'; reason: string }
  | { kind: 'refuse'; reason: string };

const MAX_CHALLENGE = 1024;

export function checkIntent(query: Record<string, unknown>, expected: IntentExpected | undefined): IntentVerdict {
  const mode = str(query['hub.mode']);
  const topic = str(query['hub.topic']);
  if (!expected) return { kind: 'refuse', reason: 'no subscription is wanted for this callback' };
  if (mode === 'denied') {
    return topic === expected.topic ? { kind: 'denied', reason: str(query['hub.reason']) ?? 'no reason given' } : { kind: 'refuse', reason: 'denial for another topic' };
  }
  if (mode !== 'subscribe' && mode !== 'unsubscribe') return { kind: 'refuse', reason: `unknown hub.mode ${mode ?? '(none)'}` };
  if (mode !== expected.mode) return { kind: 'refuse', reason: `hub.mode ${mode} was not asked for` };
  if (topic !== expected.topic) return { kind: 'refuse', reason: 'hub.topic is not the topic asked for' };
  const challenge = str(query['hub.challenge']);
  if (!challenge || challenge.length > MAX_CHALLENGE) return { kind: 'refuse', reason: 'hub.challenge missing or too long' };
  if (mode === 'unsubscribe') return { kind: 'confirm', mode, challenge };
  // §5.3: lease_seconds is required on a subscribe verification; a hub that omits it is taken at
  // the subscriber's own request (the caller's default) rather than refused.
  const lease = Number(str(query['hub.lease_seconds']));
  return Number.isInteger(lease) && lease > 0 ? { kind: 'confirm', mode, challenge, leaseSeconds: lease } : { kind: 'confirm', mode, challenge };
}

function str(v: unknown): string | undefined {
  if (Array.isArray(v)) return str(v[0]);
  return typeof v === 'string' ? v : undefined;
}
