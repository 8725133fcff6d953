// After matching, notes the named groups an article introduces that the catalog lacks (candidate
// actors, find-candidates.ts) in the candidate store. Counting is keyed by article id, so a retried
// article counts once. A failure here is logged and does not hold back the article's alerts.
import { findCandidates } from '../core/candidates/find-candidates.js';
import { knownCandidateKeys } from '../core/candidates/known-candidate-keys.js';
import type { MatchResult } from '../core/match/match-document.js';
import type { Article } from '../core/model/article.js';
import type { CandidateStore } from '../adapters/redis/candidate-store.js';
import type { EntitySnapshot } from './entity-catalog.js';

export interface NoteCandidatesServices {
  candidates: CandidateStore;
  clock: () => Date;
  log: { warn(obj: object, msg: string): void; debug(obj: object, msg: string): void };
}

/** Known keys per entity snapshot: computed once per catalog version, not per article. */
const knownOf = new WeakMap<EntitySnapshot, Set<string>>();
function knownKeys(entities: EntitySnapshot): Set<string> {
  let keys = knownOf.get(entities);
  if (!keys) { keys = knownCandidateKeys(entities.entities); knownOf.set(entities, keys); }
  return keys;
}

export async function noteCandidates(s: NoteCandidatesServices, article: Article, result: MatchResult, entities: EntitySnapshot): Promise<number> {
  try {
    const found = findCandidates(article, result, knownKeys(entities));
    let counted = 0;
    for (const c of found) {
      const fresh = await s.candidates.note({ key: c.key, name: c.name, kindHint: c.kindHint, lang: c.lang, evidence: c.evidence,
        nearActors: c.nearActors, articleId: article.id, sourceId: article.sourceId, at: s.clock() });
      if (fresh) counted++;
    }
    if (found.length > 0) s.log.debug({ event: 'candidates.noted', articleId: article.id, found: found.length, counted }, 'candidate actors noted');
    return counted;
  } catch (err) {
    s.log.warn({ event: 'candidates.note.failed', articleId: article.id }, String((err as Error).message));
    return 0;
  }
}
