// One line that tells an event at a glance, for emails, feeds and webhook receivers:
// "Drone strike · 6 killed · Abu Kamal (Deir ez-Zor)". Pure; English words, names as the matcher gave them.
import type { EventType } from './event.js';

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  air_strike: 'Air strike', shelling_missile: 'Shelling', armed_clash: 'Armed clash', explosion_ied: 'Explosion',
  attack_civilians: 'Attack on civilians', arrest: 'Arrests', other: 'Security event', none: 'No security event',
};

export interface SummaryInput {
  type: EventType;
  /** "Drone strike" rather than "Air strike" when the event's words name a drone. */
  drone?: boolean;
  killed: number | null;
  injured: number | null;
  /** The event's first place: its name and the path the matcher gave it (itself first, country last). */
  place?: { name: string; path: string[] };
}

/** "Deir ez-Zor Governorate" -> "Deir ez-Zor": the governorate word adds nothing in parentheses. */
const shortUnit = (name: string): string =>
  name.replace(/\s+(?:Governorate|District|Province)$/i, '').replace(/^(?:Gouvernorat|Province|District) d[e'’]\s*/i, '').replace(/^(?:محافظة|قضاء|منطقة)\s+/, '');

function placeLabel(place: SummaryInput['place']): string | undefined {
  if (!place) return undefined;
  // The unit just under the country names the area ("Abu Kamal (Deir ez-Zor)"); a governorate stands alone.
  const area = place.path.length >= 3 ? shortUnit(place.path[place.path.length - 2]!) : undefined;
  const name = shortUnit(place.name);
  return area && area !== name ? `${name} (${area})` : name;
}

export function eventSummary(input: SummaryInput): string {
  const parts = [input.type === 'air_strike' && input.drone ? 'Drone strike' : EVENT_TYPE_LABELS[input.type]];
  if (input.killed !== null) parts.push(`${input.killed} killed`);
  if (input.injured !== null) parts.push(`${input.injured} injured`);
  const place = placeLabel(input.place);
  if (place) parts.push(place);
  return parts.join(' · ');
}
