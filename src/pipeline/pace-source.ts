// Adaptive polling, the stateful part: after each good poll, records when the new items were published,
// chooses the interval (choosePollInterval), keeps it with why, and moves the poll schedule when it
// changed enough. A fixed interval from config is kept as is; its schedule is never moved from here.
import { choosePollInterval, isIntervalChange, scheduledIntervalSeconds, type PollPacing } from '../core/poll/choose-poll-interval.js';
import { publishTimes } from '../core/poll/publish-times.js';
import type { PollHints } from '../core/poll/next-poll-delay.js';
import type { FeedItem } from '../core/model/feed-item.js';
import type { SourceConfig } from '../core/model/source.js';
import type { Services } from '../runtime/create-services.js';
import type { StoredPacing } from '../adapters/redis/source-health-store.js';
import { scheduleSource } from './apply-config.js';

/** What a poll reads of its pacing once, under its lease (only a poll writes it, paceSource below). */
export interface PacedSource {
  /** The source as this poll should treat it: its interval is the one its schedule runs at now. */
  source: SourceConfig;
  /** The pacing the previous poll kept, for paceSource. */
  stored: StoredPacing | undefined;
}

export async function withCurrentInterval(s: Services, source: SourceConfig): Promise<PacedSource> {
  const stored = await s.sourceHealth.getPacing(source.id);
  return { source: { ...source, intervalSeconds: scheduledIntervalSeconds(source, stored?.scheduledSeconds) }, stored };
}

export async function recordPublished(s: Services, sourceId: string, items: FeedItem[], now: Date, firstPoll: boolean): Promise<void> {
  await s.sourceHealth.addPublished(sourceId, publishTimes(items, now, firstPoll));
}

export async function paceSource(s: Services, paced: PacedSource, now: Date, hints: PollHints): Promise<PollPacing> {
  const { source, stored } = paced;
  const published = await s.sourceHealth.published(source.id);
  const adaptive = source.minIntervalSeconds !== undefined && source.maxIntervalSeconds !== undefined;
  const chosen = choosePollInterval({
    now, published, hints,
    ...(adaptive ? {} : { fixedSeconds: source.intervalSeconds }),
    minSeconds: source.minIntervalSeconds ?? source.intervalSeconds,
    maxSeconds: source.maxIntervalSeconds ?? source.intervalSeconds,
  });
  let scheduled = scheduledIntervalSeconds(source, stored?.scheduledSeconds);
  if (adaptive && isIntervalChange(scheduled, chosen.seconds)) {
    await scheduleSource(s, source, chosen.seconds);
    s.log.info({ event: 'source.interval.changed', sourceId: source.id, from: scheduled, to: chosen.seconds, rule: chosen.rule }, chosen.reason);
    scheduled = chosen.seconds;
  }
  await s.sourceHealth.setPacing(source.id, { ...chosen, scheduledSeconds: scheduled, at: now.toISOString() });
  return chosen;
}
