// When a later article attaches to a story already alerted: if its reading of the event adds to what the
// alert's subscriber was told (diffEvent), note it and make sure the alert's update round is scheduled.
// A copy that adds nothing notes nothing and schedules nothing. Safe to run twice (the round's job id).
import { diffEvent, eventFacts } from '../core/events/diff-event.js';
import type { Alert } from '../core/model/alert.js';
import type { Article } from '../core/model/article.js';
import type { ArticleEvent } from '../core/events/event.js';
import { scheduleUpdateRound } from './send-update.js';
import type { Services } from '../runtime/create-services.js';

export async function noteUpdate(s: Services, alert: Alert, article: Article, events: ArticleEvent[] | undefined): Promise<boolean> {
  const main = events?.[0];
  // An alert made before events were read told no event: a later reading would look like news it is not.
  if (!main || alert.events === undefined) return false;
  const first = eventFacts(alert.events?.[0]);
  const told = (await s.updates.told(alert.id)) ?? first;
  if (diffEvent(told, main) === null) return false;
  const round = await s.updates.note(alert.id, first, { articleId: article.id, sourceId: article.sourceId, type: main.type, killed: main.killed, injured: main.injured });
  await scheduleUpdateRound(s, alert.id, round);
  s.log.debug({ event: 'alert.update.noted', alertId: alert.id, articleId: article.id, round }, 'update noted');
  return true;
}
