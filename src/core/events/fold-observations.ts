// The story's best-known event for one alert: what the subscriber was told, then each later article's
// reading in the order they attached, keeping every rise (diffEvent) and who reported it. Pure.
import type { EventObservation, FieldChange } from '../model/alert-update.js';
import { diffEvent, type EventFacts, type EventField } from './diff-event.js';

export interface FoldedEvent {
  event: EventFacts;
  /** Each field that differs from what was told, with its told value and its latest source. */
  changes: FieldChange[];
}

const ORDER: EventField[] = ['type', 'killed', 'injured'];

export function foldObservations(told: EventFacts, observations: readonly EventObservation[]): FoldedEvent {
  const event: EventFacts = { ...told };
  const by = new Map<EventField, EventObservation>();
  for (const o of observations) {
    for (const c of diffEvent(event, o) ?? []) {
      (event as Record<EventField, unknown>)[c.field] = c.to;
      by.set(c.field, o);
    }
  }
  const changes = ORDER.filter((f) => by.has(f)).map((field): FieldChange => ({
    field, from: told[field], to: event[field] as FieldChange['to'], sourceId: by.get(field)!.sourceId, articleId: by.get(field)!.articleId,
  }));
  return { event, changes };
}
