// Builds config/entities/gazetteer.generated.json from the shared open data (OpenSyria, GeoNames,
// Who's On First) plus the hand-kept overlay config/entities/news-spellings.yaml: the curated core
// (countries, Syrian governorates/districts, GeoNames towns, hand-kept places; one owner per alias),
// then every current WOF locality/neighbourhood/campus of SY, LB and IQ and every OpenSyria
// sub-district, each under its parents, with population, coordinates and ambiguity marks
// (scripts/gazetteer/ambiguity.ts). JSON, one entity a line. Deterministic: the same inputs give the
// same bytes. It must not fetch anything; it reads ../shared/corpus only. It fails when an id listed
// in scripts/gazetteer/kept-ids.txt (the ids before the full gazetteer) is no longer built.
//
// Usage: node dist/scripts/build-gazetteer.js [--corpus <dir>] [--out <file>] [--check]
//   --check  exit 1 when the file on disk differs from what would be written (for CI)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { entitySchema, type EntityInput } from '../src/core/entities/entity.js';
import { aliasKey, isUsableAlias, scriptOf, slugOf } from './gazetteer/alias-key.js';
import { readCsv } from './gazetteer/read-csv.js';
import { bareOf, unitAliases, type BareNames } from './gazetteer/unit-aliases.js';
import { markAmbiguous } from './gazetteer/ambiguity.js';

type Row = Record<string, string>;
type Lang = 'en' | 'fr' | 'ar';
interface OsAlias { value: string; language: string; type: string }
interface OsUnit {
  id: string; governorateId?: string; districtId?: string;
  name: { en: string; ar: string }; aliases: OsAlias[];
  externalIds: { ochaPcode?: string; geonames?: string | null; wikidata?: string | null };
  population?: { value: number };
  centroid?: { latitude: number; longitude: number };
}
interface Overlay {
  stopAliases: string[]; skipGeonames: number[]; spellings: OverlayEntry[];
  commonWords?: string[]; foreignPlaces?: Record<string, string>;
}
type OverlayEntry = Partial<EntityInput> & { id: string; dropAliases?: string[] };
interface Draft {
  entity: EntityInput & { aliases: { en: string[]; fr: string[]; ar: string[] } };
  rank: number; // lower wins a generated-alias collision: town 0, area 1, district 2, governorate 3, country 4
  population: number;
  /** For a governorate's capital (GeoNames PPLA/PPLC): the governorate id whose bare names it shares. */
  seatOf?: string;
  /** [latitude, longitude], 5 decimals. */
  coords?: [number, number];
  /** A governorate, district or sub-district seat: never a minor place. */
  seat?: boolean;
  /** A governorate or district seat (GeoNames PPLA/PPLA2/PPLC, or found by name): wins same-name collisions. */
  majorSeat?: boolean;
  /** A village with no population figure or under 1000 people (not a seat): all its aliases need context. */
  minor?: boolean;
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
  governorates: OsUnit[]; districts: OsUnit[]; subdistricts: OsUnit[];
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
    subdistricts: readJson<OsUnit[]>(path.join(g, 'opensyria', 'subdistricts.json')),
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
    d.coords = coordsOf(c[4], c[5]);
    d.seat = SEAT_CODES.has(code);
    d.majorSeat = MAJOR_SEAT_CODES.has(code);
    addByScript(d, [name, ascii, ...alternates.split(',')], stop);
    if (wof) addWofNames(d, src.wofNames.get(wof.wof_id) ?? [], stop);
    d.seatOf = code === 'PPLA' || code === 'PPLC' ? governorate : undefined;
    towns.set(id, d);
  }
  return towns;
}

/** GeoNames feature codes of administrative seats (governorate, district, sub-district, capital). */
const SEAT_CODES = new Set(['PPLA', 'PPLA2', 'PPLA3', 'PPLC']);
const MAJOR_SEAT_CODES = new Set(['PPLA', 'PPLA2', 'PPLC']);

function coordsOf(lat: string | number | undefined, lon: string | number | undefined): [number, number] | undefined {
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  if (lat === undefined || lon === undefined || lat === '' || lon === '') return undefined;
  const a = Number(lat), b = Number(lon);
  return Number.isFinite(a) && Number.isFinite(b) && (a !== 0 || b !== 0) ? [round(a), round(b)] : undefined;
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
    d.coords = coordsOf(g.centroid?.latitude, g.centroid?.longitude);
    if (seat) { seat.seat = true; seat.majorSeat = true; }
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
    d.coords = coordsOf(u.centroid?.latitude, u.centroid?.longitude);
    if (seat) { seat.seat = true; seat.majorSeat = true; }
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
    }, 4, Number(r.population) || 0);
    d.coords = coordsOf(r.latitude, r.longitude);
    return d;
  });
}

// ---------------------------------------------------------------- sub-districts and every WOF place
/** A name folded for seat and same-place tests: unit words, "markaz" and the article dropped. */
function placeFold(value: string): string {
  return aliasKey(bareOf(value)).replace(/^markaz /, '').replace(/^(al|el|as|ar|ash|at|az|ad|an|ath|ad) /, '')
    .replace(/^ال/, '').replace(/ /g, '');
}

