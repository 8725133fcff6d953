// What the event reader reports of one article: the security events it tells, the main one first.
// Types follow EVAL.md (after ACLED's sub-event types). No behaviour here.

export const EVENT_TYPES = [
  'air_strike', 'shelling_missile', 'armed_clash', 'explosion_ied', 'attack_civilians', 'arrest', 'other', 'none',
] as const;
export type EventType = typeof EVENT_TYPES[number];

export const isEventType = (s: string): s is EventType => (EVENT_TYPES as readonly string[]).includes(s);

/** A sentence an event was read from, with its offsets in the field it sits in. */
export interface EventEvidence {
  field: 'title' | 'summary' | 'text';
  start: number;
  end: number;
  sentence: string;
}

export interface ArticleEvent {
  type: EventType;
  /** People killed in this event, or null when the article gives no number. */
  killed: number | null;
  injured: number | null;
  /** Region entity ids named in the event's sentences. */
  where: string[];
  /** Actor entity ids named in the event's sentences. */
  actors: string[];
  evidence: EventEvidence[];
  /** One line for people: "Drone strike · 6 killed · Abu Kamal (Deir ez-Zor)". */
  summary: string;
}
