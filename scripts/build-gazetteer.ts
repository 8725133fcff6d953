// Builds config/entities/gazetteer.generated.yaml from the shared open data (OpenSyria, GeoNames,
// Who's On First) plus the hand-kept overlay config/entities/news-spellings.yaml. Deterministic:
// the same inputs give the same bytes. It must not fetch anything; it reads ../shared/corpus only.
//
// Usage: node dist/scripts/build-gazetteer.js [--corpus <dir>] [--out <file>] [--check]
//   --check  exit 1 when the file on disk differs from what would be written (for CI)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify } from 'yaml';
import { entitySchema, type EntityInput } from '../src/core/entities/entity.js';
import { aliasKey, isUsableAlias, scriptOf, slugOf } from './gazetteer/alias-key.js';
import { readCsv } from './gazetteer/read-csv.js';
import { bareOf, unitAliases, type BareNames } from './gazetteer/unit-aliases.js';

type Row = Record<string, string>;
type Lang = 'en' | 'fr' | 'ar';
interface OsAlias { value: string; language: string; type: string }
interface OsUnit {
  id: string; governorateId?: string; districtId?: string;
  name: { en: string; ar: string }; aliases: OsAlias[];
  externalIds: { ochaPcode?: string; geonames?: string | null; wikidata?: string | null };
  population?: { value: number };
}
interface Overlay { stopAliases: string[]; skipGeonames: number[]; spellings: OverlayEntry[] }
type OverlayEntry = Partial<EntityInput> & { id: string; dropAliases?: string[] };
interface Draft {
  entity: EntityInput & { aliases: { en: string[]; fr: string[]; ar: string[] } };
  rank: number; // lower wins a generated-alias collision: town 0, area 1, district 2, governorate 3, country 4
  population: number;
  /** For a governorate's capital (GeoNames PPLA/PPLC): the governorate id whose bare names it shares. */
  seatOf?: string;
}

const LANGS: Lang[] = ['en', 'fr', 'ar'];
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function newDraft(e: Omit<EntityInput, 'aliases'>, rank: number, population = 0): Draft {
  return { entity: { ...e, aliases: { en: [], fr: [], ar: [] } }, rank, population };
}

function addAliases(d: Draft, lang: Lang, values: Iterable<string>, stop: ReadonlySet<string>): void {
  for (const v of values) {
    const value = v.normalize('NFC').replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
    if (value !== '' && isUsableAlias(value, stop)) d.entity.aliases[lang].push(value);
  }
}

/** Latin-script data strings go under en (they are transliterations), Arabic-script under ar. */
function addByScript(d: Draft, values: Iterable<string>, stop: ReadonlySet<string>): void {
  for (const v of values) {
    const s = scriptOf(v);
    if (s === 'latin') addAliases(d, 'en', [v], stop);
    else if (s === 'arabic') addAliases(d, 'ar', [v], stop);
  }
}

// ---------------------------------------------------------------- sources
interface Sources {
  governorates: OsUnit[]; districts: OsUnit[];
  cities: string[][]; wofPlaces: Map<string, Row>; wofNames: Map<string, Row[]>;
}

function readSources(corpus: string): Sources {
  const g = path.join(corpus, 'gazetteer');
  const cities = (file: string) => fs.readFileSync(path.join(g, 'geonames', file), 'utf8')
    .split('\n').filter((l) => l.trim() !== '').map((l) => l.split('\t'));
  const recent = cities('cities15000_SY_IQ_LB.txt');
  const seen = new Set(recent.map((c) => c[0]));
  const older = cities('cities5000-2018_SY_IQ_LB.txt').filter((c) => !seen.has(c[0]));
  const wofPlaces = new Map(readCsv(fs.readFileSync(path.join(g, 'whosonfirst', 'wof_places.csv'), 'utf8'))
    .map((r) => [r.wof_id, r] as const));
  const wofNames = new Map<string, Row[]>();
  for (const r of readCsv(fs.readFileSync(path.join(g, 'whosonfirst', 'wof_names.csv'), 'utf8'))) {
    const list = wofNames.get(r.wof_id) ?? [];
    list.push(r);
    wofNames.set(r.wof_id, list);
  }
  return {
    governorates: readJson<OsUnit[]>(path.join(g, 'opensyria', 'governorates.json')),
    districts: readJson<OsUnit[]>(path.join(g, 'opensyria', 'districts.json')),
    cities: [...recent, ...older], wofPlaces, wofNames,
  };
}

