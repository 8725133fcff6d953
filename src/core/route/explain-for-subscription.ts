// Picks, among an article's matches, those that explain why one subscription fired: hits on entities
// inside its regions (with descendants) and actors (with members); keyword-only subscriptions get the
// article's best region/actor hits as context. Title hits come first: they make the best snippet.
import type { MatchExplanation } from '../model/alert.js';
import type { Subscription } from '../model/subscription.js';

const FIELD_ORDER = { title: 0, summary: 1, text: 2 } as const;
const MAX_EXPLANATIONS = 20;

export function explainForSubscription(
  sub: Subscription,
  matches: MatchExplanation[],
  expand: (id: string) => Set<string>,
): MatchExplanation[] {
  const wanted = new Set<string>();
  for (const id of [...sub.regions, ...sub.actors]) for (const e of expand(id)) wanted.add(e);
  const relevant = wanted.size > 0 ? matches.filter((m) => wanted.has(m.entityId)) : matches;
  const chosen = relevant.length > 0 ? relevant : matches;
  // The feed's summary often repeats the first paragraph: the same hit in the same sentence is told once.
  const seen = new Set<string>();
  return [...chosen]
    .sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.start - b.start)
    .filter((m) => {
      const key = `${m.entityId}\u0000${m.snippet}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_EXPLANATIONS);
}
