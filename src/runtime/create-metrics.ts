// Prometheus metrics of one process (prom-client, own registry). Pipelines only call inc/observe;
// the API serves the registry at /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigie_process_' });
  const polls = new Counter({ name: 'vigie_polls_total', help: 'Source polls by outcome (ok or error code)', labelNames: ['outcome'], registers: [registry] });
  const articles = new Counter({ name: 'vigie_articles_total', help: 'Articles stored', registers: [registry] });
  const matches = new Counter({ name: 'vigie_matches_total', help: 'Entity matches found in articles', registers: [registry] });
  const alerts = new Counter({ name: 'vigie_alerts_total', help: 'Alerts created', registers: [registry] });
  const deliveries = new Counter({ name: 'vigie_deliveries_total', help: 'Delivery attempts by outcome', labelNames: ['outcome'], registers: [registry] });
  const queueDepth = new Gauge({ name: 'vigie_queue_jobs', help: 'Jobs per queue and state', labelNames: ['queue', 'state'], registers: [registry] });
  const latency = new Histogram({
    name: 'vigie_poll_to_delivery_seconds', help: 'From the article being stored to its alert being submitted',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600], registers: [registry],
  });
  const websubPushes = new Counter({ name: 'vigie_websub_pushes_total', help: 'WebSub pushes received, by outcome (accepted, or why refused)', labelNames: ['outcome'], registers: [registry] });
  const websubVerifications = new Counter({ name: 'vigie_websub_verifications_total', help: 'WebSub intent verifications by mode and verdict', labelNames: ['mode', 'verdict'], registers: [registry] });
  return { registry, websubPushes, websubVerifications, polls, articles, matches, alerts, deliveries, queueDepth, latency };
}

export type Metrics = ReturnType<typeof createMetrics>;
