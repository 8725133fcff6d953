// Takes a document a WebSub hub pushed for a source (WebSub §7-8): accepted only with a valid
// X-Hub-Signature under the source's own secret, then read exactly as a poll reads a fetch
// (ingest-items.ts), so push and poll share one dedupe. Refusals are counted and logged, not raised.
import { verifyHubSignature } from '../core/websub/verify-hub-signature.js';
import { isVigieError } from '../core/errors/vigie-error.js';
import type { Services } from '../runtime/create-services.js';
import { ingestItems, isFirstLook } from './ingest-items.js';

export interface PushedDocument { body: Buffer; contentType?: string; linkHeader?: string; signature?: string }

export type PushOutcome =
  | { status: 'accepted'; newItems: number }
  | { status: 'unknown'; reason: string }
  | { status: 'refused'; reason: string };

export async function receivePush(s: Services, sourceId: string, pushed: PushedDocument): Promise<PushOutcome> {
  const [source, state] = await Promise.all([s.sources.get(sourceId), s.push.get(sourceId)]);
  if (!source || !state || state.wanted !== 'subscribe') return refuse(s, sourceId, 'unknown', 'no push subscription for this callback');
  if (!source.enabled) return refuse(s, sourceId, 'refused', 'source disabled', 'source_disabled');
  const verdict = verifyHubSignature(pushed.signature, pushed.body, state.secret);
  if (verdict !== 'valid') return refuse(s, sourceId, 'refused', `signature ${verdict}`, `signature_${verdict}`);
  const now = s.clock();
  try {
    const firstPoll = await isFirstLook(s, sourceId, await s.sources.getState(sourceId));
    const got = await ingestItems(s, source, { body: pushed.body, contentType: pushed.contentType, linkHeader: pushed.linkHeader, url: state.topic }, { firstPoll, now });
    s.metrics.websubPushes.inc({ outcome: 'accepted' });
    s.log.info({ event: 'websub.push.done', sourceId, items: got.items, newItems: got.newItems }, 'push ingested');
    return { status: 'accepted', newItems: got.newItems };
  } catch (err) {
    const code = isVigieError(err) ? err.code : 'INTERNAL';
    if (!isVigieError(err) || !err.permanent) throw err; // Redis down: the hub should retry (5xx)
    return refuse(s, sourceId, 'refused', `${code}: ${err.message}`, code);
  }
}

function refuse(s: Services, sourceId: string, status: 'unknown' | 'refused', reason: string, outcome: string = status): PushOutcome {
  s.metrics.websubPushes.inc({ outcome });
  s.log.warn({ event: 'websub.push.refused', sourceId, outcome }, reason);
  return { status, reason };
}
