// The web page's alert map: how long GET /v1/alerts/map takes for a month of alerts, and how much of it
// is the pure core (placing, grouping, counting) against reading Redis. Alerts are stored directly
// (the article stage is measured elsewhere), each naming a random town of the shipped gazetteer and its
// governorate, spread over 30 days, for one admin key; the route is called through app.inject.
// Usage: node dist/bench/alert-map.js [--alerts 2000] [--runs 20] [--json]
import { performance } from 'node:perf_hooks';
import { startTestRedis } from '../test/harness/redis-server.js';
import { shippedCatalog } from '../test/harness/shipped-catalog.js';
import { seededRandom } from '../test/harness/seeded-random.js';
import { loadEnv } from '../src/config/env.js';
import { createServices } from '../src/runtime/create-services.js';
import { buildApp } from '../src/api/build-app.js';
import { createApiKeyStore } from '../src/adapters/redis/api-key-store.js';
import { buildAlertMap } from '../src/core/map/alert-map.js';
import type { Alert } from '../src/core/model/alert.js';
import { percentile } from './percentiles.js';
import { numberArg } from './number-arg.js';

const args = process.argv.slice(2);
const ALERTS = numberArg('alerts', 2000);
const RUNS = numberArg('runs', 20);
const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const redis = await startTestRedis();
  const { entities } = await shippedCatalog();
  const services = createServices({ env: loadEnv({ VIGIE_LOG_LEVEL: 'silent', VIGIE_SIGNING_KEY: 'bench-signing-key-0123456789abcdef' }), redisUrl: redis.url, entities });
  const app = await buildApp({ services });
  await app.ready();
  const { key } = await createApiKeyStore(services.redis, services.keys).create({ name: 'bench', role: 'admin', now: new Date() });
  const { graph } = await services.entities.current();
  const towns = entities.filter((e) => e.type === 'town' && e.coords && e.population && e.population > 5000);
  const random = seededRandom(14);
  const alerts: Alert[] = [];
  for (let i = 0; i < ALERTS; i += 1) {
    const town = towns[Math.floor(random() * towns.length)]!;
    const gov = graph.ancestors(town.id).find((id) => graph.get(id)?.type === 'governorate') ?? town.parents[0]!;
    const hit = (entityId: string) => ({ entityId, kind: 'region' as const, name: entityId, alias: entityId, surface: entityId, field: 'text' as const, start: 0, end: 3, snippet: '' });
    const alert: Alert = { id: `alr_bench${i}`, subscriptionId: 'sub_bench', storyId: `sto_bench${i}`, articleId: `art_bench${i}`, relatedArticleIds: [],
      matches: [hit(gov), hit(town.id)], createdAt: new Date(Date.now() - random() * 29 * DAY_MS).toISOString() };
    alerts.push(alert);
    await services.alerts.createAlert(alert);
  }
  const timings = { endpoint: [] as number[], core: [] as number[] };
  let groups = 0;
  for (let r = 0; r < RUNS; r += 1) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url: `/v1/alerts/map?days=30&limit=${ALERTS}`, headers: { authorization: `Bearer ${key}` } });
    timings.endpoint.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`alert map: HTTP ${res.statusCode} ${res.body}`);
    groups = (res.json() as { groups: unknown[] }).groups.length;
    const t1 = performance.now();
    buildAlertMap({ alerts: alerts.map((alert) => ({ alert })), places: graph, regionIds: ['sy', 'lb', 'iq'], groupKm: 25, from: new Date(Date.now() - 30 * DAY_MS), to: new Date() });
    timings.core.push(performance.now() - t1);
  }
  const row = (name: string, xs: number[]) => ({ name, p50: percentile(xs, 50), p95: percentile(xs, 95) });
  const rows = [row('GET /v1/alerts/map (Redis + core + JSON)', timings.endpoint), row('buildAlertMap (pure core)', timings.core)];
  if (args.includes('--json')) console.log(JSON.stringify({ alerts: ALERTS, runs: RUNS, groups, rows }));
  else {
    console.log(`${ALERTS} alerts over 30 days at ${towns.length} candidate towns, ${groups} points at 25 km, ${RUNS} runs`);
    console.log('| what | p50 ms | p95 ms |\n|---|---:|---:|');
    for (const r of rows) console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  }
  await app.close();
  await services.close();
  await redis.close();
}

await main();
