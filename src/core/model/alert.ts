// An alert is one story matched for one subscription; a delivery is handing that alert to one channel.
// "Submitted" (2xx from the webhook, 250 from SMTP) is not "read".
import type { ArticleEvent } from '../events/event.js';

export interface MatchExplanation {
  entityId: string;
  kind: 'region' | 'actor' | 'topic' | 'keyword';
  name: string;
  alias: string;
  surface: string;
  field: 'title' | 'summary' | 'text';
  start: number;
  end: number;
  /** Sentence around the hit, with the hit wrapped in « » markers: see snippet.ts of the matcher. */
  snippet: string;
  path?: string[];
}

export interface Alert {
  /** Deterministic: `alr_` + hash(subscriptionId, storyId). */
  id: string;
  subscriptionId: string;
  storyId: string;
  articleId: string;
  /** Other articles attached to the same story later (not re-sent). */
  relatedArticleIds: string[];
  matches: MatchExplanation[];
  /** The events the article reports, main event first (absent on alerts made before events were read). */
  events?: ArticleEvent[];
  createdAt: string;
}

/**
 * The records one alert delivery reads, by id. Fixed once the delivery exists (an alert keeps its first
 * article, an article its source), so a deliver job can carry them and the stage read all at once.
 */
export interface DeliveryRefs {
  alertId: string;
  subscriptionId: string;
  channelId: string;
  articleId: string;
  sourceId: string;
}

/**
 * pending|failed -> sending -> submitted|failed|dead. `held`: routed to (or caught on) a disabled webhook
 * channel, kept until its owner re-enables the channel and chooses: back to pending, or `discarded`.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'submitted' | 'failed' | 'dead' | 'held' | 'discarded';

export interface Delivery {
  /** Deterministic: `msg_` + hash(subscriptionId, storyId, channelId); also the webhook-id and Message-ID. */
  id: string;
  alertId: string;
  subscriptionId: string;
  channelId: string;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt?: string;
  lastError?: string;
  lastStatusCode?: number;
  submittedAt?: string;
  /** When the next attempt is due (pending and failed deliveries only). */
  nextAttemptAt?: string;
  /** Held deliveries: since when, and why (the channel's disabled reason). */
  heldSince?: string;
  heldReason?: string;
  /** Digest deliveries carry the alerts they gather (frozen when the digest is made). */
  digestAlertIds?: string[];
  /** Update deliveries (alert.updated) carry which of the alert's updates they send (see AlertUpdate). */
  updateSeq?: number;
}
