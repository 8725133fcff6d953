// An alert update: what later articles of a story added to the event a subscriber was told of (more
// killed, injured, a type), sent as `alert.updated` under the same alert id. No behaviour here.
import type { EventFacts, EventField } from '../events/diff-event.js';
import type { EventType } from '../events/event.js';

/** One later article's reading of the story's event, noted when it attached to the alert. */
export interface EventObservation {
  articleId: string;
  sourceId: string;
  type: EventType;
  killed: number | null;
  injured: number | null;
}

/** One field that changed, and the source and article that gave the new value. */
export interface FieldChange {
  field: EventField;
  from: EventType | number | null;
  to: EventType | number;
  sourceId: string;
  articleId: string;
}

/** An update as made once and frozen: every channel (and every retry) tells the same thing. */
export interface AlertUpdate {
  alertId: string;
  /** 1 for the alert's first update, then 2...: part of the update's delivery ids. */
  seq: number;
  changes: FieldChange[];
  /** The event as the subscriber knows it after this update. */
  event: EventFacts;
  /** One line: "Air strike · 9 killed · Abu Kamal (Deir ez-Zor)". */
  summary: string;
  /** How many noted observations it accounts for (they are dropped when it is committed). */
  consumed: number;
  createdAt: string;
}
