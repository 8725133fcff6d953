// A subscription says who wants what (regions, actors, keyword query, languages, sources) and where
// alerts go (webhook or email channels). Secrets live only in Redis, never in jobs or logs.

export type WebhookFormat = 'standard' | 'slack';
export type EmailMode = 'immediate' | 'hourly' | 'daily';

export type Channel =
  | { id: string; type: 'webhook'; url: string; format: WebhookFormat; disabled?: boolean; disabledReason?: string }
  | { id: string; type: 'email'; address: string; mode: EmailMode; unsubscribed?: boolean };

export interface Subscription {
  id: string;
  owner: string;
  name: string;
  regions: string[];
  actors: string[];
  query?: string;
  languages: string[];
  sources: string[];
  /** Event types an article must report (any one); absent or empty: any article. */
  events?: string[];
  /** Fewest people killed in one reported event (of the chosen types, if any). */
  minKilled?: number;
  active: boolean;
  channels: Channel[];
  createdAt: string;
}

/** Signing secrets of a webhook channel: the current one and, during a rotation overlap, the previous one. */
export interface WebhookSecrets {
  current: string;
  previous?: string;
  /** ISO time until which the previous secret still signs. */
  previousUntil?: string;
}
