// Makes an alert's next update from what its subscriber was told and what later articles reported:
// the changes with their sources, the new event and its one-line summary; null when nothing is new
// (copies with the same or lower figures). Pure: the caller freezes the result before sending it.
import type { Alert } from '../model/alert.js';
import type { AlertUpdate, EventObservation } from '../model/alert-update.js';
import type { EventFacts } from '../events/diff-event.js';
import { foldObservations } from '../events/fold-observations.js';
import { eventSummary } from '../events/event-summary.js';

export interface PlanUpdateInput {
  alert: Alert;
  told: EventFacts;
  /** Updates already made for this alert (the new one is seq + 1). */
  seq: number;
  observations: readonly EventObservation[];
  now: Date;
}

/** The alert's place for the summary line: the first place of its main event, as its matches named it. */
function placeOf(alert: Alert): { name: string; path: string[] } | undefined {
  const id = alert.events?.[0]?.where[0];
  const m = id === undefined ? undefined : alert.matches.find((x) => x.entityId === id);
  return m ? { name: m.name, path: m.path ?? [m.name] } : undefined;
}

export function updateSummary(alert: Alert, event: EventFacts): string {
  // "Drone strike" is read from the words of the first report; an update keeps it while the type stays.
  const drone = event.type === 'air_strike' && (alert.events?.[0]?.summary.startsWith('Drone strike') ?? false);
  return eventSummary({ ...event, drone, place: placeOf(alert) });
}

export function planUpdate(input: PlanUpdateInput): AlertUpdate | null {
  const { event, changes } = foldObservations(input.told, input.observations);
  if (changes.length === 0) return null;
  return {
    alertId: input.alert.id, seq: input.seq + 1, changes, event, summary: updateSummary(input.alert, event),
    consumed: input.observations.length, createdAt: input.now.toISOString(),
  };
}
