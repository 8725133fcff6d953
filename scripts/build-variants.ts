// Builds config/entities/variants.generated.json: per entity, the generated spellings (Latin
// romanisation and article forms, Arabic nisba/plural/compound forms) and the ambiguous aliases with
// why (a common word of en/fr/ar, or the same as another entity). Deterministic: same entities, same bytes.
// Reads the word lists of scripts/gazetteer/common-words.ts (npm dev packages and Debian's hunspell-ar).
//
// Usage: node dist/scripts/build-variants.js [--entities <dir>] [--out <file>] [--ar-dic <file>] [--check]
//   --check  exit 1 when the file on disk differs from what would be written
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadEntities } from '../src/config/load-entities.js';
import { LANGS } from '../src/core/entities/entity.js';
import { aliasKeys } from '../src/core/entities/variants/alias-signature.js';
import { DEFAULT_AR_DIC, loadCommonWords } from './gazetteer/common-words.js';
import { serializeOverlay, variantOverlay, wantsVariants, type VariantOverlay } from './gazetteer/variant-overlay.js';

/** Beyond this the loader's JSON parse and the repository both feel it. */
const MAX_OVERLAY_BYTES = 6 * 2 ** 20;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
}

/** The gazetteer's stop list (news-spellings.yaml stopAliases), as matcher keys. */
function stopKeys(dir: string): Set<string> {
  const file = path.join(dir, 'news-spellings.yaml');
  if (!fs.existsSync(file)) return new Set();
  const doc = parseYaml(fs.readFileSync(file, 'utf8')) as { stopAliases?: string[] } | null;
  return new Set((doc?.stopAliases ?? []).map((a) => aliasKeys(a)[0] ?? '').filter(Boolean));
}

/** Counts for the summary: variants per language, ambiguous aliases per kind of reason. */
function summary(overlay: VariantOverlay): string[] {
  const perLang = { en: 0, fr: 0, ar: 0 };
  const reasons = new Map<string, number>();
  for (const v of Object.values(overlay.variantsOf)) {
    for (const l of LANGS) perLang[l] += v.generated?.[l]?.length ?? 0;
    for (const r of Object.values(v.ambiguous ?? {})) {
      const kind = r.startsWith('same as') ? 'same as another entity'
        : r.startsWith('common word') ? r.replace(/^(common word \(\w+).*$/, '$1)') : r.replace(/ \(.*$/, '');
      reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
    }
  }
  const total = perLang.en + perLang.fr + perLang.ar;
  return [
    `${total} generated (en ${perLang.en}, fr ${perLang.fr}, ar ${perLang.ar})`,
    `ambiguous: ${[...reasons].sort().map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
  ];
}

function main(): void {
  const dir = arg('--entities', path.join(repoRoot, 'config', 'entities'));
  const outFile = arg('--out', path.join(dir, 'variants.generated.json'));
  const started = Date.now();
  const entities = loadEntities(dir, { overlays: false });
  console.log(`variants: ${entities.length} entities loaded, ${entities.filter(wantsVariants).length} get variants`);
  const words = loadCommonWords(arg('--ar-dic', DEFAULT_AR_DIC));
  console.log(`variants: word lists en ${words.sizes.en}, fr ${words.sizes.fr}, ar ${words.sizes.ar} (${Date.now() - started} ms)`);
  const overlay = variantOverlay(entities, words, { stopKeys: stopKeys(dir) });
  const text = serializeOverlay(overlay);
  for (const line of summary(overlay)) console.log(`variants: ${line}`);
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(outFile) && fs.readFileSync(outFile, 'utf8') === text;
    console.log(same ? 'variants: up to date' : 'variants: out of date, run scripts/build-variants');
    process.exit(same ? 0 : 1);
  }
  if (text.length > MAX_OVERLAY_BYTES) console.warn(`variants: the overlay is ${(text.length / 2 ** 20).toFixed(1)} MiB; lower MAX_PER_LANG`);
  fs.writeFileSync(outFile, text);
  console.log(`variants: wrote ${Object.keys(overlay.variantsOf).length} entities, ${(text.length / 1024).toFixed(0)} KiB`
    + ` to ${path.relative(repoRoot, outFile)} in ${Date.now() - started} ms`);
}

main();
