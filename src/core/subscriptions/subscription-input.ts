// The shape of a subscription as people write it (CLI flags, config files, API bodies), validated
// once at the edge. Entity references are names or ids here; buildSubscription resolves them.
import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../match/query/parse-query.js';
import { displayName } from '../model/display-name.js';
import { EVENT_TYPES } from '../events/event.js';

const emailAddress = z.string().trim().max(254)
  // One plain address: no display names, groups, comma lists, quotes or CR/LF (header injection).
  .regex(/^[^\s@",;<>()\\[\]:]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/, 'must be one plain email address');

export const channelInputSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('webhook'),
    url: z.string().max(2048).url().refine((u) => /^https?:\/\//i.test(u), 'webhook URL must be http or https')
      .refine((u) => !/[\\@]/.test(u.replace(/^https?:\/\//i, '').split('/')[0] ?? ''), 'no userinfo or backslash in webhook URL'),
    format: z.enum(['standard', 'slack']).default('standard'),
  }).strict(),
  z.object({
    type: z.literal('email'),
    address: emailAddress,
    mode: z.enum(['immediate', 'hourly', 'daily']).default('immediate'),
  }).strict(),
]);

export const subscriptionInputSchema = z.object({
  name: displayName(200),
  regions: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  actors: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  query: z.string().trim().max(MAX_QUERY_LENGTH).optional(),
  languages: z.array(z.enum(['en', 'fr', 'ar'])).max(3).default([]),
  sources: z.array(z.string().trim().min(1).max(64)).max(500).default([]),
  events: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  minKilled: z.number().int().min(0).max(1_000_000).optional(),
  active: z.boolean().default(true),
  channels: z.array(channelInputSchema).min(1).max(10),
}).strict();

export type SubscriptionInput = z.input<typeof subscriptionInputSchema>;
export type ParsedSubscriptionInput = z.output<typeof subscriptionInputSchema>;
export type ChannelInput = z.output<typeof channelInputSchema>;