// ---------------------------------------------------------------- towns
/** WOF county (district) id -> OpenSyria district id, by folded English name (all 62 link 1:1). */
function linkCounties(src: Sources): Map<string, string> {
  const fold = (s: string) => aliasKey(bareOf(s)).replace(/^markaz /, '').replace(/^(al|el|as|ar|ash|at|az|ad|an|ath) /, '').replace(/ /g, '');
  const byName = new Map<string, string[]>();
  for (const d of src.districts) {
    for (const v of [d.name.en, ...d.aliases.filter((a) => a.language === 'en').map((a) => a.value)]) {
      const ids = byName.get(fold(v)) ?? [];
      if (!ids.includes(d.id)) ids.push(d.id);
      byName.set(fold(v), ids);
    }
  }
  const links = new Map<string, string>();
  for (const r of src.wofPlaces.values()) {
    if (r.placetype !== 'county' || r.country !== 'SY' || r.is_current === '0') continue;
    const ids = byName.get(fold(r.name_eng)) ?? byName.get(fold(r.wof_name));
    if (ids?.length === 1) links.set(r.wof_id, ids[0]);
  }
  return links;
}

/** GeoNames id -> the WOF locality carrying it (current records first, then lowest WOF id). */
function indexLocalities(src: Sources): Map<string, Row> {
  const byGeonames = new Map<string, Row[]>();
  for (const r of src.wofPlaces.values()) {
    if (!r.gn_id || r.placetype !== 'locality') continue;
    byGeonames.set(r.gn_id, [...(byGeonames.get(r.gn_id) ?? []), r]);
  }
  const index = new Map<string, Row>();
  for (const [gid, rows] of byGeonames) {
    rows.sort((a, b) => Number(b.is_current === '1') - Number(a.is_current === '1') || a.wof_id.localeCompare(b.wof_id));
    index.set(gid, rows[0]!);
  }
  return index;
}

function buildSyrianTowns(src: Sources, overlay: Overlay, stop: ReadonlySet<string>): Map<string, Draft> {
  const counties = linkCounties(src);
  const govByGeonames = new Map(src.governorates.map((g) => [String(g.externalIds.geonames), g.id]));
  const admin1 = new Map(readAdmin1());
  const skip = new Set(overlay.skipGeonames.map(String));
  const towns = new Map<string, Draft>();
  const wofIndex = indexLocalities(src);
  for (const c of src.cities) {
    const [gid, name, ascii, alternates, , , , code, country, , a1] = c;
    if (country !== 'SY' || skip.has(gid)) continue;
    const wof = wofIndex.get(gid);
    const district = wof ? counties.get(wof.county_id) : undefined;
    const governorate = govByGeonames.get(admin1.get(`SY.${a1}`) ?? '');
    const en = wof?.name_eng || ascii;
    // WOF name_ara is sometimes a Latin transliteration; the canonical Arabic name must be Arabic script.
    const wofArabic = (src.wofNames.get(wof?.wof_id ?? '') ?? []).filter((n) => n.lang === 'ara' && n.qualifier === 'preferred').map((n) => n.name);
    const ar = [wof?.name_ara ?? '', ...wofArabic, ...alternates.split(',')].find((a) => scriptOf(a) === 'arabic') ?? '';
    let id = `sy-town-${slugOf(en)}`;
    if (towns.has(id)) id = `${id}-${gid}`;
    const d = newDraft({
      id, kind: 'region', type: 'town', names: { en, fr: wof?.name_fra || en, ar },
      parents: [district ?? governorate ?? 'sy'], codes: { geonames: Number(gid), ...(wof ? { whosonfirst: Number(wof.wof_id) } : {}) },
      sources: wof ? ['geonames', 'whosonfirst'] : ['geonames'],
    }, 0, Number(c[14]) || 0);
    addByScript(d, [name, ascii, ...alternates.split(',')], stop);
    if (wof) addWofNames(d, src.wofNames.get(wof.wof_id) ?? [], stop);
    d.seatOf = code === 'PPLA' || code === 'PPLC' ? governorate : undefined;
    towns.set(id, d);
  }
  return towns;
}

