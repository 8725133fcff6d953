// Prints an evaluation's figures per part (dev, then test) and language, in the order the real-news
// scripts use, each part saying what it is: dev was studied while tuning (a training figure), test only scored.
export function printParts<T>(scores: ReadonlyMap<string, T>, line: (lang: string, t: T) => string): void {
  for (const split of ['dev', 'test']) {
    if (![...scores.keys()].some((k) => k.startsWith(`${split}/`))) continue;
    console.log(split === 'dev' ? 'dev part (studied while tuning: a training figure)' : 'test part (scored only, never studied)');
    for (const lang of ['fr', 'en', 'ar', 'overall']) {
      const t = scores.get(`${split}/${lang}`);
      if (t) console.log(line(lang, t));
    }
    // Each gathering round on its own, once there are two: the first round's figure stays comparable
    // with the figures reported before the second was added.
    const rounds = [...scores.keys()].filter((k) => k.startsWith(`${split}/batch `)).sort();
    if (rounds.length > 1) for (const k of rounds) console.log(line(k.slice(split.length + 1), scores.get(k)!));
  }
}
