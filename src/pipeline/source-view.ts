// A source as `sources list` and GET /v1/sources show it: its config, poll state, health as admins are
// told of it (since when), interval with why, and WebSub push state. One read of each, in parallel.
import type { SourceConfig } from '../core/model/source.js';
import type { Services } from '../runtime/create-services.js';
import { pushStatus } from './push-status.js';

export async function sourceView(s: Services, source: SourceConfig) {
  const [state, health, pacing, push] = await Promise.all([s.sources.getState(source.id), s.sourceHealth.getHealth(source.id),
    s.sourceHealth.getPacing(source.id), pushStatus(s, source.id)]);
  return { ...source, state, health: health ?? null, pacing: pacing ?? null, push };
}
