// Applies config files to the shared state: sources are upserted (config wins over earlier values),
// declared subscriptions created or updated, and one BullMQ job scheduler kept per enabled source.
import { saveSubscription } from './save-subscription.js';
import type { SourceConfig } from '../core/model/source.js';
import type { VigieConfig } from '../config/load-config.js';
import { JOB_OPTIONS } from '../adapters/queue/queues.js';
import { shortHash } from '../core/ids/article-id.js';
import { scheduledIntervalSeconds } from '../core/poll/choose-poll-interval.js';
import { pushActive } from '../adapters/redis/push-store.js';
import type { Services } from '../runtime/create-services.js';

const schedulerId = (sourceId: string) => `source-${sourceId}`;

/** Spreads sources over their interval (deterministic per id) so they do not all poll at the same instant. */
function jitterMs(sourceId: string, intervalMs: number): number {
  return parseInt(shortHash('jitter', sourceId).slice(0, 8), 16) % Math.max(1, Math.min(intervalMs, 60_000));
}

/**
 * `everySeconds`: a new interval chosen for an adaptive source after a poll (pace-source.ts); its next
 * poll is one new interval from now (BullMQ would otherwise realign a changed `every` to a slot that may
 * come at once). Default: the source's current interval.
 */
/** Stops a source's polls (its one BullMQ job scheduler). */
export async function unscheduleSource(s: Services, sourceId: string): Promise<void> {
  await s.queues.poll.removeJobScheduler(schedulerId(sourceId));
}

export async function scheduleSource(s: Services, source: SourceConfig, everySeconds?: number): Promise<void> {
  if (!source.enabled) {
    await unscheduleSource(s, source.id);
    return;
  }
  const current = everySeconds ?? scheduledIntervalSeconds(source, (await s.sourceHealth.getPacing(source.id))?.scheduledSeconds);
  // While a WebSub hub pushes this source, polling is only a safety net (never more often than asked).
  const pushed = pushActive(await s.push.get(source.id), s.clock());
  const every = (pushed ? Math.max(current, s.env.VIGIE_WEBSUB_POLL_SECONDS) : current) * 1000;
  const from = everySeconds === undefined ? {} : { startDate: s.clock().getTime() + every };
  await s.queues.poll.upsertJobScheduler(schedulerId(source.id), { every, offset: jitterMs(source.id, every), ...from }, {
    name: 'poll', data: { sourceId: source.id }, opts: JOB_OPTIONS.poll,
  });
}

/** Makes the schedulers match the stored sources: one per enabled source, none for removed ones. */
export async function syncSchedulers(s: Services): Promise<number> {
  const sources = await s.sources.list();
  const wanted = new Set(sources.filter((x) => x.enabled).map((x) => schedulerId(x.id)));
  for (const source of sources) await scheduleSource(s, source);
  const existing = await s.queues.poll.getJobSchedulers(0, -1);
  for (const sched of existing) {
    const id = sched.key ?? sched.id;
    if (id && id.startsWith('source-') && !wanted.has(id)) await s.queues.poll.removeJobScheduler(id);
  }
  // Digests: top of every hour, and every day at 07:00 UTC.
  await s.queues.digest.upsertJobScheduler('digest-hourly', { pattern: '0 * * * *' }, { name: 'digest', data: { mode: 'hourly' }, opts: JOB_OPTIONS.digest });
  await s.queues.digest.upsertJobScheduler('digest-daily', { pattern: '0 7 * * *' }, { name: 'digest', data: { mode: 'daily' }, opts: JOB_OPTIONS.digest });
  await s.queues.digest.upsertJobScheduler('trim-hourly', { pattern: '30 * * * *' }, { name: 'trim', data: { mode: 'hourly' }, opts: JOB_OPTIONS.digest });
  return wanted.size;
}

export async function applyConfig(s: Services, config: VigieConfig): Promise<{ sources: number; subscriptions: number; newSecrets: Array<{ id: string; channelId: string; secret: string }> }> {
  for (const source of config.sources) await s.sources.put(source);
  const newSecrets: Array<{ id: string; channelId: string; secret: string }> = [];
  for (const declared of config.subscriptions) {
    const previous = await s.subscriptions.get(declared.id);
    const { subscription, secrets } = await saveSubscription(s, declared.input, { owner: declared.owner, id: declared.id, previous });
    newSecrets.push(...secrets.map((x) => ({ id: subscription.id, ...x })));
  }
  await syncSchedulers(s);
  return { sources: config.sources.length, subscriptions: config.subscriptions.length, newSecrets };
}
