// Articles for crash-style tests that are each their own story: random words drawn from a seeded
// source, so story grouping never (rightly) folds one into another and hides an alert never owed.
import type { SiteArticle } from './news-site.js';

const PLACES = ['Idlib', 'Saraqib', 'Ariha', 'Jisr al-Shughur', 'Maarat al-Numan', 'Atarib', 'Darat Izza', 'Sarmada', 'Harem', 'Salqin', 'Kafr Nabl', 'Khan Shaykhun'];
const WORDS = ['market', 'council', 'school', 'bridge', 'harvest', 'clinic', 'bakery', 'river', 'well', 'road', 'families', 'teachers',
  'farmers', 'drivers', 'doctors', 'volunteers', 'reopened', 'repaired', 'closed', 'flooded', 'inspected', 'visited', 'generator',
  'pharmacy', 'orchard', 'mill', 'stadium', 'library', 'tanker', 'depot', 'garden', 'workshop', 'shelter', 'kitchen', 'ferry', 'tower',
  'morning', 'evening', 'quietly', 'slowly', 'together', 'again', 'cables', 'pipes', 'windows', 'roofs', 'tents', 'blankets'];

/** Article `n` (slug `crash-n`) naming `marker` in its title and text; `random` is the test's seeded source. */
export function distinctArticle(n: number, random: () => number, marker = 'crashmarker'): SiteArticle {
  const place = PLACES[n % PLACES.length]!;
  const pick = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const title = marker[0]!.toUpperCase() + marker.slice(1);
  return { slug: `crash-${n}`, lang: 'en', published: new Date().toISOString(), title: `${title} ${pick(4)} ${place}`,
    summary: pick(6), paragraphs: [`${pick(16)} ${marker} ${place} ${pick(10)}.`, `${pick(14)}.`] };
}
