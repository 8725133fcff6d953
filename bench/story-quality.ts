// Measures story grouping on the team's hand-written evaluation set: pairwise precision and recall,
// with every wrong merge and split listed. Usage: node dist/bench/story-quality.js [--json] [--sweep] [--file f]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pairwiseQuality, replayStories, type EvalSet } from './story-eval.js';

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('story-quality: cannot find the repository root (package.json)');
    dir = up;
  }
  return dir;
}

/** Precision and recall over a small grid of thresholds and windows, to show how sensitive the defaults are. */
function sweep(set: EvalSet, json: boolean): void {
  const rows = [];
  for (const textThreshold of [0.3, 0.4, 0.5, 0.6]) {
    for (const entityThreshold of [0.3, 0.4, 0.5, 0.6]) {
      for (const weakEntityWindowHours of [3, 6, 12, 24]) {
        const opts = { textThreshold, entityThreshold, weakEntityWindowHours };
        const q = pairwiseQuality(set.articles, replayStories(set, opts));
        rows.push({ ...opts, precision: q.precision, recall: q.recall, wrongMerges: q.wrongMerges.length, wrongSplits: q.wrongSplits.length });
      }
    }
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  console.log('text  entity  weakH  precision  recall');
  for (const r of rows) {
    console.log(`${r.textThreshold.toFixed(2)}  ${r.entityThreshold.toFixed(2)}    ${String(r.weakEntityWindowHours).padStart(2)}     ${r.precision.toFixed(3)}    ${r.recall.toFixed(3)}`);
  }
}

function main(argv: string[]): void {
  const fileArg = argv.indexOf('--file');
  const file = fileArg >= 0 && argv[fileArg + 1] !== undefined
    ? path.resolve(argv[fileArg + 1]!)
    : path.join(repoRoot(), 'test', 'fixtures', 'stories', 'eval-set.json');
  const set = JSON.parse(fs.readFileSync(file, 'utf8')) as EvalSet;
  if (argv.includes('--sweep')) {
    sweep(set, argv.includes('--json'));
    return;
  }
  const decisions = replayStories(set);
  const q = pairwiseQuality(set.articles, decisions);
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ file, ...q, decisions }, null, 2)}\n`);
    return;
  }
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  console.log(`story-quality: ${q.articles} articles, ${q.labels} true stories, ${q.stories} stories made`);
  console.log(`pairs: ${q.truePairs} true, ${q.predictedPairs} predicted, ${q.correctPairs} correct`);
  console.log(`precision ${pct(q.precision)}  recall ${pct(q.recall)}  F1 ${pct(q.f1)}`);
  console.log(`wrong merges (${q.wrongMerges.length}):`);
  for (const e of q.wrongMerges) console.log(`  ${e.a} [${e.labelA}] + ${e.b} [${e.labelB}]: ${e.reason}`);
  console.log(`wrong splits (${q.wrongSplits.length}):`);
  for (const e of q.wrongSplits) console.log(`  ${e.a} / ${e.b} [${e.labelA}]: ${e.reason}`);
}

main(process.argv.slice(2));
