// What a later report of an event adds to what a subscriber was told: more killed, injured given or
// more, a specific type where there was none. Pure; never reports a figure going down (a copy with an
// older or lower figure adds nothing, and a toll only rises as bodies are counted).
import type { ArticleEvent, EventType } from './event.js';

/** The part of an event an update may change. */
export type EventFacts = Pick<ArticleEvent, 'type' | 'killed' | 'injured'>;
export type EventField = keyof EventFacts;

export interface EventChange {
  field: EventField;
  from: EventType | number | null;
  to: EventType | number;
}

/** `none` and `other` say nothing of what happened: any specific type is news after them. One specific
 * type after another is not: copies of one event in other words are read as a strike by one and a clash
 * by the next far more often than an event turns out to be another kind, and subscribers would get
 * updates that contradict each other. */
const isSpecific = (t: EventType): boolean => t !== 'none' && t !== 'other';

function countRose(from: number | null, to: number | null): to is number {
  return to !== null && (from === null || to > from);
}

/** The changes from `previous` to `next`, in the order type, killed, injured; null when nothing is new. */
export function diffEvent(previous: EventFacts, next: EventFacts): EventChange[] | null {
  const changes: EventChange[] = [];
  if (isSpecific(next.type) && !isSpecific(previous.type)) changes.push({ field: 'type', from: previous.type, to: next.type });
  if (countRose(previous.killed, next.killed)) changes.push({ field: 'killed', from: previous.killed, to: next.killed });
  if (countRose(previous.injured, next.injured)) changes.push({ field: 'injured', from: previous.injured, to: next.injured });
  return changes.length > 0 ? changes : null;
}

/** The facts of an event (an alert's main event), or an empty reading when there is none. */
export function eventFacts(e: EventFacts | undefined): EventFacts {
  return { type: e?.type ?? 'none', killed: e?.killed ?? null, injured: e?.injured ?? null };
}
