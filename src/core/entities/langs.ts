// The languages and entity kinds vigie knows, as plain constants: the matcher imports these without the
// entity schema (entity.ts loads zod, a tenth of a second a one-shot `vigie match` need not spend).
export const LANGS = ['en', 'fr', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

export const ENTITY_KINDS = ['region', 'actor', 'topic'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