const isCurrent = (r: Row): boolean => r.is_current !== '0' && r.deprecated === '' && r.superseded_by === '';

/** The governorate-level ancestor of a draft (itself when it is one), following first parents. */
function governorateOf(drafts: Map<string, Draft>, id: string | undefined): string | undefined {
  for (let i = 0; id && i < 8; i += 1) {
    const d = drafts.get(id);
    if (!d) return undefined;
    if (d.entity.type === 'governorate' || d.entity.type === 'country') return id;
    id = d.entity.parents?.[0];
  }
  return undefined;
}

/** OpenSyria sub-districts (272), each under its district; their seat towns are marked as seats. */
function buildSubdistricts(src: Sources, drafts: Map<string, Draft>, stop: ReadonlySet<string>): Draft[] {
  const out: Draft[] = [];
  const townsByDistrict = new Map<string, Draft[]>();
  for (const d of drafts.values()) {
    if (d.entity.type !== 'town') continue;
    const p = d.entity.parents?.[0] ?? '';
    townsByDistrict.set(p, [...(townsByDistrict.get(p) ?? []), d]);
  }
  for (const u of src.subdistricts) {
    const bareEn = [u.name.en, ...u.aliases.filter((a) => a.language === 'en' && a.type !== 'formal').map((a) => a.value)]
      .map(bareOf).filter((v) => isUsableAlias(v, stop));
    const bareAr = [u.name.ar, ...u.aliases.filter((a) => a.language === 'ar' && a.type !== 'formal').map((a) => a.value)].map(bareOf);
    const folds = new Set([...bareEn, ...bareAr].map(placeFold));
    const seat = (townsByDistrict.get(u.districtId ?? '') ?? [])
      .find((t) => [t.entity.names.en, t.entity.names.ar, ...t.entity.aliases.en, ...t.entity.aliases.ar].some((n) => folds.has(placeFold(n))));
    if (seat) seat.seat = true;
    const enBase = bareOf(u.name.en);
    const frBase = seat?.entity.names.fr && !/\s/.test(seat.entity.names.fr) ? seat.entity.names.fr : enBase;
    const q = unitAliases('subdistrict', { en: bareEn, fr: [frBase], ar: bareAr });
    const formalAr = u.aliases.find((a) => a.language === 'ar' && a.type === 'formal' && a.value.startsWith('ناحية'))?.value;
    const d = newDraft({
      id: u.id, kind: 'region', type: 'subdistrict', parents: [u.districtId ?? u.governorateId ?? 'sy'],
      names: { en: `${enBase} Subdistrict`, fr: q.fr[0] ?? `sous-district de ${frBase}`, ar: formalAr ?? `ناحية ${u.name.ar}` },
      codes: codesOf(u), sources: ['opensyria'],
    }, 2, u.population?.value ?? 0);
    d.coords = coordsOf(u.centroid?.latitude, u.centroid?.longitude);
    for (const l of LANGS) addAliases(d, l, q[l], stop);
    addAliases(d, 'en', u.aliases.filter((a) => a.language === 'en' && a.type === 'formal').map((a) => a.value), stop);
    addAliases(d, 'ar', u.aliases.filter((a) => a.language === 'ar' && a.type === 'formal').map((a) => a.value), stop);
    out.push(d);
  }
  return out;
}

