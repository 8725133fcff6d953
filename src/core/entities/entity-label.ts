// The one-line label that tells same-name entities apart in pickers and lists: English name, then the
// kind (type when known) and the parent path, nearest first. Pure; the caller gives the ancestors' names.
import type { Entity } from './entity.js';

/** "Deir ez-Zor (town, Deir ez-Zor District › Deir ez-Zor Governorate › Syria)", "Syria (country)". */
export function entityLabel(e: Entity, ancestorNames: readonly string[]): string {
  const what = [e.type ?? e.kind, ancestorNames.join(' › ')].filter((x) => x !== '').join(', ');
  return `${e.names.en} (${what})`;
}
