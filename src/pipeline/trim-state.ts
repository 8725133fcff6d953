// Hourly housekeeping: article and alert keys expire on their own (retention TTL); the time indexes
// that list them are trimmed here so Redis memory stays flat on a long-running deployment.
import type { Services } from '../runtime/create-services.js';

export async function trimState(s: Services): Promise<{ articles: number; alerts: number }> {
  const now = s.clock();
  const [articles, alerts] = await Promise.all([s.articles.trim(now), s.alerts.trim(now)]);
  s.log.info({ event: 'state.trimmed', articles, alerts }, 'time indexes trimmed');
  return { articles, alerts };
}