/** GeoNames admin1 code (SY.07) -> geonameid of the governorate, which OpenSyria also records. */
function readAdmin1(): [string, string][] {
  const file = path.join(corpusDir, 'gazetteer', 'geonames', 'admin1CodesASCII_SY_IQ_LB.txt');
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '')
    .map((l) => l.split('\t')).map((c) => [c[0], c[3]] as [string, string]);
}

function addWofNames(d: Draft, names: Row[], stop: ReadonlySet<string>): void {
  for (const n of names) {
    if (n.qualifier === 'historical') continue;
    if (n.lang === 'fra' && scriptOf(n.name) === 'latin') addAliases(d, 'fr', [n.name], stop);
    else addByScript(d, [n.name], stop);
  }
}

// ---------------------------------------------------------------- administrative units
function osBare(u: OsUnit): BareNames {
  const values = (lang: string) => u.aliases.filter((a) => a.language === lang && a.type !== 'formal').map((a) => bareOf(a.value));
  return { en: [bareOf(u.name.en), ...values('en')], fr: [], ar: [bareOf(u.name.ar), ...values('ar')] };
}

/** The bare spellings a unit shares with its seat town: the town's names and its hand-kept aliases. */
function seatBare(seat: Draft | undefined, hand: OverlayEntry | undefined): BareNames {
  const out: BareNames = { en: [], fr: [], ar: [] };
  if (!seat) return out;
  // "مدينة القامشلي" / "Aleppo city" name the town itself: no unit is called "منطقة مدينة القامشلي".
  const townOnly = /^(مدينة|بلدة)\s|\scity$|^ville de\s/i;
  for (const l of LANGS) out[l].push(...[seat.entity.names[l], ...(hand?.aliases?.[l] ?? [])].filter((v) => !townOnly.test(v)));
  return out;
}

function merge(a: BareNames, b: BareNames): BareNames {
  return { en: [...a.en, ...b.en], fr: [...a.fr, ...b.fr], ar: [...a.ar, ...b.ar] };
}

function wofFrenchFor(src: Sources, placetype: string, match: (r: Row) => boolean): string | undefined {
  const r = [...src.wofPlaces.values()].find((p) => p.placetype === placetype && p.country === 'SY' && p.is_current !== '0' && match(p));
  return r?.name_fra || undefined;
}

