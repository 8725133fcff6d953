// The alert map and timeline in headless Chromium. Real Redis, the shipped gazetteer, subscriptions
// made through the API, and articles of the last week run through the real article stage
// (processArticle: match -> story -> route -> alert) with the services' clock set to each article's
// day. The page draws the Natural Earth outlines and a point per place (Abu Kamal and Al-Qaim, 8 km
// apart across the border, are one point); clicking it lists its alerts. The timeline shows a row per
// region of the chosen subscription. Saves test-output/map.png and test-output/timeline.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { shippedCatalog } from '../harness/shipped-catalog.js';
import { repoRoot } from '../harness/paths.js';
import { waitFor } from '../harness/vigie-process.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { buildApp } from '../../src/api/build-app.js';
import { createApiKeyStore } from '../../src/adapters/redis/api-key-store.js';
import { processArticle } from '../../src/pipeline/process-article.js';
import { articleId } from '../../src/core/ids/article-id.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DAY_MS = 86_400_000;
const SOURCE = { id: 'wire-local', name: 'Wire (local)', url: 'http://127.0.0.1:9/rss.xml', kind: 'feed' as const, intervalSeconds: 900, fetchArticles: false, enabled: false };

/** The week's news: days ago, language, title, text. Each names one place (two in the same story are avoided). */
const NEWS: Array<{ days: number; lang: 'en' | 'fr' | 'ar'; title: string; text: string }> = [
  { days: 6, lang: 'en', title: 'Drone strike near Abu Kamal kills three', text: 'A drone strike hit a vehicle near Abu Kamal on Monday, killing three fighters, a monitor said.' },
  { days: 5, lang: 'en', title: 'Clashes in Hajin', text: 'Fighting broke out overnight in Hajin between tribal fighters and a local militia.' },
  { days: 5, lang: 'fr', title: 'Bombardements sur Alep', text: "Des tirs d'artillerie ont frappé plusieurs quartiers d'Alep dimanche, selon des habitants." },
  { days: 4, lang: 'en', title: 'Car bomb in Manbij', text: 'A car bomb exploded at a market in Manbij, wounding eleven people.' },
  { days: 3, lang: 'en', title: 'Protest in Beirut over power cuts', text: 'Hundreds gathered in central Beirut to protest against long power cuts.' },
  { days: 3, lang: 'ar', title: 'قصف على مدينة دير الزور', text: 'تعرضت أحياء في مدينة دير الزور لقصف مدفعي صباح اليوم.' },
  { days: 2, lang: 'en', title: 'Strike on a building in Tyre', text: 'An air strike destroyed a building on the edge of Tyre in southern Lebanon.' },
  { days: 2, lang: 'en', title: 'Rockets fired near Al-Qaim', text: 'Two rockets landed near a base outside Al-Qaim, on the Iraqi side of the border crossing, officials said.' },
  { days: 1, lang: 'en', title: 'Bombing in Qamishli', text: 'A bomb went off near a checkpoint in Qamishli, killing a guard.' },
  { days: 0, lang: 'en', title: 'Airstrikes on a depot outside Abu Kamal', text: 'Airstrikes hit a weapons depot on the outskirts of Abu Kamal before dawn, residents reported.' },
  { days: 0, lang: 'fr', title: 'Tirs à Deraa', text: 'Des tirs ont visé un poste de contrôle à Deraa mardi soir.' },
];

let redis: TestRedis;
let services: Services;
let app: FastifyInstance;
let browser: Browser;
let origin: string;
let key: string;
let clockAt = new Date();
const subs: Record<string, string> = {};

