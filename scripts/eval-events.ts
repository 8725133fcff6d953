// Scores the event reader on the real-news set (eval/realnews/events.jsonl, one main event per article):
// main-event type accuracy, killed and injured exact match on the articles whose label gives a number,
// and how often a number is given where the label has none ("invented"). Dev and test apart; only the
// dev part's errors may be printed (--errors), the test part is scored only.
//
// Usage: node dist/scripts/eval-events.js [--dev] [--errors] [--json]
// --dev scores the dev part only: what to run while tuning, so the test part's figures are not watched.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEntities } from '../src/config/load-entities.js';
import { compileMatcher } from '../src/core/match/compile-matcher.js';
import { matchDocument } from '../src/core/match/match-document.js';
import { readEvents } from '../src/core/events/read-events.js';
import { partKeys, readLabels, readTexts } from './eval/realnews-set.js';
import { printParts } from './eval/print-parts.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const labelDir = path.join(repoRoot, 'eval', 'realnews');
const textDir = path.join(repoRoot, 'eval-data', 'realnews', 'texts');

interface EventLabel { id: string; type: string; killed: number | null; injured: number | null }

interface Tally {
  articles: number; typeOk: number;
  killedGiven: number; killedOk: number; injuredGiven: number; injuredOk: number;
  nullSlots: number; invented: number;
}
const tally = (): Tally => ({ articles: 0, typeOk: 0, killedGiven: 0, killedOk: 0, injuredGiven: 0, injuredOk: 0, nullSlots: 0, invented: 0 });
const ratio = (a: number, b: number): string => (b === 0 ? '  -  ' : (a / b).toFixed(3));

function line(label: string, t: Tally): string {
  return `  ${label.padEnd(8)} articles ${String(t.articles).padStart(3)}  type ${ratio(t.typeOk, t.articles)}`
    + `  killed ${ratio(t.killedOk, t.killedGiven)} (${t.killedOk}/${t.killedGiven})`
    + `  injured ${ratio(t.injuredOk, t.injuredGiven)} (${t.injuredOk}/${t.injuredGiven})`
    + `  invented ${ratio(t.invented, t.nullSlots)} (${t.invented}/${t.nullSlots})`;
}

function main(): void {
  const labels = readLabels(labelDir);
  const check = readTexts(labels, textDir);
  const events = new Map<string, EventLabel>(fs.readFileSync(path.join(labelDir, 'events.jsonl'), 'utf8').split('\n')
    .filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as EventLabel).map((e) => [e.id, e]));
  console.log(`real-news events: ${events.size} labels, ${check.present.length} texts present`
    + (check.missing.length + check.changed.length ? ` (${check.missing.length} missing, ${check.changed.length} changed: left out)` : ''));
  const matcher = compileMatcher(loadEntities(path.join(repoRoot, 'config', 'entities')));
  const scores = new Map<string, Tally>();
  const errors: string[] = [];
  const devOnly = process.argv.includes('--dev');
  for (const a of check.present) {
    if (devOnly && a.split !== 'dev') continue;
    const label = events.get(a.id);
    if (!label) continue;
    const doc = { text: a.text, lang: a.lang };
    const main = readEvents(doc, matchDocument(matcher, doc))[0];
    const got = { type: main?.type ?? 'none', killed: main?.killed ?? null, injured: main?.injured ?? null };
    for (const key of partKeys(a)) {
      if (!scores.has(key)) scores.set(key, tally());
      const t = scores.get(key)!;
      t.articles += 1;
      if (got.type === label.type) t.typeOk += 1;
      for (const slot of ['killed', 'injured'] as const) {
        if (label[slot] === null) {
          t.nullSlots += 1;
          if (got[slot] !== null) t.invented += 1;
        } else {
          t[`${slot}Given`] += 1;
          if (got[slot] === label[slot]) t[`${slot}Ok`] += 1;
        }
      }
    }
    if (a.split === 'dev' && (got.type !== label.type || got.killed !== label.killed || got.injured !== label.injured)) {
      errors.push(`  ${a.id}  type ${label.type}${got.type === label.type ? '' : ` got ${got.type}`}`
        + `  killed ${label.killed}${got.killed === label.killed ? '' : ` got ${got.killed}`}`
        + `  injured ${label.injured}${got.injured === label.injured ? '' : ` got ${got.injured}`}`);
    }
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(Object.fromEntries(scores), null, 2)}\n`);
    return;
  }
  printParts(scores, line);
  if (process.argv.includes('--errors')) for (const e of errors) console.log(e);
}

main();
