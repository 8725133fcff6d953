// Prints the matcher's precision and recall on the hand-labelled evaluation set, per language and
// overall. Usage: node dist/scripts/eval-matching.js [--verbose] [--json] [--entities <dir>] [--set <dir>]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEntities } from '../src/config/load-entities.js';
import { readEvalSet, scoreEvalSet, type Score } from './eval/score-eval-set.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]!) : fallback;
}

function line(label: string, s: Score): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `${label.padEnd(8)} articles ${String(s.articles).padStart(3)}  tp ${String(s.truePositives).padStart(4)}  fp ${String(s.falsePositives.length).padStart(3)}  fn ${String(s.falseNegatives.length).padStart(3)}  precision ${pct(s.precision)}  recall ${pct(s.recall)}`;
}

function main(): void {
  const entities = loadEntities(arg('--entities', path.join(repoRoot, 'config', 'entities')));
  const articles = readEvalSet(arg('--set', path.join(repoRoot, 'test', 'fixtures', 'match-eval')));
  const report = scoreEvalSet(entities, articles);
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  for (const [lang, s] of Object.entries(report.byLang).sort()) console.log(line(lang, s));
  console.log(line('overall', report.overall));
  if (process.argv.includes('--verbose')) {
    for (const m of report.overall.falsePositives) console.log(`  false positive  ${m.article}  ${m.id}`);
    for (const m of report.overall.falseNegatives) console.log(`  false negative  ${m.article}  ${m.id}`);
  }
}

main();