before(async () => {
  redis = await startTestRedis();
  const env = loadEnv({ VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_LOG_LEVEL: 'silent', VIGIE_SIGNING_KEY: 'map-test-signing-key-0123456789ab' });
  services = createServices({ env, redisUrl: redis.url, ...(await shippedCatalog()), clock: () => clockAt });
  app = await buildApp({ services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  key = (await createApiKeyStore(services.redis, services.keys).create({ name: 'Alice', role: 'subscriber', now: new Date() })).key;
  for (const [name, regions] of [['Deir ez-Zor and Aleppo', ['sy-deir-ez-zor', 'sy-aleppo']], ['Syria, Lebanon, Iraq', ['sy', 'lb', 'iq']]] as const) {
    const res = await fetch(`${origin}/v1/subscriptions`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, regions, channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook' }] }),
    });
    const body = await res.text();
    assert.equal(res.status, 201, body);
    subs[name] = (JSON.parse(body) as { subscription: { id: string } }).subscription.id;
  }
  await services.sources.put(SOURCE);
  // Each article lands on its UTC day, never later than now (the map's window ends now).
  const now = Date.now();
  const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
  const span = Math.min(now - dayStart, DAY_MS / 2);
  for (const [i, n] of NEWS.map((x, k) => [k, x] as const).sort((a, b) => b[1].days - a[1].days)) {
    clockAt = new Date(dayStart - n.days * DAY_MS + Math.floor((span * (i + 1)) / (NEWS.length + 1)));
    const url = `https://wire.example/${i}`;
    const item = { key: url, url, title: n.title, summary: n.text, published: clockAt.toISOString() };
    await processArticle(services, { sourceId: SOURCE.id, item, articleId: articleId(url) }, { lastAttempt: true });
  }
  clockAt = new Date();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await services?.close();
  await redis?.close();
});

async function signIn(page: Page, errors: string[]): Promise<void> {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(origin + '/');
  await page.fill('#key', key);
  await page.click('#signin button');
  await page.waitForSelector('#map .point');
}

interface MapBody { groups: Array<{ id: string; count: number; places: Array<{ id: string; name: string }>; alertIds: string[] }>; alerts: Array<{ id: string; title: string }> }

test('the map draws the outlines and a point per place; clicking the Abu Kamal point lists its alerts, Al-Qaim across the border with them', async () => {
  const data = await (await fetch(`${origin}/v1/alerts/map?days=30`, { headers: { authorization: `Bearer ${key}` } })).json() as MapBody;
  const border = data.groups.find((g) => g.places.some((p) => p.name === 'Abu Kamal'));
  assert.ok(border, JSON.stringify(data.groups.map((g) => g.places)));
  assert.deepEqual(border.places.map((p) => p.name).sort(), ['Abu Kamal', 'Al-Qaim'], 'Abu Kamal and Al-Qaim, 8 km apart, are one point');
  const titles = border.alertIds.map((id) => data.alerts.find((a) => a.id === id)!.title);
  assert.deepEqual([...titles].sort(), ['Airstrikes on a depot outside Abu Kamal', 'Drone strike near Abu Kamal kills three', 'Rockets fired near Al-Qaim']);

  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  await signIn(page, errors);
  // Outlines: the six framed countries and the governorate lines.
  const countries = await page.$$eval('#map path.land.focus', (ps) => ps.map((p) => p.getAttribute('data-country')).sort());
  assert.deepEqual(countries, ['IL', 'IQ', 'JO', 'LB', 'PS', 'SY']);
  assert.ok(((await page.getAttribute('#map path.governorate-lines', 'd')) ?? '').length > 1000, 'governorate outlines are drawn');
  assert.equal(await page.locator('#map .point').count(), data.groups.length);
  assert.equal(await page.getAttribute(`#map .point[data-group="${border.id}"]`, 'data-count'), '3');
  // Every point lies inside the drawn frame.
  const outside = await page.evaluate(`(() => { const m = document.getElementById('map').getBoundingClientRect();
    return [...document.querySelectorAll('#map .point circle')].map((c) => c.getBoundingClientRect())
      .filter((r) => r.left < m.left || r.right > m.right || r.top < m.top || r.bottom > m.bottom).length; })()`);
  assert.equal(outside, 0, 'points fall outside the map');

  await page.click(`#map .point[data-group="${border.id}"]`);
  await page.waitForSelector('#map-list .map-alerts li');
  const listed = await page.$$eval('#map-list .map-alerts li .title', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual([...listed].sort(), [...titles].sort());
  assert.match(await page.textContent('#map-list h3') ?? '', /Abu Kamal \(2\), Al-Qaim \(1\)/);
  // A story sent for both subscriptions is listed once, with both names.
  const forWhom = await page.$$eval('#map-list .map-alerts li', (ls) => ls.map((l) => [l.querySelector('.title')!.textContent, [...l.querySelectorAll('.sub-name')].map((n) => n.textContent).sort()]));
  assert.deepEqual(forWhom.find(([t]) => t === 'Drone strike near Abu Kamal kills three')?.[1], ['Deir ez-Zor and Aleppo', 'Syria, Lebanon, Iraq']);
  assert.deepEqual(forWhom.find(([t]) => t === 'Rockets fired near Al-Qaim')?.[1], ['Syria, Lebanon, Iraq']);
  assert.ok(await page.locator(`#map .point.selected[data-group="${border.id}"]`).count() === 1, 'the clicked point is marked');
  assert.match(await page.textContent('#map-summary') ?? '', /^11 alerts on the map\./);
  assert.deepEqual(errors, []);

  fs.mkdirSync(path.join(repoRoot, 'test-output'), { recursive: true });
  await page.locator('#map-card').screenshot({ path: path.join(repoRoot, 'test-output', 'map.png') });
  await page.close();
});

test("the timeline shows a bar per day: all alerts, then each of the subscription's regions", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  await signIn(page, errors);
  await page.selectOption('#map-days', '7');
  await waitFor('seven days of bars', async () => (await page.locator('#timeline .total .tl-bar').count()) === 7);
  await page.selectOption('#map-sub', subs['Deir ez-Zor and Aleppo']!);
  // "All subscriptions" also has an Aleppo row: wait until the rows are this subscription's alone.
  const rowsNow = () => page.$$eval('#timeline .tl-row', (rs) => rs.map((r) => [r.getAttribute('data-series'), r.querySelector('.tl-label')!.textContent]));
  await waitFor("the subscription's rows", async () => (await rowsNow()).length === 3);
  const rows = await rowsNow();
  assert.deepEqual(rows, [['total', 'all alerts'], ['sy-deir-ez-zor', 'Deir ez-Zor Governorate'], ['sy-aleppo', 'Aleppo Governorate']]);
  const sum = async (series: string) => (await page.$$eval(`#timeline [data-series="${series}"] .tl-bar`, (bs) => bs.map((b) => Number(b.getAttribute('data-count')))))
    .reduce((a, b) => a + b, 0);
  // Deir ez-Zor: Abu Kamal twice, Hajin, the city of Deir ez-Zor; Aleppo: the city and Manbij.
  assert.equal(await sum('sy-deir-ez-zor'), 4);
  assert.equal(await sum('sy-aleppo'), 2);
  assert.equal(await sum('total'), 6, "only this subscription's alerts");
  // The newest bar is today, and today's Abu Kamal strike counts for Deir ez-Zor.
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(await page.getAttribute(`#timeline [data-series="sy-deir-ez-zor"] .tl-bar[data-day="${today}"]`, 'data-count'), '1');
  assert.deepEqual(errors, []);
  await page.locator('#timeline').screenshot({ path: path.join(repoRoot, 'test-output', 'timeline.png') });
  await page.close();
});

test('at 400 px wide the map and timeline stack, fit the screen, and a point still opens its list', async () => {
  const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
  const errors: string[] = [];
  await signIn(page, errors);
  await page.waitForSelector('#timeline .tl-row');
  const [scroll, client] = await page.evaluate('[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]') as [number, number];
  assert.ok(scroll <= client, `the page scrolls sideways (scrollWidth ${scroll} > clientWidth ${client})`);
  for (const sel of ['#map', '#timeline', '#map-sub', '#map-days']) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.width > 0 && box.x >= 0 && box.x + box.width <= 400, `${sel} lies within the 400 px`);
  }
  await page.locator('#map .point').first().click();
  await page.waitForSelector('#map-list .map-alerts li');
  assert.deepEqual(errors, []);
  await page.close();
});
