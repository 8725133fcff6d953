// Polls one source: conditional GET through the gate, then the shared ingest (ingest-items.ts: decode,
// parse, diff against the seen set, enqueue new items, mark them seen; the WebSub push path uses it
// too). A feed that advertises a hub is handed to WebSub. Failures back off and mark the source.
// One poll per source runs at a time across workers (a leased key); a poll that finds one under way,
// or waits for a host slot longer than its interval, is skipped: never two fetches on one validator.
import { UnrecoverableError } from 'bullmq';
import { CAPS } from '../adapters/http/safe-fetch.js';
import { isVigieError, VigieError } from '../core/errors/vigie-error.js';
import { notBeforeAfterFailure, notBeforeAfterSuccess } from '../core/poll/next-poll-delay.js';
import type { SourceConfig } from '../core/model/source.js';
import { takeLease } from '../adapters/redis/take-lease.js';
import type { Services } from '../runtime/create-services.js';
import { ingestItems, isFirstLook } from './ingest-items.js';
import { notePushLinks } from './websub-subscribe.js';
import { paceSource, withCurrentInterval, type PacedSource } from './pace-source.js';
import { reviewSourceHealth } from './review-source-health.js';


export type PollOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'not-modified' }
  | { status: 'ok'; items: number; newItems: number; recorded: number }
  | { status: 'failed'; code: string; message: string };

/** How long a poll's lease outlives a worker that died holding it; renewed while the poll runs. */
const POLL_LEASE_MS = 10_000;

async function fetchSource(s: Services, source: SourceConfig, validators: { etag?: string; lastModified?: string }) {
  // Waiting for a host slot past the interval would run this poll on top of the next scheduled one.
  const slotWaitMs = source.intervalSeconds * 1000;
  const headers: Record<string, string> = { accept: source.kind === 'feed'
    ? 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'
    : 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const res = await s.fetcher.fetch(source.url, { headers, slotWaitMs, maxBytes: source.kind === 'feed' ? CAPS.feedBytes : CAPS.pageBytes });
  if (res.status === 304) return { res, doc: undefined };
  if (res.status < 200 || res.status > 299) {
    throw new VigieError('HTTP_STATUS', 'poll', `${source.url} answered ${res.status}`, {
      details: { status: res.status, retryAfter: res.headers['retry-after'] },
      permanent: false,
    });
  }
  return { res, doc: { body: res.body, contentType: res.headers['content-type'], linkHeader: res.headers.link, url: res.url } };
}

/** A poll left out so as not to double another: logged and counted, not a failure of the source. */
function skipped(s: Services, sourceId: string, why: 'in_progress' | 'slot_wait', reason: string): PollOutcome {
  s.metrics.polls.inc({ outcome: 'skipped' });
  s.log.info({ event: 'source.poll.skipped', sourceId, why }, reason);
  return { status: 'skipped', reason };
}

export async function pollSource(s: Services, sourceId: string): Promise<PollOutcome> {
  const source = await s.sources.get(sourceId);
  if (!source) return { status: 'skipped', reason: 'source removed' };
  if (!source.enabled) return { status: 'skipped', reason: 'source disabled' };
  // State and validators are read under the lease, so they are those the previous poll left.
  const lease = await takeLease(s.redis, s.keys.pollLease(sourceId), POLL_LEASE_MS, { renew: true });
  if (!lease) return skipped(s, sourceId, 'in_progress', 'another poll of this source is under way');
  try {
    return await pollLeased(s, await withCurrentInterval(s, source));
  } finally {
    await reviewSourceHealth(s, source);
    await lease.release();
  }
}

async function pollLeased(s: Services, paced: PacedSource): Promise<PollOutcome> {
  const { source } = paced;
  const sourceId = source.id;
  const now = s.clock();
  const state = await s.sources.getState(sourceId);
  if (state.notBefore && Date.parse(state.notBefore) > now.getTime()) return { status: 'skipped', reason: `not before ${state.notBefore}` };

  try {
    const validators = await s.sources.getValidators(sourceId);
    const { res, doc } = await fetchSource(s, source, validators);
    if (!doc) {
      const hints = { retryAfter: res.headers['retry-after'], cacheControl: res.headers['cache-control'] };
      await s.sources.recordSuccess(sourceId, now, notBeforeAfterSuccess(now, source.intervalSeconds, hints), 0);
      await paceSource(s, paced, now, hints);
      s.log.debug({ event: 'source.poll.not_modified', sourceId }, 'not modified');
      return { status: 'not-modified' };
    }
    const firstPoll = await isFirstLook(s, sourceId, state);
    const got = await ingestItems(s, source, doc, { firstPoll, now });
    const hints = { retryAfter: res.headers['retry-after'], cacheControl: res.headers['cache-control'], ttlSeconds: got.ttlSeconds };
    await s.sources.setValidators(sourceId, { etag: res.headers.etag, lastModified: res.headers['last-modified'] });
    await s.sources.recordSuccess(sourceId, now, notBeforeAfterSuccess(now, source.intervalSeconds, hints), got.newItems);
    await paceSource(s, paced, now, hints);
    s.metrics.polls.inc({ outcome: 'ok' });
    s.log.info({ event: 'source.poll.done', sourceId, items: got.items, newItems: got.newItems, recorded: got.recorded, firstPoll }, 'polled');
    await notePushLinks(s, source, got.hubLinks, now);
    return { status: 'ok', items: got.items, newItems: got.newItems, recorded: got.recorded };
  } catch (err) {
    const e = isVigieError(err) ? err : new VigieError('FETCH_CONNECT', 'poll', String((err as Error)?.message ?? err), { cause: err });
    if (e.code === 'FETCH_SLOT_WAIT') return skipped(s, sourceId, 'slot_wait', `waited past its interval (${source.intervalSeconds} s) for a host slot`);
    const retryAfter = typeof e.details.retryAfter === 'string' ? e.details.retryAfter : undefined;
    const failures = state.consecutiveFailures + 1;
    await s.sources.recordFailure(sourceId, now, e.code, e.message, notBeforeAfterFailure(now, source.intervalSeconds, failures, retryAfter));
    s.metrics.polls.inc({ outcome: e.code });
    s.log.warn({ event: 'source.poll.failed', sourceId, code: e.code, permanent: e.permanent, failures }, e.message);
    // The scheduler polls again on its own; a permanent error is still surfaced as a failed job.
    if (e.permanent) throw new UnrecoverableError(`${e.code}: ${e.message}`);
    return { status: 'failed', code: e.code, message: e.message };
  }
}
