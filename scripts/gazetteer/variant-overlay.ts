// Decides the variant overlay of the entity catalog: the generated spellings of each entity, and which
// aliases (generated or from the data) are ambiguous because they are common words or another entity's
// names. Pure: the word lists come in as a function; scripts/build-variants.ts does the reading/writing.
import { LANGS, type Entity, type Lang } from '../../src/core/entities/entity.js';
import { latinVariants } from '../../src/core/entities/variants/latin-variants.js';
import { arabicVariants } from '../../src/core/entities/variants/arabic-variants.js';
import { aliasKeys } from '../../src/core/entities/variants/alias-signature.js';
import { dataAliasReasons, variantReason, type WordCheck } from './variant-reason.js';
import type { OverlayEntry } from '../../src/config/variant-overlay.js';

export type { WordCheck } from './variant-reason.js';

/** One entity's entry: the shape the run-time loader reads (src/config/variant-overlay.ts). */
export type EntityVariants = OverlayEntry;
export interface VariantOverlay { variantsOf: Record<string, EntityVariants> }

/** Region types that get variants; towns only when notable (population or a GeoNames record). */
const UNIT_TYPES = new Set(['country', 'governorate', 'district', 'subdistrict']);
export const MIN_TOWN_POPULATION = 10000;
/** Generated variants kept per entity and language, across all its names (most plausible first).
 * Towns get fewer: there may be ten thousand of them, and the overlay should stay under ~6 MB. */
export const MAX_PER_LANG: Record<string, number> = { actor: 48, region: 16, town: 12 };

export function wantsVariants(e: Entity): boolean {
  if (e.kind === 'actor') return true;
  if (e.kind !== 'region') return false;
  if (UNIT_TYPES.has(e.type ?? '')) return true;
  return e.type === 'town' && ((e.population ?? 0) >= MIN_TOWN_POPULATION || e.codes?.geonames !== undefined);
}

/** Every written form of an entity the matcher indexes, per language (names first). */
function ownAliases(e: Entity): Record<Lang, string[]> {
  const out = {} as Record<Lang, string[]>;
  for (const l of LANGS) out[l] = [e.names[l], ...(e.aliases[l] ?? []), ...(e.former?.[l] ?? [])];
  return out;
}

function ownKeys(e: Entity): Set<string> {
  const all = [...LANGS.flatMap((l) => ownAliases(e)[l]), ...e.acronyms];
  return new Set(all.flatMap(aliasKeys));
}

/** Variants come from the canonical name (up to 24) and the short aliases (up to 8 each): a long
 * descriptive alias ("regime of Bashar al-Assad") adds little but size. */
const PER_ALIAS = 8;
const MAX_SOURCE_WORDS = 4;

/** A Latin word in this many entities' names is a qualifier of the catalog (Governorate, gouvernorat,
 * countryside), left as written even where the dictionaries lack it. Arabic name elements still vary. */
export const QUALIFIER_MIN_ENTITIES = 10;

function catalogQualifiers(entities: Entity[]): Set<string> {
  const counts = new Map<string, number>();
  for (const e of entities) {
    const seen = new Set([...ownAliases(e).en, ...ownAliases(e).fr].flatMap((a) => aliasKeys(a)[0]?.split(' ') ?? []));
    for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= QUALIFIER_MIN_ENTITIES).map(([w]) => w));
}

const ARABIC_LETTER = /[\u0621-\u064a]/;

