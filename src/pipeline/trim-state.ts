// Hourly housekeeping: article and alert keys expire on their own (retention TTL); the time indexes
// that list them are trimmed here so Redis memory stays flat on a long-running deployment; candidate
// actors named once and not seen for 90 days are dropped.
import type { Services } from '../runtime/create-services.js';

export async function trimState(s: Services): Promise<{ articles: number; alerts: number; candidates: number }> {
  const now = s.clock();
  const [articles, alerts, candidates] = await Promise.all([s.articles.trim(now), s.alerts.trim(now), s.candidates.trim(now)]);
  s.log.info({ event: 'state.trimmed', articles, alerts, candidates }, 'time indexes trimmed');
  return { articles, alerts, candidates };
}
