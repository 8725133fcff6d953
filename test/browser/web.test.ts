// The web page end to end in headless Chromium: sign in with a subscriber key, pick a governorate by its
// Arabic name (listed before the same-name city), add a webhook, "try it" shows one alert per story with
// a highlighted hit, save shows the secret once, and an alert arrives (signed webhook + the page's alert
// list) after a local source publishes. Then the same page at 400 px wide. Real Redis, real workers,
// loopback feed and webhook servers. Saves screenshots to test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { startHttpServer, type TestHttpServer } from '../harness/http-server.js';
import { repoRoot } from '../harness/paths.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { buildApp } from '../../src/api/build-app.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { createApiKeyStore } from '../../src/adapters/redis/api-key-store.js';
import { scheduleSource } from '../../src/pipeline/apply-config.js';
import { createWorkers, type WorkerSet } from '../../workers/create-workers.js';
import type { FastifyInstance } from 'fastify';
import { FIXTURE_ENTITIES } from '../api/fixture-entities.js';
import type { Entity } from '../../src/core/entities/entity.js';

const CHROMIUM = '/usr/bin/chromium';
// The city that shares its governorate's name, so the region picker must tell the two apart.
const DEIR_EZ_ZOR_TOWN: Entity = { id: 'sy-town-deir-ez-zor', kind: 'region', type: 'town', names: { en: 'Deir ez-Zor', fr: 'Deir ez-Zor', ar: 'دير الزور' },
  aliases: {}, acronyms: [], parents: ['sy-deir-ez-zor'], exclusions: [] };
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let redis: TestRedis;
let services: Services;
let app: FastifyInstance;
let workers: WorkerSet;
let feed: TestHttpServer;
let receiver: TestHttpServer;
let browser: Browser;
let origin: string;
const items: Array<{ guid: string; title: string; text: string; at: Date }> = [];
const hooks: Array<{ headers: Record<string, string>; body: string }> = [];

function rss(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>OSDH local</title><link>${feed.origin}/</link><description>test</description>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${feed.origin}/a/${i.guid}</link><guid>${i.guid}</guid><pubDate>${i.at.toUTCString()}</pubDate><description>${esc(i.text)}</description></item>`).join('\n')}
</channel></rss>`;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  redis = await startTestRedis();
  const env = loadEnv({ VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_LOG_LEVEL: 'silent', VIGIE_SIGNING_KEY: 'browser-test-signing-key-0123456', VIGIE_WEBHOOK_SCHEDULE_MS: '200,500', VIGIE_BACKFILL: '5' });
  services = createServices({ env, redisUrl: redis.url, entities: [...FIXTURE_ENTITIES, DEIR_EZ_ZOR_TOWN] });
  feed = await startHttpServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss()); });
  receiver = await startHttpServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { hooks.push({ headers: req.headers as Record<string, string>, body }); res.writeHead(200).end('ok'); });
  });
  app = await buildApp({ services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  workers = createWorkers(services);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  await workers?.close();
  await app?.close();
  await services?.close();
  await feed?.close();
  await receiver?.close();
  await redis?.close();
});

test('sign in, pick a governorate, try it, save with a webhook, and see the alert arrive', async () => {
  // A first article and a repost of it, published before the subscription exists: what "try it" will
  // find. The workers put both in one story, so "try it" shows one alert, as live routing would send.
  const text = "Une frappe de drone a visé un véhicule près de Boukamal, dans la province de Deir ez-Zor, selon l'OSDH.";
  items.push({ guid: 'a1', title: 'Frappe de drone près de Boukamal', text, at: new Date(Date.now() - 3600_000) });
  items.push({ guid: 'a1-repost', title: 'Frappe de drone près de Boukamal', text, at: new Date(Date.now() - 3000_000) });
  const source = { id: 'osdh-local', name: 'OSDH (local)', url: `${feed.origin}/rss.xml`, kind: 'feed' as const, intervalSeconds: 1, lang: 'fr' as const, fetchArticles: false, enabled: true, tags: ['Levant/Syria'] };
  await services.sources.put(source);
  await scheduleSource(services, source);
  await until('both articles to be stored and given their story', async () => {
    const ids = await services.articles.listIdsBetween(new Date(0), new Date(Date.now() + 60_000), 10);
    return ids.length >= 2 && (await services.stories.storiesOfArticles(ids)).size >= 2;
  });

  const { key } = await createApiKeyStore(services.redis, services.keys).create({ name: 'Alice', role: 'subscriber', now: new Date() });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(origin + '/');
  await page.fill('#key', key);
  await page.click('#signin button');
  await page.waitForSelector('#app:not([hidden])');
  assert.match(await page.textContent('#who') ?? '', /Alice \(subscriber\)/);

  await page.fill('#sub-name', 'دير الزور — drones');
  await page.fill('#region-search', 'دير الزور');
  // The governorate and the same-name city read apart (kind + parent path), the governorate first.
  await page.waitForSelector('#region-results input[data-entity="sy-town-deir-ez-zor"]');
  const labels = await page.$$eval('#region-results li .label', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual(labels.slice(0, 2), ['Deir ez-Zor (governorate, Syria)', 'Deir ez-Zor (town, Deir ez-Zor › Syria)']);
  await page.check('#region-results input[data-entity="sy-deir-ez-zor"]');
  assert.match(await page.textContent('#chosen') ?? '', /Deir ez-Zor/);
  await page.fill('#sub-query', 'drone AND (');
  await page.waitForSelector('#query-error:not([hidden])');
  assert.equal(await page.getAttribute('#query-error', 'data-position'), '11');
  await page.fill('#sub-query', 'drone OR frappe');
  await page.waitForSelector('#sub-query.valid');
  await page.fill('#webhook-url', `${receiver.origin}/hook`);

  await page.click('#try-it');
  await page.waitForSelector('#try-list mark');
  const marks = await page.$$eval('#try-list mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.includes('Boukamal'), JSON.stringify(marks));
  assert.match(await page.textContent('#try-summary') ?? '', /^1 alert in the last 7 days \(2 articles scanned\)/);
  assert.equal(await page.locator('#try-list > li').count(), 1);
  assert.match(await page.textContent('#try-list') ?? '', /same story, not sent again/);

  await page.click('#save');
  await page.waitForSelector('#secret-box:not([hidden])');
  const secret = (await page.textContent('#secret'))?.trim() ?? '';
  assert.match(secret, /^whsec_/);
  await page.waitForSelector('#subs li strong');
  assert.equal(await page.getAttribute('#subs li strong', 'dir'), 'auto', 'user text is marked dir=auto');

  // The source publishes a new article: the workers poll, match, route and deliver it.
  items.push({ guid: 'a2', title: 'Combats à Abou Kamal', text: 'Des combats ont éclaté mardi à Abou Kamal après une frappe de drone.', at: new Date() });
  const hook = await until('the webhook', async () => hooks.find((x) => x.body.includes('alert.created')));
  const payload = new Webhook(secret).verify(hook.body, hook.headers) as { type: string };
  assert.equal(payload.type, 'alert.created');
  await page.waitForSelector('#alerts .status.submitted', { timeout: 30_000 });
  assert.match(await page.textContent('#alerts') ?? '', /Abou Kamal/);
  assert.deepEqual(errors, []);

  const outDir = path.join(repoRoot, 'test-output');
  fs.mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: path.join(outDir, 'web-page.png'), fullPage: true });
  await page.close();
});

