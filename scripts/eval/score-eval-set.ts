// Scores the matcher against the hand-labelled evaluation set (test/fixtures/match-eval/*.jsonl):
// micro-averaged precision and recall over region/actor entity ids per article. No printing here.
import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '../../src/core/entities/entity.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { matchDocument } from '../../src/core/match/match-document.js';

export interface EvalArticle {
  id: string;
  lang: 'fr' | 'en' | 'ar';
  title: string;
  text: string;
  expected: { regions: string[]; actors: string[] };
}

export interface Miss { article: string; id: string }

export interface Score {
  articles: number;
  truePositives: number;
  falsePositives: Miss[];
  falseNegatives: Miss[];
  precision: number;
  recall: number;
}

export interface EvalReport { byLang: Record<string, Score>; overall: Score }

/** Reads every `<lang>.jsonl` file of the folder; one JSON object per non-empty line. */
export function readEvalSet(dir: string): EvalArticle[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as EvalArticle));
}

function emptyScore(): Score {
  return { articles: 0, truePositives: 0, falsePositives: [], falseNegatives: [], precision: 1, recall: 1 };
}

function addArticle(score: Score, article: EvalArticle, found: Set<string>): void {
  const expected = new Set([...article.expected.regions, ...article.expected.actors]);
  score.articles += 1;
  for (const id of found) {
    if (expected.has(id)) score.truePositives += 1;
    else score.falsePositives.push({ article: article.id, id });
  }
  for (const id of expected) if (!found.has(id)) score.falseNegatives.push({ article: article.id, id });
}

function finish(score: Score): Score {
  const tp = score.truePositives;
  const predicted = tp + score.falsePositives.length;
  const relevant = tp + score.falseNegatives.length;
  // An empty denominator means nothing could be wrong: 1 (a set of pure negatives has perfect recall).
  score.precision = predicted === 0 ? 1 : tp / predicted;
  score.recall = relevant === 0 ? 1 : tp / relevant;
  return score;
}

/** Runs the matcher on every article and compares matched region/actor ids with the labels. */
export function scoreEvalSet(entities: Entity[], articles: EvalArticle[]): EvalReport {
  const matcher = compileMatcher(entities);
  const byLang: Record<string, Score> = {};
  const overall = emptyScore();
  for (const article of articles) {
    const result = matchDocument(matcher, { title: article.title, text: article.text, lang: article.lang });
    const found = new Set(result.entities.filter((e) => e.kind === 'region' || e.kind === 'actor').map((e) => e.id));
    byLang[article.lang] ??= emptyScore();
    addArticle(byLang[article.lang]!, article, found);
    addArticle(overall, article, found);
  }
  for (const s of Object.values(byLang)) finish(s);
  return { byLang, overall: finish(overall) };
}
