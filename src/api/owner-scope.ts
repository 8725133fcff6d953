// What a caller may see: admins see everything; a subscriber sees only subscriptions it owns and what
// hangs off them. Another's id answers 404 (never 403), so ids cannot be probed.
import type { FastifyRequest } from 'fastify';
import type { Subscription } from '../core/model/subscription.js';
import type { Services } from '../runtime/create-services.js';
import { notFound } from './api-errors.js';
import { isAdmin, principalOf } from './auth.js';

export function mayUse(req: FastifyRequest, sub: Subscription | undefined): sub is Subscription {
  return sub !== undefined && (isAdmin(req) || sub.owner === principalOf(req).id);
}

export async function ownSubscription(s: Services, req: FastifyRequest, id: string): Promise<Subscription> {
  const sub = await s.subscriptions.get(id);
  if (!mayUse(req, sub)) throw notFound(`subscription ${id}`);
  return sub;
}

/** Subscriptions the caller may see: all for an admin, its own for a subscriber. */
export async function visibleSubscriptions(s: Services, req: FastifyRequest): Promise<Subscription[]> {
  return isAdmin(req) ? s.subscriptions.list() : s.subscriptions.list(principalOf(req).id);
}

/** Checks a delivery or alert's subscription belongs to the caller; 404 otherwise. */
export async function assertOwnsSubscriptionId(s: Services, req: FastifyRequest, subscriptionId: string, what: string): Promise<Subscription | undefined> {
  if (isAdmin(req)) return s.subscriptions.get(subscriptionId);
  const sub = await s.subscriptions.get(subscriptionId);
  if (!mayUse(req, sub)) throw notFound(what);
  return sub;
}
