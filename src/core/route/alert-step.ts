// One alert per subscription per story: what routing does with an article that fired, given the alert
// already kept under the (subscription, story) id. Shared by live routing and the backtest ("try it"),
// so both count alerts the same way. Pure.
import type { Alert } from '../model/alert.js';

/** `create`: the story's first article for this subscription; `attach`: a later article of the story,
 * listed on the alert and not re-sent; `again`: the same article routed again (a re-run after a crash). */
export type AlertStep = 'create' | 'attach' | 'again';

export function alertStep(kept: Pick<Alert, 'articleId'> | undefined, articleId: string): AlertStep {
  if (!kept) return 'create';
  return kept.articleId === articleId ? 'again' : 'attach';
}
