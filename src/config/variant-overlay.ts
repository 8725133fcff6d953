// Variant overlays (config/entities/variants.generated.json, written by scripts/build-variants.ts): per
// entity id, generated spellings and ambiguous aliases, checked and merged into the loaded entities.
import { LANGS, type Entity } from '../core/entities/entity.js';

/** A variant overlay (scripts/build-variants.ts): per entity id, generated spellings and ambiguous aliases. */
export interface OverlayEntry { generated?: Partial<Record<'en' | 'fr' | 'ar', string[]>>; ambiguous?: Record<string, string> }
export type Overlay = Record<string, OverlayEntry>;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);

/** The well-formed entries of an overlay; each malformed one is a problem. Checked by hand, not with
 * zod: an overlay holds tens of thousands of strings and zod's checks cost ~10x the JSON parse. */
export function overlayEntries(doc: Record<string, unknown>, problems: string[]): Overlay {
  if (Object.keys(doc).length !== 1 || !isObject(doc.variantsOf)) {
    problems.push('expected only a top-level "variantsOf" object');
    return {};
  }
  const out: Overlay = {};
  for (const [id, entry] of Object.entries(doc.variantsOf)) {
    const at = `variantsOf.${id}`;
    const before = problems.length;
    if (!isObject(entry) || Object.keys(entry).some((k) => k !== 'generated' && k !== 'ambiguous')) {
      problems.push(`${at}: expected {generated?, ambiguous?}`);
      continue;
    }
    if (entry.generated !== undefined && (!isObject(entry.generated)
      || Object.entries(entry.generated).some(([l, list]) => !(LANGS as readonly string[]).includes(l) || !isStringList(list)))) {
      problems.push(`${at}.generated: expected {en?, fr?, ar?} lists of strings`);
    }
    if (entry.ambiguous !== undefined && (!isObject(entry.ambiguous) || Object.values(entry.ambiguous).some((r) => typeof r !== 'string'))) {
      problems.push(`${at}.ambiguous: expected alias -> reason strings`);
    }
    if (problems.length === before) out[id] = entry as OverlayEntry;
  }
  return out;
}

export function isVariantOverlay(doc: unknown): boolean {
  return !!doc && typeof doc === 'object' && 'variantsOf' in doc;
}

/** Generated lists are added to the entity's own; an ambiguity written in the entity file wins. */
export function mergeOverlay(file: string, overlay: Overlay, byId: Map<string, Entity>, problems: string[]): void {
  for (const [id, add] of Object.entries(overlay)) {
    const e = byId.get(id);
    if (!e) { problems.push(`${file}: variantsOf.${id}: unknown entity id ${id}`); continue; }
    if (add.generated) {
      const generated = { ...e.generated };
      for (const lang of LANGS) if (add.generated[lang]) generated[lang] = [...(generated[lang] ?? []), ...add.generated[lang]];
      e.generated = generated;
    }
    // A reason kept in the entity's own file wins, except "minor place": the overlay re-marks a minor
    // place's name that is also an everyday word.
    if (add.ambiguous) {
      const merged = { ...add.ambiguous };
      for (const [alias, reason] of Object.entries(e.ambiguous ?? {})) {
        if (!(alias in merged) || !reason.startsWith('minor place')) merged[alias] = reason;
      }
      e.ambiguous = merged;
    }
    if (add.generated) markMinorVariants(e, add.generated);
  }
}

/**
 * A minor place (a village the data gives no population for) needs evidence under every name: its
 * generated spellings ("Khoudr", "Al-Khodr" of El Khodr) are no surer than the names they come from.
 * Marked here rather than in the overlay file: one rule, not a reason per variant on disk.
 */
function markMinorVariants(e: Entity, generated: NonNullable<OverlayEntry['generated']>): void {
  const marks = e.ambiguous;
  if (!marks?.[e.names.en]?.startsWith(MINOR)) return;
  for (const lang of LANGS) {
    for (const v of generated[lang] ?? []) {
      const reason = marks[v];
      if (reason === undefined) marks[v] = MINOR;
      else if (!reason.startsWith(MINOR)) marks[v] = `${MINOR}; ${reason}`.slice(0, 200);
    }
  }
}

const MINOR = 'minor place';

