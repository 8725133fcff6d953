// The entity model: things people watch (regions, actors, topics) with their names and aliases in
// French, English and Arabic. Validated with zod at the edge (config files, API bodies).
import { z } from 'zod';
import { displayName } from '../model/display-name.js';

import { ENTITY_KINDS } from './langs.js';

export { LANGS, ENTITY_KINDS, type Lang, type EntityKind } from './langs.js';

const nonEmpty = displayName(200);

const langLists = z
  .object({ en: z.array(nonEmpty).optional(), fr: z.array(nonEmpty).optional(), ar: z.array(nonEmpty).optional() })
  .strict();

export const entitySchema = z
  .object({
    /** Stable id: lowercase ascii, digits and dashes, e.g. `sy-deir-ez-zor`, `actor-hezbollah`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'id must be lowercase letters, digits and dashes'),
    kind: z.enum(ENTITY_KINDS),
    /** Finer type, free text: country, governorate, district, subdistrict, town, area, crossing,
     * oilfield, base; for actors state, state-force, militia, armed-group, coalition, party... */
    type: z.string().max(40).optional(),
    /** Canonical name per language; all three are required for shipped entities. */
    names: z.object({ en: nonEmpty, fr: nonEmpty, ar: nonEmpty }),
    /** More spellings per language/script. Canonical names are aliases too (no need to repeat). */
    aliases: z
      .object({ en: z.array(nonEmpty).optional(), fr: z.array(nonEmpty).optional(), ar: z.array(nonEmpty).optional() })
      .strict()
      .default({}),
    /** Aliases that only count when written in capitals in the original text (SDF, HTS, EI, FDS). */
    acronyms: z.array(z.string().regex(/^[A-Z0-9\u0600-\u06FF-]{2,12}$/, 'acronyms are 2-12 capitals')).default([]),
    /** Regions: administrative parents (town -> district -> governorate -> country).
     * Actors: member-of (Kataib Hezbollah -> Iran-backed militias). */
    parents: z.array(z.string()).default([]),
    /** Phrases in which an alias does not mean this entity ("savon d'Alep", "Al Mayadeen TV"). */
    exclusions: z.array(nonEmpty).default([]),
    /** Former names (a group's names before a merger or rebranding); matched like aliases. */
    former: langLists.optional(),
    /** Variants generated from the names (romanisations, article forms, Arabic clitics, plurals, nisbas)
     * by scripts/gazetteer/ at build time; matched like aliases, origin "generated". */
    generated: langLists.optional(),
    /** Generic references ("the regime", "la coalition", "النظام"): they count only once the document
     * has established this entity by another of its names or by an entity in `establishedBy`. */
    generic: langLists.optional(),
    /** Entity ids whose unambiguous mention establishes this entity for its generic references. */
    establishedBy: z.array(z.string()).optional(),
    /** Aliases (any origin, written as in the lists) that count only with evidence in the document,
     * with why: a common word, another entity's name, a minor place. */
    ambiguous: z.record(z.string(), z.string().max(200)).optional(),
    /** Aliases of a data-sourced entity that were added by hand (origin "hand" in `entities show`). */
    hand: z.array(nonEmpty).optional(),
    /** Actors: who arms or funds it (ids), shown but not a member-of link. */
    backedBy: z.array(z.string()).optional(),
    /** Years the entity existed, when it matters for generic references: "the Syrian army" is the Syrian
     * Arab Army up to 2024 and the new Ministry of Defence's army from 2025. */
    period: z.object({ from: z.number().int().optional(), to: z.number().int().optional() }).strict().optional(),
    /** Regions: population (for ranking same-name places) and [latitude, longitude]. */
    population: z.number().int().nonnegative().optional(),
    coords: z.tuple([z.number(), z.number()]).optional(),
    /** External codes (OCHA p-codes, GeoNames ids, WOF ids) for traceability. */
    codes: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** Where the names came from (opensyria, geonames, whosonfirst, hand). */
    sources: z.array(z.string()).optional(),
  })
  .strict();

export type EntityInput = z.input<typeof entitySchema>;
export type Entity = z.output<typeof entitySchema>;

export const entityFileSchema = z.object({ entities: z.array(entitySchema) }).strict();
