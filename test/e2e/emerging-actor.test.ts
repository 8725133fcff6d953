// End to end, issue 11 item 5 (emerging actors): loopback news sites publish articles naming a militia
// no catalog has; real workers note it as a candidate; an admin lists it through the API and accepts it
// under its suggested parent; the NEXT article naming it reaches a subscriber of the new actor through a
// verified webhook, with no restart. A rejected candidate is never proposed again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { waitFor } from '../harness/vigie-process.js';
import { buildApp } from '../../src/api/build-app.js';
import { createApiKeyStore } from '../../src/adapters/redis/api-key-store.js';
import type { CandidateRecord } from '../../src/adapters/redis/candidate-store.js';

let p: Pipeline;
let rx: WebhookReceiver;
let app: FastifyInstance;
let adminKey: string;
let subscriberKey: string;
const sites: NewsSite[] = [];
const now = () => new Date().toISOString();
const at = (path: string) => rx.received.filter((r) => r.path === path);

async function site(id: string, lang: 'en' | 'fr'): Promise<NewsSite> {
  const s = await startNewsSite({ title: id });
  sites.push(s);
  await p.addSource({ id, name: id, url: s.feedUrl, interval: 1, lang });
  await waitFor(`first poll of ${id}`, async () => (await p.services.sources.getState(id)).lastSuccessAt, 30_000);
  return s;
}

async function hook(path: string, input: Record<string, unknown>) {
  const sub = await p.subscribe({ name: path, channels: [{ type: 'webhook', url: rx.url(path), format: 'standard' }], ...input });
  rx.setSecrets(path, [sub.secret!]);
  return sub;
}

async function api(method: 'GET' | 'POST', url: string, body?: unknown, key = adminKey) {
  const res = await app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(body !== undefined ? { payload: body as object } : {}) });
  return { status: res.statusCode, body: res.json() };
}

async function listed(name: RegExp, status = 'proposed'): Promise<CandidateRecord | undefined> {
  const res = await api('GET', `/v1/entity-candidates?status=${status}`);
  return (res.body.candidates as CandidateRecord[]).find((c) => name.test(c.name));
}

let fr: NewsSite;
let en: NewsSite;

before(async () => {
  p = await startPipeline();
  rx = await startWebhookReceiver();
  app = await buildApp({ services: p.services });
  await app.ready();
  const keys = createApiKeyStore(p.services.redis, p.services.keys);
  adminKey = (await keys.create({ name: 'ops', role: 'admin', now: new Date() })).key;
  subscriberKey = (await keys.create({ name: 'alice', role: 'subscriber', now: new Date() })).key;
  await hook('/deir', { regions: ['Deir ez-Zor'] });
  fr = await site('wire-fr', 'fr');
  en = await site('wire-en', 'en');
});

after(async () => {
  await app.close();
  await p.close();
  await rx.close();
  for (const s of sites) await s.close();
});

test('a new militia named in two articles is listed once with its count, sources, languages, evidence and the actors near it', async () => {
  fr.publish({ slug: 'ashbal-1', lang: 'fr', published: now(), title: 'Une nouvelle milice à Boukamal', summary: 'Selon l\'OSDH',
    paragraphs: ['Une nouvelle milice pro-iranienne est arrivée dans la ville de Boukamal, selon l\'OSDH.',
      'La milice, baptisée « Liwa Ashbal al-Furat », a été formée il y a quelques mois dans la province d\'Alep.']});
  en.publish({ slug: 'ashbal-2', lang: 'en', published: now(), title: 'New group deploys near Abu Kamal', summary: 'Observatory report',
    paragraphs: ['Fighters of Liwa Ashbal al-Furat deployed near Abu Kamal on Monday.', 'The group fights beside the Iran-backed militias in the desert.'] });
  const c = await waitFor('candidate seen in both articles', async () => {
    const x = await listed(/Ashbal/);
    return x && x.count === 2 ? x : undefined;
  });
  assert.deepEqual([...c.sources].sort(), ['wire-en', 'wire-fr']);
  assert.deepEqual(Object.keys(c.languages).sort(), ['en', 'fr']);
  assert.equal(c.evidence.length, 2);
  assert.ok(c.evidence.some((e) => /baptisée « Liwa Ashbal al-Furat »/.test(e.text)), JSON.stringify(c.evidence));
  assert.equal(c.nearActors[0]?.id, 'actor-iran-backed-militias', JSON.stringify(c.nearActors));
  assert.ok(c.firstSeen <= c.lastSeen);

  // An article counted again (a retried job) does not count twice.
  const again = await p.services.candidates.note({ key: c.key, name: c.name, kindHint: 'formation', lang: 'en', evidence: 'x', nearActors: [],
    articleId: c.evidence[0]!.articleId, sourceId: c.evidence[0]!.sourceId, at: new Date() });
  assert.equal(again, false);
  assert.equal((await p.services.candidates.get(c.key))?.count, 2);

  // Only admins see and decide candidates.
  assert.equal((await api('GET', '/v1/entity-candidates', undefined, subscriberKey)).status, 403);
});