test('an admin sees the sources with their health, and the queue page', async () => {
  const { key } = await createApiKeyStore(services.redis, services.keys).create({ name: 'Ops', role: 'admin', now: new Date() });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(origin + '/');
  await page.fill('#key', key);
  await page.click('#signin button');
  await page.waitForSelector('#admin:not([hidden]) #sources .status.ok');
  assert.match(await page.textContent('#sources') ?? '', /OSDH \(local\)/);
  // Health as admins are told of it, with since-when, and the interval with why.
  await page.waitForSelector('#sources [data-health="healthy"]');
  assert.match(await page.textContent('#sources [data-health]') ?? '', /healthy since \d{4}-\d\d-\d\d \d\d:\d\d/);
  assert.equal(await page.getAttribute('#sources [data-interval]', 'data-interval'), '1');
  assert.match(await page.textContent('#sources') ?? '', /every 1 s.*fixed: set in the source's config/);
  assert.match(await page.textContent('#sources') ?? '', /Levant\/Syria/, 'a source\'s tags are shown');
  // A spelling added on the page is matched at once (the API's /v1/match uses the same catalog).
  await page.fill('#alias-entity', 'sy-boukamal');
  await page.selectOption('#alias-lang', 'fr');
  await page.fill('#alias-text', 'Bou Kémal');
  await page.click('#alias-form button');
  await page.waitForSelector('#flash:not(.error)', { state: 'visible' });
  assert.match(await page.textContent('#flash') ?? '', /Bou Kémal/);
  const matched = matchDocument((await services.entities.current()).matcher, { text: 'Frappe près de Bou Kémal.', lang: 'fr' });
  assert.deepEqual(matched.entities.map((e) => e.id), ['sy-boukamal']);
  await page.goto(origin + '/admin/queues');
  await page.waitForSelector('#queues section h2');
  const names = await page.$$eval('#queues section h2', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(names, ['poll', 'article', 'deliver', 'digest', 'websub', 'update']);
  await page.screenshot({ path: path.join(repoRoot, 'test-output', 'admin-queues.png'), fullPage: true });
  await page.close();
});

test('the page works at 400 px wide: no horizontal scroll, the controls visible and usable', async () => {
  const { key } = await createApiKeyStore(services.redis, services.keys).create({ name: 'Phone', role: 'admin', now: new Date() });
  const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
  await page.goto(origin + '/');
  const noOverflow = async (when: string) => {
    const [scroll, client] = await page.evaluate('[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]') as [number, number];
    assert.ok(scroll <= client, `${when}: the page scrolls sideways (scrollWidth ${scroll} > clientWidth ${client})`);
  };
  await noOverflow('signed out');
  await page.fill('#key', key);
  await page.click('#signin button');
  await page.waitForSelector('#admin:not([hidden]) #sources .status');
  await page.waitForSelector('#alerts tr[data-alert]');
  await page.fill('#region-search', 'Deir ez-Zor');
  await page.waitForSelector('#region-results li');
  await page.fill('#sub-query', 'drone');
  await page.click('#try-it');
  await page.waitForSelector('#try-list li');
  await noOverflow('signed in, with results, alerts and sources shown');
  const width = 400;
  for (const sel of ['#region-search', '#actor-search', '#sub-query', '#webhook-url', '#try-it', '#save', '#signout', '#refresh', '#alias-text', '#alias-form button']) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, `${sel} is visible`);
    assert.ok(box.x >= 0 && box.x + box.width <= width, `${sel} lies within the 400 px (x ${box.x}, width ${box.width})`);
  }
  await page.check('#region-results input[data-entity="sy-deir-ez-zor"]');
  assert.match(await page.textContent('#chosen') ?? '', /Deir ez-Zor/);
  fs.mkdirSync(path.join(repoRoot, 'test-output'), { recursive: true });
  await page.screenshot({ path: path.join(repoRoot, 'test-output', 'web-page-400px.png'), fullPage: true });
  await page.close();
});
