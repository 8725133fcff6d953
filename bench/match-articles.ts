// The texts and aliases of the matcher benchmarks (match-throughput.ts, match-ab.ts): real corpus text
// (FR/EN/AR pages from ../shared/corpus) cut into ~5 KB articles with a synthetic alias planted every
// ~400 characters, and deterministic synthetic aliases (pseudo-words, some nested in others).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity } from '../src/core/entities/entity.js';
import { seededRandom } from '../test/harness/seeded-random.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'articles');

/** The tests' seeded PRNG: the same articles and aliases on every run. */
const rng = seededRandom;

const LATIN = ['ka', 'ra', 'mi', 'zo', 'bu', 'ta', 'le', 'nu', 'sha', 'dor', 'qa', 'vel', 'tir', 'mon', 'gha', 'lin'];
const ARABIC = ['كا', 'را', 'مي', 'زو', 'بو', 'تا', 'لي', 'نو', 'شا', 'در', 'قا', 'فل', 'تر', 'من', 'غا', 'لن'];

/** Deterministic synthetic aliases: pseudo-words of 2-4 syllables, 1-3 words; 1 in 8 extends an earlier alias (nesting). */
export function syntheticAliases(count: number): string[] {
  const next = rng(count);
  const word = (): string => {
    const set = next() < 0.3 ? ARABIC : LATIN;
    let w = '';
    const n = 2 + Math.floor(next() * 3);
    for (let i = 0; i < n; i += 1) w += set[Math.floor(next() * set.length)];
    return w;
  };
  const out: string[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const a = out.length > 8 && next() < 0.125
      ? `${out[Math.floor(next() * out.length)]} ${word()}`
      : Array.from({ length: 1 + Math.floor(next() * 3) }, word).join(' ');
    if (!seen.has(a)) { seen.add(a); out.push(a); }
  }
  return out;
}

export function syntheticEntities(aliases: string[]): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < aliases.length; i += 5) {
    const [en, fr, ar, ...rest] = aliases.slice(i, i + 5);
    out.push({ id: `syn-${i / 5}`, kind: 'region', names: { en: en!, fr: fr ?? en!, ar: ar ?? en! }, aliases: { en: rest },
      acronyms: [], parents: [], exclusions: [] });
  }
  return out;
}

function stripHtml(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ');
}

export function corpusText(): string {
  const parts: string[] = [];
  const rd = path.join(corpus, 'readability');
  if (fs.existsSync(rd)) for (const d of fs.readdirSync(rd).sort()) {
    const f = path.join(rd, d, 'expected.html');
    if (fs.existsSync(f)) parts.push(stripHtml(fs.readFileSync(f, 'utf8')));
  }
  const tr = path.join(corpus, 'trafilatura-eval-fr-ar', 'html');
  if (fs.existsSync(tr)) for (const f of fs.readdirSync(tr).sort()) parts.push(stripHtml(fs.readFileSync(path.join(tr, f), 'utf8')));
  return parts.join('\n');
}

/** Corpus text with aliases planted every ~400 characters, cut into ~5 KB articles. */
export function articles(text: string, aliases: string[], seed: number): string[] {
  const next = rng(seed);
  let planted = '';
  for (let i = 0; i < text.length; i += 400) planted += `${text.slice(i, i + 400)} ${aliases[Math.floor(next() * aliases.length)]} `;
  const out: string[] = [];
  for (let i = 0; i < planted.length; i += 5000) out.push(planted.slice(i, i + 5000));
  return out;
}

