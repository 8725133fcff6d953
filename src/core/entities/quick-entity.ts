// A fast path for loading large generated catalogs (the gazetteer has ~15k entries): a plain structural
// check that accepts only entries the zod schema (entity.ts) accepts unchanged, and returns what the
// schema would return (same defaults). Anything it does not accept goes through the schema, which gives
// the error messages. test/entities/quick-entity.test.ts holds the two to the same output.
import { ENTITY_KINDS, type Entity } from './entity.js';

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ACRONYM = /^[A-Z0-9\u0600-\u06FF-]{2,12}$/;
const KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);
const LANG_KEYS: ReadonlySet<string> = new Set(['en', 'fr', 'ar']);
const KEYS: ReadonlySet<string> = new Set(['id', 'kind', 'type', 'names', 'aliases', 'acronyms', 'parents', 'exclusions',
  'former', 'generated', 'generic', 'establishedBy', 'ambiguous', 'hand', 'backedBy', 'population', 'coords', 'codes', 'sources']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** zod's nonEmpty (trim, 1..200), accepted only when trimming changes nothing. */
function nonEmpty(v: unknown): boolean {
  return typeof v === 'string' && v.length >= 1 && v.length <= 200 && v.trim() === v;
}
const stringList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
const nonEmptyList = (v: unknown): boolean => Array.isArray(v) && v.every(nonEmpty);

function langLists(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const k in v) if (!LANG_KEYS.has(k) || (v[k] !== undefined && !nonEmptyList(v[k]))) return false;
  return true;
}

/** The parsed entity when `raw` certainly passes the schema unchanged; undefined to let zod decide. */
export function quickEntity(raw: unknown): Entity | undefined {
  if (!isObj(raw)) return undefined;
  for (const k in raw) if (!KEYS.has(k) || raw[k] === undefined) return undefined;
  const r = raw;
  if (typeof r.id !== 'string' || !ID.test(r.id)) return undefined;
  if (typeof r.kind !== 'string' || !KINDS.has(r.kind)) return undefined;
  if ('type' in r && (typeof r.type !== 'string' || r.type.length > 40)) return undefined;
  const n = r.names;
  if (!isObj(n) || Object.keys(n).length !== 3 || !nonEmpty(n.en) || !nonEmpty(n.fr) || !nonEmpty(n.ar)) return undefined;
  if ('aliases' in r && !langLists(r.aliases)) return undefined;
  if ('acronyms' in r && !(Array.isArray(r.acronyms) && r.acronyms.every((a) => typeof a === 'string' && ACRONYM.test(a)))) return undefined;
  for (const k of ['parents', 'establishedBy', 'backedBy', 'sources'] as const) if (k in r && !stringList(r[k])) return undefined;
  for (const k of ['exclusions', 'hand'] as const) if (k in r && !nonEmptyList(r[k])) return undefined;
  for (const k of ['former', 'generated', 'generic'] as const) if (k in r && !langLists(r[k])) return undefined;
  if ('ambiguous' in r) {
    const a = r.ambiguous;
    if (!isObj(a)) return undefined;
    for (const k in a) if (typeof a[k] !== 'string' || (a[k] as string).length > 200) return undefined;
  }
  if ('population' in r && !(Number.isSafeInteger(r.population) && (r.population as number) >= 0)) return undefined;
  if ('coords' in r && !(Array.isArray(r.coords) && r.coords.length === 2 && r.coords.every((c) => typeof c === 'number' && Number.isFinite(c)))) return undefined;
  if ('codes' in r) {
    const c = r.codes;
    if (!isObj(c)) return undefined;
    for (const k in c) if (typeof c[k] !== 'string' && !(typeof c[k] === 'number' && Number.isFinite(c[k]))) return undefined;
  }
  // The schema's key order, with its defaults.
  const out: Obj = {};
  for (const k of KEYS) {
    if (k === 'names') out.names = { en: n.en, fr: n.fr, ar: n.ar };
    else if (k in r) out[k] = r[k];
    else if (k in DEFAULTS) out[k] = DEFAULTS[k]!();
  }
  return out as unknown as Entity;
}

const DEFAULTS: Record<string, () => unknown> = { aliases: () => ({}), acronyms: () => [], parents: () => [], exclusions: () => [] };
