// After matching, notes the named groups an article introduces that the catalog lacks (candidate
// actors, find-candidates.ts) in the candidate store. Counting is keyed by article id, so a retried
// article counts once. A failure here is logged and does not hold back the article's alerts.
import type { FoundCandidate } from '../core/candidates/find-candidates.js';
import type { Article } from '../core/model/article.js';
import type { CandidateStore } from '../adapters/redis/candidate-store.js';

export interface NoteCandidatesServices {
  candidates: CandidateStore;
  clock: () => Date;
  log: { warn(obj: object, msg: string): void; debug(obj: object, msg: string): void };
}

/** `found`: the candidates the analysis found in the article (analysis-tasks.ts, on the pool). */
export async function noteCandidates(s: NoteCandidatesServices, article: Article, found: FoundCandidate[]): Promise<number> {
  try {
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