function buildUnits(src: Sources, towns: Map<string, Draft>, hand: Map<string, OverlayEntry>, stop: ReadonlySet<string>): Draft[] {
  const out: Draft[] = [];
  const counties = linkCounties(src);
  const seatOfDistrict = (districtId: string, bare: string[]): Draft | undefined => {
    const keys = new Set(bare.map((b) => aliasKey(b).replace(/^(al|as|ar|ash|at|az|ad|an) /, '')));
    return [...towns.values()].find((t) => t.entity.parents?.[0] === districtId
      && [t.entity.names.en, ...t.entity.aliases.en].some((n) => keys.has(aliasKey(n).replace(/^(al|as|ar|ash|at|az|ad|an) /, ''))));
  };
  for (const g of src.governorates) {
    const seat = [...towns.values()].find((t) => t.seatOf === g.id);
    const bare = merge(osBare(g), seatBare(seat, seat ? hand.get(seat.entity.id) : undefined));
    const frBase = seat?.entity.names.fr ?? wofFrenchFor(src, 'region', (r) => r.gn_id === String(g.externalIds.geonames)) ?? g.name.en;
    bare.fr.push(frBase);
    const q = unitAliases('governorate', bare);
    const d = newDraft({
      id: g.id, kind: 'region', type: 'governorate', parents: ['sy'],
      names: { en: `${bareOf(g.name.en)} Governorate`, fr: q.fr.find((f) => f.includes(frBase)) ?? `gouvernorat de ${frBase}`, ar: `محافظة ${bareOf(g.name.ar)}` },
      codes: codesOf(g), sources: ['opensyria'],
    }, 3, g.population?.value ?? 0);
    for (const l of LANGS) addAliases(d, l, q[l], stop);
    addAliases(d, 'en', g.aliases.filter((a) => a.language === 'en' && a.type === 'formal').map((a) => a.value), stop);
    out.push(d);
  }
  for (const u of src.districts) {
    const base = osBare(u);
    const seat = seatOfDistrict(u.id, base.en);
    const bare = merge(base, seatBare(seat, seat ? hand.get(seat.entity.id) : undefined));
    const wofId = [...counties.entries()].find(([, id]) => id === u.id)?.[0];
    const wofFr = wofId ? src.wofPlaces.get(wofId)?.name_fra : undefined;
    const frBase = seat?.entity.names.fr ?? (wofFr ? bareOf(wofFr) : bareOf(u.name.en));
    bare.fr.push(frBase);
    const q = unitAliases('district', bare);
    const d = newDraft({
      id: u.id, kind: 'region', type: 'district', parents: [u.governorateId ?? 'sy'],
      names: { en: `${bareOf(u.name.en)} District`, fr: q.fr.find((f) => f.includes(frBase)) ?? `district de ${frBase}`, ar: `منطقة ${bareOf(u.name.ar)}` },
      codes: codesOf(u), sources: ['opensyria'],
    }, 2, u.population?.value ?? 0);
    for (const l of LANGS) addAliases(d, l, q[l], stop);
    addAliases(d, 'en', u.aliases.filter((a) => a.language === 'en' && a.type === 'formal').map((a) => a.value), stop);
    addAliases(d, 'ar', u.aliases.filter((a) => a.language === 'ar').map((a) => a.value), stop);
    out.push(d);
  }
  return out;
}

function codesOf(u: OsUnit): Record<string, string | number> {
  const codes: Record<string, string | number> = {};
  if (u.externalIds.ochaPcode) codes.ocha = u.externalIds.ochaPcode;
  if (u.externalIds.geonames) codes.geonames = Number(u.externalIds.geonames);
  if (u.externalIds.wikidata) codes.wikidata = u.externalIds.wikidata;
  return codes;
}

function buildCountries(src: Sources): Draft[] {
  return ['SY', 'IQ', 'LB'].map((cc) => {
    const r = [...src.wofPlaces.values()].find((p) => p.placetype === 'country' && p.country === cc) as Row;
    const d = newDraft({
      id: cc.toLowerCase(), kind: 'region', type: 'country',
      names: { en: r.name_eng, fr: r.name_fra, ar: r.name_ara },
      codes: { geonames: Number(r.gn_id), whosonfirst: Number(r.wof_id) }, sources: ['whosonfirst'],
    }, 4);
    return d;
  });
}

