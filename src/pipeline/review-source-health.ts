// Source-health alerts, the stateful part: after each poll of a source (under its poll lease), judge its
// health from its poll state and publish history (nextHealth) and, on a change of state only, tell the
// admin channels. The event is handed over before the state is stored: a crash in between repeats the
// same event id, which the deliveries dedupe. Never fails the poll that called it.
import { expectedPeriod } from '../core/health/expected-period.js';
import { nextHealth } from '../core/health/next-health.js';
import { buildAdminNotice } from '../core/render/admin-notice.js';
import type { SourceConfig } from '../core/model/source.js';
import type { Services } from '../runtime/create-services.js';
import { notifyAdmins } from './notify-admins.js';

export async function reviewSourceHealth(s: Services, source: SourceConfig): Promise<void> {
  try {
    const [state, published, current] = await Promise.all([
      s.sources.getState(source.id), s.sourceHealth.published(source.id), s.sourceHealth.getHealth(source.id)]);
    const { next, event } = nextHealth(source.id, current, {
      now: s.clock(), consecutiveFailures: state.consecutiveFailures, lastErrorCode: state.lastErrorCode,
      newestPublishedAt: published.at(-1), expected: expectedPeriod(source.expectedPeriodSeconds, published),
    });
    if (!event) {
      if (next !== current) await s.sourceHealth.transition(source.id, current?.since, next);
      return;
    }
    const notice = buildAdminNotice(event, source, state);
    const notified = await notifyAdmins(s, notice);
    if (!(await s.sourceHealth.transition(source.id, current?.since, next))) return; // another review made it
    await s.events.record({ at: event.at, event: event.type, message: `${source.id}: ${event.detail}`, sourceId: source.id,
      ...(notified.length > 0 ? { notified: notified.join(',') } : {}) });
    const line = { event: event.type, sourceId: source.id, reason: event.reason, since: event.previousSince, notified };
    if (event.type === 'source.unhealthy') s.log.warn(line, event.detail);
    else s.log.info(line, event.detail);
  } catch (err) {
    s.log.error({ event: 'source.health.review_failed', sourceId: source.id, err: String(err) }, 'could not review the source\'s health');
  }
}