test('accept with the suggested parent: the next article naming the new actor reaches its subscriber, without restart', async () => {
  const c = (await listed(/Ashbal/))!;
  const res = await api('POST', `/v1/entity-candidates/${encodeURIComponent(c.key)}/accept`, {});
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const entity = res.body.entity as { id: string; parents: string[]; aliases: Record<string, string[]> };
  assert.deepEqual(entity.parents, ['actor-iran-backed-militias']);
  assert.ok(entity.aliases.fr?.includes('Liwa Ashbal al-Furat') && entity.aliases.en?.includes('Liwa Ashbal al-Furat'));
  assert.equal(await listed(/Ashbal/), undefined, 'an accepted candidate is no longer proposed');
  assert.equal((await listed(/Ashbal/, 'accepted'))?.entityId, entity.id);

  await hook('/new-actor', { actors: [entity.id] });
  en.publish({ slug: 'ashbal-3', lang: 'en', published: now(), title: 'Liwa Ashbal al-Furat opens a recruitment office',
    summary: 'Recruitment drive', paragraphs: ['Liwa Ashbal al-Furat opened a recruitment office in a village, residents said.'] });
  const [alert] = await waitFor('webhook at /new-actor', () => (at('/new-actor').length > 0 ? at('/new-actor') : undefined));
  assert.equal(alert!.verified.length, 1, 'signature verified');
  assert.equal(alert!.body.data.article.url, en.articleUrl('ashbal-3'));
  const matches = alert!.body.data.matches as Array<{ entityId: string; surface: string }>;
  assert.ok(matches.some((m) => m.entityId === entity.id && /Ashbal/.test(m.surface)), JSON.stringify(matches));
});

test('reject: the candidate is not proposed again when a later article names it', async () => {
  fr.publish({ slug: 'ghadab-1', lang: 'fr', published: now(), title: 'Combats près de Boukamal', summary: 'OSDH',
    paragraphs: ['Un groupe armé appelé Saraya al-Ghadab al-Sharqi a attaqué un poste près de Boukamal.'] });
  const c = await waitFor('second candidate', () => listed(/Ghadab/));
  const res = await api('POST', `/v1/entity-candidates/${encodeURIComponent(c.key)}/reject`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.candidate.status, 'rejected');

  const before = at('/deir').length;
  fr.publish({ slug: 'ghadab-2', lang: 'fr', published: now(), title: 'Nouvelle attaque à Boukamal', summary: 'OSDH',
    paragraphs: ['Le groupe appelé Saraya al-Ghadab al-Sharqi a de nouveau attaqué près de Boukamal.'] });
  // The Deir ez-Zor subscriber's alert for this article means the article went through the candidate step.
  await waitFor('the later article routed', () => at('/deir').some((r, i) => i >= before && r.body.data.article.url === fr.articleUrl('ghadab-2')));
  assert.equal(await listed(/Ghadab/), undefined);
  const stored = await p.services.candidates.get(c.key);
  assert.equal(stored?.status, 'rejected');
  assert.equal(stored?.count, 1, 'a rejected candidate is not counted again');
  assert.equal((await api('POST', '/v1/entity-candidates/no-such-key/reject')).status, 404);
});