function candidates(e: Entity, lang: Lang, words: WordCheck): string[] {
  const canonical = e.names[lang];
  const sources = [...new Set(ownAliases(e)[lang])].filter((n) => n === canonical || n.trim().split(/\s+/).length <= MAX_SOURCE_WORDS);
  const max = (n: string): number | undefined => (n === canonical ? undefined : PER_ALIAS);
  // Nisba and plurals come from the state's name, not from its adjectives or capital (إيراني, طهران).
  // A place the data names in Latin script only (its Arabic name stands in Latin): no Arabic forms.
  const arabic = ARABIC_LETTER.test(e.names.ar) ? e.names.ar : undefined;
  if (lang === 'ar') {
    return sources.filter((n) => ARABIC_LETTER.test(n)).flatMap((n) => arabicVariants(n, { kind: e.kind, type: n === canonical ? e.type : undefined, max: max(n) }));
  }
  const isCommonWord = (w: string): boolean => words.known(aliasKeys(w)[0] ?? w);
  return sources.flatMap((n) => latinVariants(n, lang, { arabic, isCommonWord, max: max(n) }));
}

/** The entity's generated variants per language: new to the matcher, each written once, capped. */
export function generateFor(e: Entity, words: WordCheck): Partial<Record<Lang, string[]>> {
  const taken = ownKeys(e);
  const max = MAX_PER_LANG[e.type === 'town' ? 'town' : e.kind] ?? 16;
  const out: Partial<Record<Lang, string[]>> = {};
  for (const lang of LANGS) {
    const kept: string[] = [];
    for (const v of candidates(e, lang, words)) {
      const key = aliasKeys(v)[0];
      if (kept.length >= max || !key || taken.has(key)) continue;
      taken.add(key);
      kept.push(v);
    }
    if (kept.length > 0) out[lang] = kept;
  }
  return out;
}

function keyIndex(entities: Entity[], generated: Map<string, Partial<Record<Lang, string[]>>>): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (key: string, id: string): void => {
    const set = index.get(key);
    if (set) set.add(id); else index.set(key, new Set([id]));
  };
  for (const e of entities) for (const k of ownKeys(e)) add(k, e.id);
  for (const [id, g] of generated) for (const l of LANGS) for (const v of g[l] ?? []) add(aliasKeys(v)[0]!, id);
  return index;
}

export interface OverlayOptions {
  /** Keys (aliasKeys) of the gazetteer's stop list (news-spellings.yaml stopAliases): words a person
   * judged unusable as aliases (Soran, Ezra, Kara). A variant equal to one is ambiguous. */
  stopKeys?: ReadonlySet<string>;
}

/** The whole overlay, entities sorted by id: generated lists in generation order, ambiguous sorted. */
export function variantOverlay(entities: Entity[], words: WordCheck, opts: OverlayOptions = {}): VariantOverlay {
  const stopKeys = opts.stopKeys ?? new Set<string>();
  const qualifiers = catalogQualifiers(entities);
  const withQualifiers: WordCheck = { reason: words.reason, known: (key) => qualifiers.has(key) || words.known(key) };
  const generated = new Map(entities.filter(wantsVariants).map((e) => [e.id, generateFor(e, withQualifiers)] as const));
  const index = keyIndex(entities, generated);
  const variantsOf: Record<string, EntityVariants> = {};
  for (const e of [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const g = generated.get(e.id) ?? {};
    const ambiguous = dataAliasReasons(e, words);
    for (const l of LANGS) {
      for (const v of g[l] ?? []) {
        const others = [...(index.get(aliasKeys(v)[0]!) ?? [])].filter((id) => id !== e.id).sort();
        const reason = variantReason(v, others, words, stopKeys);
        if (reason) ambiguous[v] = reason;
      }
    }
    const entry: EntityVariants = {};
    if (Object.keys(g).length > 0) entry.generated = g;
    if (Object.keys(ambiguous).length > 0) entry.ambiguous = Object.fromEntries(Object.entries(ambiguous).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (entry.generated || entry.ambiguous) variantsOf[e.id] = entry;
  }
  return { variantsOf };
}

/** One entity per line: stable, diff-friendly, and small (no indentation inside an entry). */
export function serializeOverlay(overlay: VariantOverlay): string {
  const lines = Object.entries(overlay.variantsOf).map(([id, v]) => `${JSON.stringify(id)}: ${JSON.stringify(v)}`);
  return `{"variantsOf": {\n${lines.join(',\n')}\n}}\n`;
}