/** A WOF name as a canonical name: NFC, no invisible controls, the backtick WOF writes for ʿayn as an apostrophe. */
const cleanName = (v: string | undefined): string => (v ?? '').normalize('NFC').replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
  .replace(/`/g, "'").trim();

/** The canonical en/ar/fr names of a WOF record; a stop-listed string (a common word) only as a last resort. */
function wofNamesOf(r: Row, names: Row[], stop: ReadonlySet<string> = new Set()): { en?: string; ar?: string; fr?: string } {
  const by = (pred: (n: Row) => boolean) => names.filter((n) => pred(n) && !stop.has(aliasKey(n.name))).map((n) => n.name);
  const latin = [r.name_eng, r.wof_name, ...by((n) => n.lang === 'eng' && n.qualifier === 'preferred'), ...by((n) => n.lang === 'eng'),
    ...by((n) => n.lang === 'und'), ...by(() => true)].map(cleanName).find((v) => v !== '' && scriptOf(v) === 'latin');
  const arabic = [stop.has(aliasKey(r.name_ara)) ? '' : r.name_ara, ...by((n) => n.lang === 'ara' && n.qualifier === 'preferred'), ...by((n) => n.lang === 'ara'), ...by(() => true)]
    .map(cleanName).find((v) => v !== '' && scriptOf(v) === 'arabic');
  const fr = [r.name_fra, ...by((n) => n.lang === 'fra' && n.qualifier === 'preferred')].map(cleanName).find((v) => v !== '' && scriptOf(v) === 'latin');
  return { en: latin, ar: arabic, fr };
}

const PLACE_ORDER: Record<string, number> = { locality: 0, campus: 1, neighbourhood: 2 };

/** Distance in km between two [lat, lon] points (equirectangular; enough for a few km). */
function kmBetween(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[1] - a[1]) * rad * Math.cos(((a[0] + b[0]) / 2) * rad);
  const y = (b[0] - a[0]) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
}

interface WofStats { places: number; merged: number; duplicates: number; noArabic: number; noLatin: number; newPlaces: Draft[] }

/**
 * Every current WOF locality, campus and neighbourhood of SY, LB and IQ, under its district (county) and
 * governorate (region), plus the LB/IQ regions and counties they need. A record that is already an
 * entity (same WOF or GeoNames id, or the same name in the same governorate) only adds its codes,
 * population and coordinates; a second record of the same place (same name, same county, < 5 km) only
 * adds its names.
 */
function buildWofPlaces(src: Sources, drafts: Map<string, Draft>, stop: ReadonlySet<string>): WofStats {
  const stats: WofStats = { places: 0, merged: 0, duplicates: 0, noArabic: 0, noLatin: 0, newPlaces: [] };
  const entityOfWof = new Map<string, string>();
  const entityOfGn = new Map<string, string>();
  for (const d of drafts.values()) {
    const c = d.entity.codes ?? {};
    if (c.whosonfirst !== undefined) entityOfWof.set(String(c.whosonfirst), d.entity.id);
    if (c.geonames !== undefined && ['town', 'area'].includes(d.entity.type ?? '')) entityOfGn.set(String(c.geonames), d.entity.id);
  }
  const seatCodes = new Map(src.cities.map((c) => [c[0], c[7]] as const));
  const rows = [...src.wofPlaces.values()].filter(isCurrent);
  const countryId = (cc: string) => cc.toLowerCase();
  const taken = (id: string) => drafts.has(id);
  const uniqueId = (candidates: string[], fallback: string): string => {
    for (const c of candidates) if (c.length <= 80 && !taken(c)) return c;
    return fallback;
  };
  const short = (id: string, prefix: string) => (id.startsWith(`${prefix}-`) ? id.slice(prefix.length + 1) : id);

  // Regions: Syrian ones are the OpenSyria governorates; Lebanese and Iraqi ones are hand-kept or new.
  const govByGeonames = new Map(src.governorates.map((g) => [String(g.externalIds.geonames), g.id]));
  for (const r of rows.filter((x) => x.placetype === 'region').sort((a, b) => a.wof_id.localeCompare(b.wof_id))) {
    if (r.country === 'SY') {
      const g = govByGeonames.get(r.gn_id);
      if (g) entityOfWof.set(r.wof_id, g);
      continue;
    }
    if (entityOfWof.has(r.wof_id)) continue;
    const n = wofNamesOf(r, src.wofNames.get(r.wof_id) ?? []);
    if (!n.en || !n.ar) continue;
    const en = bareOf(n.en), fr = bareOf(n.fr ?? n.en), ar = bareOf(n.ar);
    const q = unitAliases('governorate', { en: [en], fr: [fr], ar: [ar] });
    const id = uniqueId([`${countryId(r.country)}-${slugOf(en)}`, `${countryId(r.country)}-${slugOf(en)}-governorate`], `${countryId(r.country)}-wof-${r.wof_id}`);
    const d = newDraft({
      id, kind: 'region', type: 'governorate', parents: [countryId(r.country)],
      names: { en: `${en} Governorate`, fr: q.fr[0]!, ar: `محافظة ${ar}` }, codes: wofCodes(r), sources: ['whosonfirst'],
    }, 3, Number(r.population) || 0);
    d.coords = coordsOf(r.latitude, r.longitude);
    for (const l of LANGS) addAliases(d, l, q[l], stop);
    drafts.set(id, d);
    entityOfWof.set(r.wof_id, id);
  }

  // Counties: Syrian ones are the OpenSyria districts; Lebanese (caza) and Iraqi (qada) ones are new.
  for (const [wofId, districtId] of linkCounties(src)) entityOfWof.set(wofId, districtId);
  for (const r of rows.filter((x) => x.placetype === 'county' && x.country !== 'SY').sort((a, b) => a.wof_id.localeCompare(b.wof_id))) {
    if (entityOfWof.has(r.wof_id)) continue;
    const n = wofNamesOf(r, src.wofNames.get(r.wof_id) ?? []);
    if (!n.en || !n.ar) continue;
    const parent = entityOfWof.get(r.region_id) ?? entityOfWof.get(r.parent_id) ?? countryId(r.country);
    const en = bareOf(n.en), fr = bareOf(n.fr ?? n.en), ar = bareOf(n.ar).replace(/^قضاء\s+/, '');
    const q = unitAliases('district', { en: [en], fr: [fr], ar: [] });
    const frCaza = r.country === 'LB' ? [/^[aeiouàâéèêîïôû]/i.test(fr) ? `caza d'${fr}` : `caza de ${fr}`] : [];
    const id = uniqueId([`${parent}-${slugOf(en)}`, `${parent}-${slugOf(en)}-district`], `${countryId(r.country)}-wof-${r.wof_id}`);
    const d = newDraft({
      id, kind: 'region', type: 'district', parents: [parent],
      names: { en: `${en} District`, fr: q.fr[0]!, ar: `قضاء ${ar}` }, codes: wofCodes(r), sources: ['whosonfirst'],
    }, 2, Number(r.population) || 0);
    d.coords = coordsOf(r.latitude, r.longitude);
    addAliases(d, 'en', q.en, stop);
    addAliases(d, 'fr', [...q.fr, ...frCaza], stop);
    addAliases(d, 'ar', [`منطقة ${ar}`], stop);
    drafts.set(id, d);
    entityOfWof.set(r.wof_id, id);
  }

  // Existing towns and areas by folded name, per governorate, for the same-place test.
  const existingByName = new Map<string, Draft[]>();
  for (const d of drafts.values()) {
    if (!['town', 'area'].includes(d.entity.type ?? '')) continue;
    const gov = governorateOf(drafts, d.entity.parents?.[0]) ?? '';
    const keys = new Set([...LANGS.map((l) => d.entity.names[l]), ...LANGS.flatMap((l) => d.entity.aliases[l])].map(aliasKey));
    for (const k of keys) existingByName.set(`${gov}\u0000${k}`, [...(existingByName.get(`${gov}\u0000${k}`) ?? []), d]);
  }
  const mergedInto = new Set<string>();
  // New places by county and folded name, for WOF's duplicate records of one place.
  const newByCounty = new Map<string, Draft[]>();
  const newByName = new Map<string, Draft[]>();

  // Localities before what lies in them; current records, then the populous, then the older (lower) WOF ids.
  const places = rows.filter((r) => r.placetype in PLACE_ORDER).sort((a, b) => PLACE_ORDER[a.placetype]! - PLACE_ORDER[b.placetype]!
    || Number(b.is_current === '1') - Number(a.is_current === '1')
    || (Number(b.population) || 0) - (Number(a.population) || 0) || Number(a.wof_id) - Number(b.wof_id));
  for (const r of places) {
    const names = src.wofNames.get(r.wof_id) ?? [];
    const coords = coordsOf(r.latitude, r.longitude);
    const population = Number(r.population) || 0;
    // 1. Already an entity by id.
    const known = entityOfWof.get(r.wof_id) ?? (r.gn_id ? entityOfGn.get(r.gn_id) : undefined);
    if (known) {
      enrich(drafts.get(known)!, r, coords, population);
      entityOfWof.set(r.wof_id, known);
      stats.merged += 1;
      continue;
    }
    const n = wofNamesOf(r, names, stop);
    if (!n.en) { stats.noLatin += 1; continue; }
    const district = r.placetype === 'neighbourhood' ? entityOfWof.get(r.locality_id) ?? entityOfWof.get(r.county_id) : entityOfWof.get(r.county_id);
    const parent = district ?? entityOfWof.get(r.region_id) ?? countryId(r.country);
    const gov = governorateOf(drafts, parent) ?? '';
    const keys = [n.en, n.ar, n.fr].filter((v): v is string => !!v).map(aliasKey);
    // 2. The same place as an existing (hand-kept or GeoNames) town or area: same name, same governorate.
    // A second record of an entity merged already must lie within 5 km of the first.
    const same = keys.flatMap((k) => existingByName.get(`${gov}\u0000${k}`) ?? [])
      .find((d) => (r.placetype !== 'locality' || d.entity.type === 'town'
        || LANGS.some((l) => keys.includes(aliasKey(d.entity.names[l]))))
        && (!mergedInto.has(d.entity.id) || (!!d.coords && !!coords && kmBetween(d.coords, coords) < 5)));
    if (same && gov !== '' && !gov.match(/^(sy|lb|iq)$/)) {
      if (!mergedInto.has(same.entity.id)) {
        mergedInto.add(same.entity.id);
        enrich(same, r, coords, population);
        if (!same.entity.sources?.includes('whosonfirst')) addWofNames(same, names, stop);
        // A hand-kept town placed directly under its governorate goes under its district (county).
        if (district && same.entity.parents?.[0] === gov && governorateOf(drafts, district) === gov) same.entity.parents = [district];
        stats.merged += 1;
      } else stats.duplicates += 1;
      entityOfWof.set(r.wof_id, same.entity.id);
      continue;
    }
    // 3. A second WOF record of a place made already: same county, same name, under 5 km apart.
    const countyKey = `${r.country}\u0000${parent}`;
    const folds = new Set([n.en, n.ar].filter((v): v is string => !!v).map(placeFold));
    // (or, anywhere in the country, under 2 km apart: WOF files some twins under different counties)
    const nearby = [...folds].flatMap((f) => newByName.get(`${r.country}\u0000${f}`) ?? []);
    const twin = (newByCounty.get(countyKey) ?? []).find((d) => d.coords && coords && kmBetween(d.coords, coords) < 5
      && [d.entity.names.en, d.entity.names.ar].some((v) => folds.has(placeFold(v))))
      ?? nearby.find((d) => d.coords && coords && kmBetween(d.coords, coords) < 2);
    if (twin) {
      addWofNames(twin, names, stop);
      addByScript(twin, [r.wof_name, r.name_eng, r.name_ara], stop);
      if (!twin.population && population) twin.population = population;
      entityOfWof.set(r.wof_id, twin.entity.id);
      stats.duplicates += 1;
      continue;
    }
    // No Arabic name in the data (most Lebanese village records): the place is still a place news names
    // in Latin script ("Ayta al-Jabal", "Jiyeh"), so it is kept with its Latin name standing as its
    // Arabic one (no Arabic spelling is invented); the variant builder generates no Arabic forms for it.
    if (!n.ar) { stats.noArabic += 1; n.ar = n.en; }
    // 4. A new place.
    const cc = countryId(r.country);
    const slug = slugOf(n.en).slice(0, 50) || `wof-${r.wof_id}`;
    const govShort = gov && gov !== cc ? short(gov, cc) : '';
    const distShort = district && district !== gov ? short(district, gov) : '';
    const id = uniqueId([`${cc}-${slug}`, govShort ? `${cc}-${slug}-${govShort}` : '', distShort ? `${cc}-${slug}-${govShort}-${distShort}` : '']
      .filter((x) => x !== ''), `${cc}-${slug}-${r.wof_id}`);
    const type = r.placetype === 'locality' ? 'town' : r.placetype;
    const d = newDraft({
      id, kind: 'region', type, parents: [parent],
      names: { en: n.en, fr: n.fr ?? n.en, ar: n.ar }, codes: wofCodes(r), sources: ['whosonfirst'],
    }, r.placetype === 'locality' ? 0 : 1, population);
    d.coords = coords;
    d.seat = SEAT_CODES.has(seatCodes.get(r.gn_id) ?? '');
    d.majorSeat = MAJOR_SEAT_CODES.has(seatCodes.get(r.gn_id) ?? '');
    addByScript(d, [r.wof_name, r.name_eng, r.name_ara], stop);
    addWofNames(d, names, stop);
    drafts.set(id, d);
    entityOfWof.set(r.wof_id, id);
    if (r.gn_id) entityOfGn.set(r.gn_id, id);
    newByCounty.set(countyKey, [...(newByCounty.get(countyKey) ?? []), d]);
    for (const f of new Set([n.en, n.ar].map(placeFold))) newByName.set(`${r.country}\u0000${f}`, [...(newByName.get(`${r.country}\u0000${f}`) ?? []), d]);
    stats.newPlaces.push(d);
    stats.places += 1;
  }
  // WOF places with no region or county (711 Syrian, 124 Lebanese localities): under the district of the
  // nearest place that has one, when that place is under 10 km away; else they stay under the country.
  const placed = stats.newPlaces.filter((d) => d.coords && !['sy', 'lb', 'iq'].includes(d.entity.parents?.[0] ?? ''));
  for (const d of stats.newPlaces) {
    const cc = d.entity.parents?.[0] ?? '';
    if (!['sy', 'lb', 'iq'].includes(cc) || !d.coords) continue;
    let best: Draft | undefined;
    let bestKm = 10;
    for (const o of placed) {
      if (!o.entity.id.startsWith(`${cc}-`)) continue;
      const km = kmBetween(d.coords, o.coords!);
      if (km < bestKm) { bestKm = km; best = o; }
    }
    const district = best?.entity.parents?.[0];
    if (district && drafts.get(district)?.entity.type !== 'governorate') {
      // A neighbourhood's parent may be a town: take that town's parent, a district.
      const p = drafts.get(district)?.entity.type === 'town' ? drafts.get(district)?.entity.parents?.[0] : district;
      if (p) d.entity.parents = [p];
    }
  }
  // Seats of Lebanese and Iraqi districts: the town of the district's name, in it.
  for (const d of drafts.values()) {
    if (d.entity.type !== 'district' || d.entity.parents?.[0]?.startsWith('sy')) continue;
    const fold = placeFold(d.entity.names.en);
    const town = (newByCounty.get(`${d.entity.id.slice(0, 2).toUpperCase()}\u0000${d.entity.id}`) ?? []).find((t) => placeFold(t.entity.names.en) === fold);
    if (town) { town.seat = true; town.majorSeat = true; }
  }
  return stats;
}

