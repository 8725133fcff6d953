// Scores the matcher on the real-news set (eval/realnews/): micro precision and recall over
// (article, entity) pairs, per language and overall, for the dev part (may be studied) and the test
// part (scored only: this script never prints its errors). Countries are not regions (EVAL.md) and
// topics are not scored, so both are left out of the predictions.
//
// Usage: node dist/scripts/eval-realnews.js [--check] [--dev] [--errors] [--classes] [--json] [--entities <dir>]
//   --dev     score the dev part only (the test part is not even matched): the flag for tuning runs, so
//             no test figure is seen between the start and the end of a round of changes
//   --check   only check that every labelled text is present and unchanged (sha256), then exit
//   --errors  list the dev part's false positives and negatives (with the surface that matched)
//   --classes count the dev part's errors by class (scripts/eval/error-classes.ts)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEntities } from '../src/config/load-entities.js';
import { compileMatcher } from '../src/core/match/compile-matcher.js';
import { matchDocument } from '../src/core/match/match-document.js';
import { creditPreciseFinds, readLabels, readTexts, partKeys, refResolver, type RealNewsArticle } from './eval/realnews-set.js';
import { errorClasses, type ClassInput } from './eval/error-classes.js';
import { buildEntityGraph } from '../src/core/match/entity-graph.js';
import { printParts } from './eval/print-parts.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const labelDir = path.join(repoRoot, 'eval', 'realnews');
const textDir = path.join(repoRoot, 'eval-data', 'realnews', 'texts');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]!) : fallback;
}

interface Tally { articles: number; tp: number; fp: number; fn: number }
const tally = (): Tally => ({ articles: 0, tp: 0, fp: 0, fn: 0 });
const precision = (t: Tally): number => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
const recall = (t: Tally): number => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));

function line(label: string, t: Tally): string {
  const f = (x: number): string => x.toFixed(3);
  return `  ${label.padEnd(8)} articles ${String(t.articles).padStart(3)}  tp ${String(t.tp).padStart(4)}  fp ${String(t.fp).padStart(3)}  fn ${String(t.fn).padStart(3)}  precision ${f(precision(t))}  recall ${f(recall(t))}`;
}

function main(): void {
  if (process.argv.includes('--help')) {
    console.log('usage: node dist/scripts/eval-realnews.js [--check] [--dev] [--errors] [--classes] [--json] [--entities <dir>]');
    return;
  }
  const labels = readLabels(labelDir);
  const check = readTexts(labels, textDir);
  const missing = check.missing.length + check.changed.length;
  console.log(`real-news set: ${labels.length} labelled articles, ${check.present.length} texts present`
    + (check.missing.length ? `, ${check.missing.length} missing` : '') + (check.changed.length ? `, ${check.changed.length} changed` : ''));
  for (const p of check.problems) console.log(`  problem: ${p}`);
  if (missing > 0) {
    console.log(`  texts live in eval-data/realnews/texts/ (gitignored): re-gather them with the search tool `
      + `(eval/realnews/README.md); missing: ${check.missing.slice(0, 10).join(', ')}${check.missing.length > 10 ? ', ...' : ''}`);
  }
  if (process.argv.includes('--check')) {
    process.exitCode = check.problems.length > 0 || check.changed.length > 0 ? 1 : 0;
    return;
  }
  const entities = loadEntities(arg('--entities', path.join(repoRoot, 'config', 'entities')));
  const countries = new Set(entities.filter((e) => e.type === 'country').map((e) => e.id));
  const resolve = refResolver(entities);
  const matcher = compileMatcher(entities);
  const scores = new Map<string, Tally>();
  const bump = (key: string, f: (t: Tally) => void): void => {
    if (!scores.has(key)) scores.set(key, tally());
    f(scores.get(key)!);
  };
  const errors: string[] = [];
  const byArticle: Record<string, { fp: string[]; fn: string[] }> = {};
  const classInputs: ClassInput[] = [];
  const devOnly = process.argv.includes('--dev');
  for (const a of check.present as RealNewsArticle[]) {
    if (devOnly && a.split !== 'dev') continue;
    const result = matchDocument(matcher, { text: a.text, lang: a.lang });
    const expected = new Set([...a.regions, ...a.actors].map(resolve));
    const found = creditPreciseFinds(new Set(result.entities.filter((e) => (e.kind === 'region' || e.kind === 'actor') && !countries.has(e.id)).map((e) => e.id)),
      expected, result.matches, a.surfaces ?? [], resolve);
    const fp = [...found].filter((id) => !expected.has(id));
    const fn = [...expected].filter((id) => !found.has(id));
    const tp = found.size - fp.length;
    for (const key of partKeys(a)) {
      bump(key, (t) => { t.articles += 1; t.tp += tp; t.fp += fp.length; t.fn += fn.length; });
    }
    if (a.split === 'dev') {
      byArticle[a.id] = { fp, fn };
      classInputs.push({ offtopic: a.offtopic, fp, fn, result });
      for (const id of fp) {
        const m = result.matches.find((x) => x.entityId === id && !x.suppressedBy);
        errors.push(`  FP ${a.id} ${id}  «${m?.surface ?? '?'}»${m?.evidence ? `  (${m.evidence})` : ''}`);
      }
      for (const id of fn) errors.push(`  FN ${a.id} ${id}  ${a.surfaces?.filter((s) => resolve(s.ref) === id).map((s) => `«${s.s}»`).join(' ') ?? ''}`);
    }
  }
  if (process.argv.includes('--json')) {
    const out = Object.fromEntries([...scores].map(([k, t]) => [k, { ...t, precision: precision(t), recall: recall(t) }]));
    process.stdout.write(`${JSON.stringify({ scores: out, dev: byArticle }, null, 2)}\n`);
    return;
  }
  printParts(scores, line);
  if (process.argv.includes('--errors')) for (const e of errors) console.log(e);
  if (process.argv.includes('--classes')) {
    console.log('dev error classes:');
    const byId = new Map(entities.map((e) => [e.id, e] as const));
    const classes = errorClasses(buildEntityGraph(entities), byId, classInputs);
    for (const [k, n] of [...classes].sort((x, y) => y[1] - x[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
  }
}

main();
