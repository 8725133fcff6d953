// One line per change of an alert update, the same words in every channel: "Killed: 6 → 9",
// "Injured: not given → 4", "Type: No security event → Air strike". Pure.
import type { FieldChange } from '../model/alert-update.js';
import { EVENT_TYPE_LABELS } from '../events/event-summary.js';
import { isEventType } from '../events/event.js';

const FIELD_LABELS: Record<FieldChange['field'], string> = { type: 'Type', killed: 'Killed', injured: 'Injured' };

function valueLabel(v: FieldChange['from']): string {
  if (v === null) return 'not given';
  return typeof v === 'string' && isEventType(v) ? EVENT_TYPE_LABELS[v] : String(v);
}

export function changeLine(c: Pick<FieldChange, 'field' | 'from' | 'to'>): string {
  return `${FIELD_LABELS[c.field]}: ${valueLabel(c.from)} → ${valueLabel(c.to)}`;
}