/**
 * Lebanese and Iraqi seat towns of GeoNames' city lists (population >= 5,000) that no WOF record with
 * an Arabic name brought in: Basra, Najaf, Karbala, Samarra, Tikrit, Kut, Baqubah... WOF holds many of
 * them in Latin script only. Only a governorate capital or the seat of a district named like it. Each
 * goes under the district named like it or holding its GeoNames second-level unit, else under the
 * district of the nearest town within 15 km, else its governorate. A city already here (same GeoNames
 * id, or the same name in the same governorate) is left as it is.
 */
function buildGeonamesTowns(src: Sources, drafts: Map<string, Draft>, stop: ReadonlySet<string>): Draft[] {
  const admin1 = new Map(readAdmin1());
  const admin2 = new Map(fs.readFileSync(path.join(corpusDir, 'gazetteer', 'geonames', 'admin2Codes_SY_IQ_LB.txt'), 'utf8')
    .split('\n').filter((l) => l.trim() !== '').map((l) => l.split('\t')).map((c) => [c[0]!, c[2]!] as [string, string]));
  const byGeonames = new Map<string, Draft>();
  for (const d of drafts.values()) if (d.entity.codes?.geonames !== undefined) byGeonames.set(String(d.entity.codes.geonames), d);
  // Article, punctuation and a final h after a vowel left out: Al Hillah / Hilla, Baqubah / Ba'quba.
  const fold = (v: string) => placeFold(bareOf(v)).replace(/^(al|an|as|ad|ar|at|az|ash) ?/, '').replace(/[^a-z\u0621-\u064a]/g, '')
    .replace(/(?<=[aeiou])h$/, '');
  // Per governorate: the folded names of its towns and areas, and its districts.
  const namesIn = new Map<string, Set<string>>();
  const districtsIn = new Map<string, Draft[]>();
  const placed: Draft[] = [];
  for (const d of drafts.values()) {
    if (d.entity.type === 'district') {
      const gov = d.entity.parents?.[0] ?? '';
      districtsIn.set(gov, [...(districtsIn.get(gov) ?? []), d]);
      continue;
    }
    if (d.entity.type !== 'town' && d.entity.type !== 'area') continue;
    const gov = governorateOf(drafts, d.entity.parents?.[0]) ?? '';
    const set = namesIn.get(gov) ?? new Set<string>();
    for (const v of [...LANGS.map((l) => d.entity.names[l]), ...LANGS.flatMap((l) => d.entity.aliases[l])]) set.add(fold(v));
    namesIn.set(gov, set);
    if (d.entity.type === 'town' && d.coords && drafts.get(d.entity.parents?.[0] ?? '')?.entity.type === 'district') placed.push(d);
  }
  const out: Draft[] = [];
  for (const c of src.cities) {
    const [gid, name, ascii, alternates, lat, lon, , code, country, , a1, a2] = c;
    if ((country !== 'IQ' && country !== 'LB') || code === 'PPLX' || byGeonames.has(gid!)) continue;
    const cc = country.toLowerCase();
    const govDraft = byGeonames.get(admin1.get(`${country}.${a1}`) ?? '');
    const coords = coordsOf(lat, lon);
    const arabic = alternates!.split(',').filter((a) => /^[\u0621-\u064a ]+$/.test(a));
    const en = ascii!.replace(/['’]+$/, '');
    if (arabic.length === 0 || en === '') continue;
    const districts = govDraft !== undefined ? districtsIn.get(govDraft.entity.id) ?? []
      : [...districtsIn.values()].flat().filter((d) => d.entity.id.startsWith(`${cc}-`));
    const a2name = admin2.get(`${country}.${a1}.${a2}`);
    const seatOf = districts.find((d) => fold(d.entity.names.en) === fold(en));
    // Only the seats of districts named like them and governorate capitals: GeoNames' smaller towns
    // bring person names and words as alternate names (Qasim, Balad, Jazeera).
    if (seatOf === undefined && code !== 'PPLA' && code !== 'PPLC') continue;
    let district = seatOf ?? (a2name ? districts.find((d) => fold(d.entity.names.en) === fold(a2name)) : undefined);
    if (district === undefined && coords) {
      let best = 15;
      for (const t of placed) {
        if (!t.entity.id.startsWith(`${cc}-`)) continue;
        const km = kmBetween(coords, t.coords!);
        if (km < best) { best = km; district = drafts.get(t.entity.parents![0]!); }
      }
    }
    const gov = district?.entity.parents?.[0] ?? govDraft?.entity.id;
    const known = namesIn.get(gov ?? '') ?? new Set<string>();
    if ([en, name!, ...arabic].some((v) => known.has(fold(v)))) continue;
    // The canonical Arabic name: the one the district of the same name uses, else the first listed.
    const districtAr = district ? bareOf(district.entity.names.ar).replace(/^قضاء\s+/, '') : '';
    const ar = arabic.find((a) => a === districtAr) ?? arabic[0]!;
    let id = `${cc}-town-${slugOf(en)}`;
    if (drafts.has(id)) id = `${id}-${gid}`;
    const d = newDraft({
      id, kind: 'region', type: 'town', names: { en, fr: en, ar },
      parents: [district?.entity.id ?? gov ?? cc], codes: { geonames: Number(gid) }, sources: ['geonames'],
    }, 0, Number(c[14]) || 0);
    d.coords = coords;
    d.seat = SEAT_CODES.has(code!);
    d.majorSeat = MAJOR_SEAT_CODES.has(code!);
    addByScript(d, [name!, ascii!, ...alternates!.split(',').filter((a) => scriptOf(a) === 'latin' || arabic.includes(a))], stop);
    drafts.set(id, d);
    out.push(d);
    for (const v of [en, ...arabic]) known.add(fold(v));
  }
  return out;
}

/** Minor places: new villages and neighbourhoods (not seats) with no population figure or under 1000 people. */
function markMinor(newPlaces: Draft[]): void {
  for (const d of newPlaces) {
    if (d.seat) continue;
    if ((d.entity.type === 'town' || d.entity.type === 'neighbourhood') && d.population < 1000) d.minor = true;
  }
}

function wofCodes(r: Row): Record<string, string | number> {
  const codes: Record<string, string | number> = { whosonfirst: Number(r.wof_id) };
  if (r.gn_id && r.gn_id !== '0') codes.geonames = Number(r.gn_id);
  if (r.wd_id) codes.wikidata = r.wd_id;
  return codes;
}

/** Adds a WOF record's codes, population and coordinates to an entity that lacks them. */
function enrich(d: Draft, r: Row, coords: [number, number] | undefined, population: number): void {
  const codes = d.entity.codes ?? {};
  const w = wofCodes(r);
  for (const k of Object.keys(w)) if (codes[k] === undefined) codes[k] = w[k]!;
  d.entity.codes = codes;
  if (!d.coords && coords) d.coords = coords;
  if (!d.population && population) d.population = population;
  if (!d.entity.sources?.includes('whosonfirst')) d.entity.sources = [...(d.entity.sources ?? []), 'whosonfirst'];
}

/**
 * Hand-kept places (Baghdad, Erbil, the Lebanese governorates) name their GeoNames or WOF record in
 * `codes` but carry no coordinates: take them from that record, so the web map can place their alerts.
 */
function placeByCodes(drafts: Iterable<Draft>, src: Sources): number {
  const cities = new Map(src.cities.map((c) => [c[0], c] as const));
  let placed = 0;
  for (const d of drafts) {
    if (d.coords) continue;
    const gn = cities.get(String(d.entity.codes?.geonames ?? ''));
    const wof = src.wofPlaces.get(String(d.entity.codes?.whosonfirst ?? ''));
    d.coords = gn ? coordsOf(gn[4], gn[5]) : wof ? coordsOf(wof.latitude, wof.longitude) : undefined;
    if (d.coords) placed += 1;
  }
  return placed;
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

/** A single Latin word of at most 4 letters: too noisy as the alias of a minor place. */
const shortLatinWord = (a: string): boolean => scriptOf(a) === 'latin' && !/\s/.test(aliasKey(a)) && aliasKey(a).length <= 4;

/** Drops duplicates (by folded key) and aliases equal to a canonical name; sorts for stable output. */
function tidy(d: Draft, handKeys: ReadonlySet<string>): EntityInput {
  const e = d.entity;
  const taken = new Set(LANGS.map((l) => aliasKey(e.names[l])));
  const aliases: Partial<Record<Lang, string[]>> = {};
  const hand: string[] = [];
  for (const l of LANGS) {
    const kept: string[] = [];
    for (const a of [...e.aliases[l]].sort()) {
      const k = aliasKey(a);
      if (taken.has(k) || (d.minor && shortLatinWord(a))) continue;
      taken.add(k);
      kept.push(a);
      if (handKeys.has(`${e.id}\u0000${k}`)) hand.push(a);
    }
    if (kept.length > 0) aliases[l] = kept;
  }
  const out: EntityInput = { id: e.id, kind: e.kind, ...(e.type ? { type: e.type } : {}), names: e.names, aliases };
  if (e.acronyms?.length) out.acronyms = [...new Set(e.acronyms)];
  if (e.parents?.length) out.parents = e.parents;
  if (e.exclusions?.length) out.exclusions = [...new Set(e.exclusions)];
  const sources = [...new Set(e.sources ?? [])];
  if (hand.length > 0 && sources.some((s) => s !== 'hand')) out.hand = hand;
  if (d.population > 0) out.population = Math.round(d.population);
  if (d.coords) out.coords = d.coords;
  if (e.codes && Object.keys(e.codes).length) out.codes = Object.fromEntries(Object.entries(e.codes).sort(([a], [b]) => a.localeCompare(b)));
  if (sources.length) out.sources = sources;
  return out;
}

/** Every written name and alias of a tidied entity, canonical names first. */
function writtenAliases(e: EntityInput): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of [...LANGS.map((l) => e.names[l]), ...LANGS.flatMap((l) => e.aliases?.[l] ?? [])]) {
    if (!seen.has(v)) { seen.add(v); out.push(v); }
  }
  return out;
}

// ---------------------------------------------------------------- main
/** ../shared/corpus next to the checkout, else the nearest shared/corpus further up (a git worktree). */
function defaultCorpus(): string {
  let dir = path.resolve(repoRoot, '..');
  for (let i = 0; i < 4; i += 1) {
    const c = path.join(dir, 'shared', 'corpus');
    if (fs.existsSync(c)) return c;
    dir = path.dirname(dir);
  }
  return path.resolve(repoRoot, '..', 'shared', 'corpus');
}
const corpusDir = arg('--corpus', defaultCorpus());
const outFile = arg('--out', path.join(repoRoot, 'config', 'entities', 'gazetteer.generated.json'));
const overlayFile = path.join(repoRoot, 'config', 'entities', 'news-spellings.yaml');

const TYPE_ORDER = ['country', 'governorate', 'district', 'subdistrict', 'town', 'neighbourhood', 'campus'];

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
  // Entries naming a WOF place (an id made below, without `kind`) wait until the WOF places exist.
  const later = overlay.spellings.filter((o) => !drafts.has(o.id) && o.kind === undefined);
  applyOverlay(drafts, overlay.spellings.filter((o) => !later.includes(o)), handKeys);
  const log: string[] = [];
  // One owner per alias among the curated core (towns, units, hand-kept places), as before.
  resolveCollisions([...drafts.values()], handKeys, log);
  const coreIds = new Set(drafts.keys());
  // Then every WOF place and OpenSyria sub-district; their name clashes are marked, not removed.
  const wof = buildWofPlaces(src, drafts, stop);
  const geonamesTowns = buildGeonamesTowns(src, drafts, stop);
  for (const d of buildSubdistricts(src, drafts, stop)) drafts.set(d.entity.id, d);
  markMinor([...wof.newPlaces, ...geonamesTowns]);
  applyOverlay(drafts, later, handKeys);
  const placedByCode = placeByCodes(drafts.values(), src);
  const ids = new Set(drafts.keys());
  const tidied = [...drafts.values()].map((d) => ({ d, e: tidy(d, handKeys) }));
  const commonWords = new Map<string, string>([
    ...(overlay.commonWords ?? []).map((w) => [aliasKey(w), 'common word'] as [string, string]),
    ...Object.entries(overlay.foreignPlaces ?? {}).map(([w, why]) => [aliasKey(w), why] as [string, string]),
  ]);
  const marks = markAmbiguous(tidied.filter(({ e }) => e.kind === 'region').map(({ d, e }) => ({
    id: e.id, aliases: writtenAliases(e), population: d.population, seat: !!d.majorSeat, minor: !!d.minor, core: coreIds.has(e.id),
    hand: new Set(writtenAliases(e).map(aliasKey).filter((k) => handKeys.has(`${e.id}\u0000${k}`))),
  })), { commonWords });
  for (const { e } of tidied) {
    const m = marks.get(e.id);
    if (m) e.ambiguous = m;
  }
  // Marks written by hand in the overlay (Tripoli shares its name with Libya's capital) come last.
  const byId = new Map(tidied.map(({ e }) => [e.id, e] as const));
  for (const o of [...overlay.spellings, ...later]) {
    const e = byId.get(o.id);
    if (e && o.ambiguous) e.ambiguous = { ...(e.ambiguous ?? {}), ...o.ambiguous };
  }
  const entities = tidied.map(({ e }) => e).sort((a, b) => {
    const ta = TYPE_ORDER.indexOf(a.type ?? ''), tb = TYPE_ORDER.indexOf(b.type ?? '');
    return (ta < 0 ? 9 : ta) - (tb < 0 ? 9 : tb) || a.id.localeCompare(b.id);
  });
  const problems: string[] = [];
  for (const e of entities) {
    const r = entitySchema.safeParse(e);
    if (!r.success) problems.push(`${e.id}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    for (const p of e.parents ?? []) if (!ids.has(p)) problems.push(`${e.id}: unknown parent ${p}`);
  }
  for (const id of coreIds) if (!ids.has(id)) problems.push(`${id}: an existing id disappeared`);
  const kept = keptIds();
  for (const id of kept) if (!ids.has(id)) problems.push(`${id}: listed in scripts/gazetteer/kept-ids.txt but not built`);
  if (problems.length > 0) throw new Error(`gazetteer: ${problems.length} invalid entities:\n${problems.join('\n')}`);
  const text = `{"entities":[\n${entities.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
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
  const aliasCount = entities.reduce((n, e) => n + writtenAliases(e).length, 0);
  const marked = entities.reduce((n, e) => n + Object.keys(e.ambiguous ?? {}).length, 0);
  console.log(`gazetteer: wrote ${entities.length} entities to ${path.relative(repoRoot, outFile)} (${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')})`);
  console.log(`gazetteer: ${aliasCount} names and aliases, ${marked} marked ambiguous; WOF: ${wof.places} new places, ${wof.merged} merged into existing entities, `
    + `${wof.duplicates} duplicate records folded, ${wof.noArabic} kept without an Arabic name (Latin name only), ${wof.noLatin} without a Latin name; `
    + `GeoNames: ${geonamesTowns.length} Lebanese and Iraqi towns WOF lacked; ${placedByCode} hand-kept places given coordinates by their codes`);
}

/** The ids that existed before the full gazetteer (eval labels and tests name them): they must stay. */
function keptIds(): string[] {
  const file = path.join(repoRoot, 'scripts', 'gazetteer', 'kept-ids.txt');
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

main();
