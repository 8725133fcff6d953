// What `sources list` and GET /v1/sources say about a source's WebSub push: on (hub, lease end), off
// and why. Never the secret.
import { pushActive } from '../adapters/redis/push-store.js';
import type { Services } from '../runtime/create-services.js';
import { pushOffReason } from './websub-subscribe.js';

export interface PushStatus {
  on: boolean;
  hub?: string;
  topic?: string;
  leaseUntil?: string;
  /** Why push is off (deployment-wide, or this source's last hub problem). */
  reason?: string;
}

export async function pushStatus(s: Services, sourceId: string): Promise<PushStatus> {
  const off = pushOffReason(s);
  if (off) return { on: false, reason: off };
  const state = await s.push.get(sourceId);
  if (!state) return { on: false, reason: 'no hub advertised' };
  const base = { hub: state.hub, topic: state.topic, ...(state.leaseUntil ? { leaseUntil: state.leaseUntil } : {}) };
  if (pushActive(state, s.clock())) return { on: true, ...base };
  const reason = state.wanted === 'unsubscribe' ? 'unsubscribing' : state.lastError ?? (state.leaseUntil ? 'lease ended' : 'waiting for the hub to verify');
  return { on: false, ...base, reason };
}

/** One line for people: "push: on via <hub>, lease until <date>" or "push off: <why>". */
export function formatPushStatus(p: PushStatus): string {
  return p.on ? `push: on via ${p.hub}, lease until ${p.leaseUntil}` : `push off: ${p.reason}${p.hub ? ` (hub ${p.hub})` : ''}`;
}
