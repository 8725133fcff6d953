// Removes a source everywhere at once: its poll schedule, its stored config and state, and its WebSub
// subscription (the hub is asked to stop; the push state lives until the hub verifies that).
import type { Services } from '../runtime/create-services.js';
import { unsubscribeRemoved } from './websub-subscribe.js';
import { unscheduleSource } from './apply-config.js';

export async function removeSource(s: Services, sourceId: string): Promise<boolean> {
  await unscheduleSource(s, sourceId);
  const removed = await s.sources.remove(sourceId);
  await unsubscribeRemoved(s, sourceId);
  return removed;
}