// ---------------------------------------------------------------- overlay and collisions
function applyOverlay(drafts: Map<string, Draft>, entries: OverlayEntry[], handKeys: Set<string>): void {
  for (const o of entries) {
    let d = drafts.get(o.id);
    if (!d) {
      if (!o.kind || !o.names) throw new Error(`news-spellings: ${o.id} is not a generated entity, so it needs kind and names`);
      d = newDraft({ id: o.id, kind: o.kind, type: o.type, names: o.names, parents: [], sources: ['hand'] }, 1);
      drafts.set(o.id, d);
    } else if (!d.entity.sources?.includes('hand')) d.entity.sources = [...(d.entity.sources ?? []), 'hand'];
    const e = d.entity;
    if (o.names) e.names = { ...e.names, ...o.names };
    if (o.type) e.type = o.type;
    if (o.parents?.length) e.parents = o.parents;
    if (o.codes) e.codes = { ...(e.codes ?? {}), ...o.codes };
    e.acronyms = [...(e.acronyms ?? []), ...(o.acronyms ?? [])];
    e.exclusions = [...(e.exclusions ?? []), ...(o.exclusions ?? [])];
    const drop = new Set((o.dropAliases ?? []).map(aliasKey));
    for (const l of LANGS) {
      e.aliases[l] = e.aliases[l].filter((a) => !drop.has(aliasKey(a)));
      for (const a of o.aliases?.[l] ?? []) { e.aliases[l].push(a); handKeys.add(`${o.id}\u0000${aliasKey(a)}`); }
    }
    for (const l of LANGS) handKeys.add(`${o.id}\u0000${aliasKey(e.names[l])}`);
  }
}

/** One owner per folded alias: hand-kept beats data; then town < area < district < governorate < country; then population. */
function resolveCollisions(drafts: Draft[], handKeys: Set<string>, log: string[]): void {
  const owners = new Map<string, Draft[]>();
  for (const d of drafts) {
    const keys = new Set([...LANGS.flatMap((l) => d.entity.aliases[l]), ...LANGS.map((l) => d.entity.names[l])].map(aliasKey));
    for (const k of keys) owners.set(k, [...(owners.get(k) ?? []), d]);
  }
  for (const [key, list] of owners) {
    if (list.length < 2) continue;
    // An entity's own canonical name is as authoritative as a hand-kept alias.
    const isHand = (d: Draft) => handKeys.has(`${d.entity.id}\u0000${key}`) || LANGS.some((l) => aliasKey(d.entity.names[l]) === key);
    const sorted = [...list].sort((a, b) => Number(isHand(b)) - Number(isHand(a)) || a.rank - b.rank
      || b.population - a.population || a.entity.id.localeCompare(b.entity.id));
    const winner = sorted[0];
    for (const loser of sorted.slice(1)) {
      if (isHand(loser)) { log.push(`hand-kept alias "${key}" on both ${winner.entity.id} and ${loser.entity.id}`); continue; }
      for (const l of LANGS) loser.entity.aliases[l] = loser.entity.aliases[l].filter((a) => aliasKey(a) !== key);
      if (LANGS.some((l) => aliasKey(loser.entity.names[l]) === key)) log.push(`canonical name "${key}" of ${loser.entity.id} also names ${winner.entity.id}`);
    }
  }
}

/** Drops duplicates (by folded key) and aliases equal to a canonical name; sorts for stable output. */
function tidy(d: Draft): EntityInput {
  const e = d.entity;
  const taken = new Set(LANGS.map((l) => aliasKey(e.names[l])));
  const aliases: Partial<Record<Lang, string[]>> = {};
  for (const l of LANGS) {
    const kept: string[] = [];
    for (const a of [...e.aliases[l]].sort()) {
      const k = aliasKey(a);
      if (!taken.has(k)) { taken.add(k); kept.push(a); }
    }
    if (kept.length > 0) aliases[l] = kept;
  }
  const out: EntityInput = { id: e.id, kind: e.kind, ...(e.type ? { type: e.type } : {}), names: e.names, aliases };
  if (e.acronyms?.length) out.acronyms = [...new Set(e.acronyms)];
  if (e.parents?.length) out.parents = e.parents;
  if (e.exclusions?.length) out.exclusions = [...new Set(e.exclusions)];
  if (e.codes && Object.keys(e.codes).length) out.codes = e.codes;
  if (e.sources?.length) out.sources = [...new Set(e.sources)];
  return out;
}

