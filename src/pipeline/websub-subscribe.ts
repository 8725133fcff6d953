// Asks a source's WebSub hub for pushes, renews them, and gives them up: the requests go through the
// outbound gate from a `websub` job; the hub's answer arrives later as a verification of intent
// (websub-verify.ts). Without VIGIE_PUBLIC_URL no hub could reach vigie, so nothing is asked.
import { websubCallback, websubForm, type WebSubMode } from '../core/websub/websub-form.js';
import type { HubLinks } from '../core/websub/find-hub-links.js';
import { isVigieError, VigieError } from '../core/errors/vigie-error.js';
import type { SourceConfig } from '../core/model/source.js';
import { JOB_OPTIONS, safeJobId } from '../adapters/queue/queues.js';
import { pushActive } from '../adapters/redis/push-store.js';
import type { Services } from '../runtime/create-services.js';
import { scheduleSource } from './apply-config.js';

/** A request that got no verification (hub down, denied) is asked again after this long. */
const RETRY_AFTER_MS = 3600_000;
const HUB_TIMEOUT_MS = 15_000;

/** Why push is off for this deployment, or undefined when it may be on. */
export function pushOffReason(s: Pick<Services, 'env'>): string | undefined {
  return s.env.publicUrlSet ? undefined : 'VIGIE_PUBLIC_URL not set';
}

/**
 * After a poll: a feed that advertises a hub is subscribed (once; again when the hub or topic changes,
 * or when a lease lapsed and an hour passed since the last request). Never fails the poll.
 */
export async function notePushLinks(s: Services, source: SourceConfig, links: HubLinks | undefined, now: Date): Promise<void> {
  const hub = links?.hubs[0];
  if (!hub || pushOffReason(s) || source.kind !== 'feed') return;
  const topic = links.self ?? source.url;
  try {
    const state = await s.push.get(source.id);
    const same = state?.hub === hub && state.topic === topic && state.wanted === 'subscribe';
    const recent = state?.requestedAt !== undefined && Date.parse(state.requestedAt) + RETRY_AFTER_MS > now.getTime();
    if (same && (pushActive(state, now) || recent)) return;
    await s.push.want(source.id, hub, topic);
    await enqueueHubRequest(s, source.id, 'subscribe');
    s.log.info({ event: 'websub.hub.found', sourceId: source.id, hub, topic }, 'feed advertises a WebSub hub; subscribing');
  } catch (err) {
    s.log.warn({ event: 'websub.hub.note_failed', sourceId: source.id, err: String(err) }, 'could not start a WebSub subscription');
  }
}

/** One pending request per source and mode (BullMQ deduplication until it has run). */
export async function enqueueHubRequest(s: Services, sourceId: string, mode: WebSubMode, delayMs = 0, jobId?: string): Promise<void> {
  await s.queues.websub.add(mode, { sourceId, mode }, {
    ...JOB_OPTIONS.websub, delay: delayMs,
    ...(jobId ? { jobId: safeJobId(jobId) } : { deduplication: { id: safeJobId(`websub-${mode}-${sourceId}`) } }),
  });
}

/** The `websub` job: send the subscribe or unsubscribe vigie still wants (a stale job does nothing). */
export async function requestHub(s: Services, sourceId: string, mode: WebSubMode): Promise<{ status: 'sent' | 'skipped'; reason?: string }> {
  const state = await s.push.get(sourceId);
  if (!state || state.wanted !== mode) return { status: 'skipped', reason: `no ${mode} wanted` };
  if (mode === 'subscribe' && !(await s.sources.get(sourceId))) return { status: 'skipped', reason: 'source removed' };
  const now = s.clock();
  const body = websubForm({ mode, topic: state.topic, callback: websubCallback(s.env.VIGIE_PUBLIC_URL, sourceId),
    secret: state.secret, leaseSeconds: s.env.VIGIE_WEBSUB_LEASE_SECONDS });
  try {
    const res = await s.fetcher.fetch(state.hub, { method: 'POST', body, maxBytes: 64 * 1024, totalTimeoutMs: HUB_TIMEOUT_MS,
      headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    // §5.1: 202 Accepted is the hub's yes (verification follows); any 2xx is taken as one.
    if (res.status < 200 || res.status > 299) {
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
      throw new VigieError(permanent ? 'WEBSUB_HUB_REFUSED' : 'HTTP_STATUS', 'websub', `hub ${new URL(state.hub).host} answered ${res.status} to ${mode}`,
        { details: { status: res.status }, permanent });
    }
    await s.push.markRequested(sourceId, now);
    s.log.info({ event: 'websub.request.sent', sourceId, mode, hub: state.hub }, `${mode} request accepted by the hub`);
    return { status: 'sent' };
  } catch (err) {
    const message = isVigieError(err) ? `${err.code}: ${err.message}` : String(err);
    await s.push.markRequested(sourceId, now, message);
    s.log.warn({ event: 'websub.request.failed', sourceId, mode, hub: state.hub }, message);
    // A hub that refuses an unsubscribe will stop pushing when the lease ends: forget it now.
    if (mode === 'unsubscribe' && isVigieError(err) && err.permanent) await s.push.remove(sourceId);
    throw err;
  }
}

/** The `websub` job at a lease's end: if no renewal was verified, polling goes back to the source's interval. */
export async function checkLeaseEnd(s: Services, sourceId: string): Promise<void> {
  const source = await s.sources.get(sourceId);
  if (!source || pushActive(await s.push.get(sourceId), s.clock())) return;
  await scheduleSource(s, source);
  s.log.warn({ event: 'websub.lease.ended', sourceId }, 'WebSub lease ended without renewal; polling at the source interval');
}

/** Source removal: stop accepting pushes now, and ask the hub to stop (it verifies at the callback). */
export async function unsubscribeRemoved(s: Services, sourceId: string): Promise<void> {
  if (await s.push.wantUnsubscribe(sourceId)) await enqueueHubRequest(s, sourceId, 'unsubscribe');
}
