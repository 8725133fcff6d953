// The web page's candidate-actor panel in headless Chromium: an admin sees the candidates noted from
// articles (name, count, evidence, the actors near them), accepts one under the suggested parent (it
// becomes an actor the matcher finds at once) and rejects the other (it leaves the list for good).
// Real Redis, the real API on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { loadEnv } from '../../src/config/env.js';
import { createServices, type Services } from '../../src/runtime/create-services.js';
import { buildApp } from '../../src/api/build-app.js';
import { createApiKeyStore } from '../../src/adapters/redis/api-key-store.js';
import { matchDocument } from '../../src/core/match/match-document.js';
import { noteCandidates } from '../../src/pipeline/note-candidates.js';
import { FIXTURE_ENTITIES } from '../api/fixture-entities.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let redis: TestRedis;
let services: Services;
let app: FastifyInstance;
let browser: Browser;
let origin: string;

/** An article as the article stage stores it, noted the way the stage notes it after matching. */
async function noteArticle(id: string, text: string): Promise<void> {
  const article = { id, url: `https://news.example/${id}`, sourceId: 'src-a', title: '', summary: '', text, lang: 'en', fetchedAt: new Date().toISOString() };
  const snap = await services.entities.current();
  await noteCandidates(services, article, (await services.analysis.analyse(article, snap, { events: false, candidates: true })).candidates);
}

before(async () => {
  redis = await startTestRedis();
  const env = loadEnv({ VIGIE_ALLOW_NETWORKS: '127.0.0.1/32', VIGIE_LOG_LEVEL: 'silent', VIGIE_SIGNING_KEY: 'browser-test-signing-key-0123456' });
  services = createServices({ env, redisUrl: redis.url, entities: FIXTURE_ENTITIES });
  app = await buildApp({ services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await services?.close();
  await redis?.close();
});

test('an admin accepts one candidate under the suggested parent and rejects another, on the page', async () => {
  await noteArticle('a1', 'A new militia called Liwa al-Nasr al-Mubin arrived in the east. It fights beside the Iran-backed militias.');
  await noteArticle('a2', 'An armed group known as Saraya Rijal al-Layl attacked a checkpoint.');
  const { key } = await createApiKeyStore(services.redis, services.keys).create({ name: 'Ops', role: 'admin', now: new Date() });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(origin + '/');
  await page.fill('#key', key);
  await page.click('#signin button');
  await page.waitForSelector('#admin:not([hidden]) #candidates li.candidate');
  const names = await page.$$eval('#candidates li.candidate strong', (xs) => xs.map((x) => x.textContent));
  assert.deepEqual([...names].sort(), ['Liwa al-Nasr al-Mubin', 'Saraya Rijal al-Layl']);
  const nasr = page.locator('#candidates li.candidate', { hasText: 'Liwa al-Nasr al-Mubin' });
  assert.equal(await nasr.locator('.candidate-parent').inputValue(), 'actor-iran-militias', 'the parent suggested from the actors near it');
  assert.match(await nasr.textContent() ?? '', /A new militia called Liwa al-Nasr al-Mubin arrived in the east/);
  await nasr.locator('button.accept').click();
  await page.waitForSelector('#flash:not(.error)', { state: 'visible' });
  assert.match(await page.textContent('#flash') ?? '', /is now the actor actor-liwa-al-nasr-al-mubin/);
  await page.locator('#candidates li.candidate', { hasText: 'Saraya Rijal al-Layl' }).locator('button.reject').click();
  await page.waitForSelector('#candidates li.muted'); // "no candidate": both decided
  await page.close();

  // The accepted actor is matched at once, under its parent; the rejected one is not noted again.
  const snap = await services.entities.current();
  const m = matchDocument(snap.matcher, { text: 'Fighters of Liwa al-Nasr al-Mubin were seen.', lang: 'en' });
  assert.deepEqual(m.entities.map((e) => [e.id, e.path]), [['actor-liwa-al-nasr-al-mubin', ['Liwa al-Nasr al-Mubin', 'Iran-backed militias']]]);
  await noteArticle('a3', 'The group known as Saraya Rijal al-Layl attacked again.');
  const rejected = (await services.candidates.list({ status: 'rejected' }))[0];
  assert.equal(rejected?.name, 'Saraya Rijal al-Layl');
  assert.equal(rejected?.count, 1);
});