// ---------------------------------------------------------------- main
const corpusDir = arg('--corpus', path.resolve(repoRoot, '..', 'shared', 'corpus'));
const outFile = arg('--out', path.join(repoRoot, 'config', 'entities', 'gazetteer.generated.yaml'));
const overlayFile = path.join(repoRoot, 'config', 'entities', 'news-spellings.yaml');

const TYPE_ORDER = ['country', 'governorate', 'district', 'town'];

function main(): void {
  const overlay = parseYaml(fs.readFileSync(overlayFile, 'utf8')) as Overlay;
  const stop = new Set(overlay.stopAliases.map(aliasKey));
  const src = readSources(corpusDir);
  const hand = new Map(overlay.spellings.map((o) => [o.id, o]));
  const handKeys = new Set<string>();
  const drafts = buildSyrianTowns(src, overlay, stop);
  // Towns and hand-kept places first, so the units named after them get their news spellings.
  applyOverlay(drafts, overlay.spellings.filter((o) => drafts.has(o.id) || o.kind !== undefined), handKeys);
  for (const d of [...buildCountries(src), ...buildUnits(src, drafts, hand, stop)]) drafts.set(d.entity.id, d);
  applyOverlay(drafts, overlay.spellings, handKeys);
  const log: string[] = [];
  resolveCollisions([...drafts.values()], handKeys, log);
  const ids = new Set(drafts.keys());
  const entities = [...drafts.values()].map(tidy).sort((a, b) => {
    const ta = TYPE_ORDER.indexOf(a.type ?? ''), tb = TYPE_ORDER.indexOf(b.type ?? '');
    return (ta < 0 ? 9 : ta) - (tb < 0 ? 9 : tb) || a.id.localeCompare(b.id);
  });
  const problems: string[] = [];
  for (const e of entities) {
    const r = entitySchema.safeParse(e);
    if (!r.success) problems.push(`${e.id}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    for (const p of e.parents ?? []) if (!ids.has(p)) problems.push(`${e.id}: unknown parent ${p}`);
  }
  if (problems.length > 0) throw new Error(`gazetteer: ${problems.length} invalid entities:\n${problems.join('\n')}`);
  const text = HEADER + stringify({ entities }, { lineWidth: 0 });
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(outFile) && fs.readFileSync(outFile, 'utf8') === text;
    console.log(same ? 'gazetteer: up to date' : 'gazetteer: out of date, run scripts/build-gazetteer');
    process.exitCode = same ? 0 : 1;
    return;
  }
  fs.writeFileSync(outFile, text);
  for (const line of log) console.error(`note: ${line}`);
  const byType = new Map<string, number>();
  for (const e of entities) byType.set(e.type ?? '?', (byType.get(e.type ?? '?') ?? 0) + 1);
  console.log(`gazetteer: wrote ${entities.length} entities to ${path.relative(repoRoot, outFile)} (${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')})`);
}

const HEADER = `# GENERATED FILE, do not edit by hand: run \`node dist/scripts/build-gazetteer.js\` after tsc.
# Generated by scripts/build-gazetteer.ts from ../shared/corpus/gazetteer/ (OpenSyria Data Geography
# governorates/districts with OCHA P-codes; GeoNames cities15000 + cities5000-2018; Who's On First
# localities and names) merged with the hand-kept config/entities/news-spellings.yaml.
# Attribution required (GeoNames CC BY 4.0, OpenSyria CC BY 4.0 / UN OCHA COD-AB CC BY 3.0 IGO,
# Who's On First): see config/entities/ATTRIBUTION.txt.
`;

main();
