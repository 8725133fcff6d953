// End to end, issue 4 routing: loopback news sites publish articles; real BullMQ workers poll, fetch,
// extract, match and route them; a loopback receiver verifies every webhook with `standardwebhooks`.
// Region-only, hierarchy (governorate subscription, article names only a town), region + actor,
// keyword query, language filter, and one story from three sources giving one alert.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { waitFor } from '../harness/vigie-process.js';
import { queuesDrained } from '../harness/queues-drained.js';

let p: Pipeline;
let rx: WebhookReceiver;
const sites: NewsSite[] = [];

async function site(id: string, lang: 'en' | 'fr' | 'ar'): Promise<NewsSite> {
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

const now = () => new Date().toISOString();
const at = (path: string) => rx.received.filter((r) => r.path === path);

let en: NewsSite; let fr: NewsSite; let ar: NewsSite;

before(async () => {
  p = await startPipeline();
  rx = await startWebhookReceiver();
  await hook('/deir', { regions: ['Deir ez-Zor'] });
  await hook('/syria-hezbollah', { regions: ['Syria'], actors: ['Hezbollah'] });
  await hook('/keywords', { query: '"weapons shipment" AND (drone OR drones)' });
  await hook('/french-only', { regions: ['Deir ez-Zor'], languages: ['fr'] });
  await hook('/aleppo', { regions: ['Alep'] });
  en = await site('wire-en', 'en');
  fr = await site('wire-fr', 'fr');
  ar = await site('wire-ar', 'ar');
});

after(async () => {
  await p.close();
  await rx.close();
  for (const s of sites) await s.close();
});

test('a governorate subscriber gets the town article once, verified, with the sentence and the region path', async () => {
  en.publish({ slug: 'boukamal', lang: 'en', published: now(), title: 'Drone strike hits weapons shipment near Abu Kamal',
    summary: 'Strike on the Iraqi border', paragraphs: [
      'A drone struck a weapons shipment near Albukamal on Tuesday night, the Syrian Observatory for Human Rights said.',
      'The convoy had crossed from Iraq a few hours earlier, according to local sources.'] });
  const [alert] = await waitFor('webhook at /deir', () => (at('/deir').length > 0 ? at('/deir') : undefined));
  assert.equal(alert!.body.type, 'alert.created');
  const matches = alert!.body.data.matches as Array<{ surface: string; snippet: string; path?: string[]; field: string }>;
  const town = matches.find((m) => /Abu Kamal|Albukamal/.test(m.surface));
  assert.ok(town, `a match on the town: ${JSON.stringify(matches)}`);
  assert.ok(town!.path && town!.path.some((x) => /Deir/.test(x)) && town!.path.at(-1) === 'Syria', `region path up to Syria: ${town!.path}`);
  assert.match(town!.snippet, /«(Abu Kamal|Albukamal)»/);
  assert.equal(alert!.body.data.article.url, en.articleUrl('boukamal'));
  assert.ok(alert!.verified.length === 1, 'signature verified by standardwebhooks');
  // The keyword subscription fires on the same article; the Aleppo one does not.
  await waitFor('keyword webhook', () => at('/keywords').length === 1);
  // The other deliveries of this article may still be on their way: absence is checked once none is.
  await waitFor('articles routed and deliveries done', () => queuesDrained(p.services));
  assert.equal(at('/aleppo').length, 0);
  assert.equal(at('/french-only').length, 0, 'an English article does not reach a French-only subscription');
});

test('region + actor: Hezbollah in Lebanon does not fire a Syria+Hezbollah rule; Hezbollah in Qusayr does', async () => {
  en.publish({ slug: 'hezbollah-lebanon', lang: 'en', published: now(), title: 'Hezbollah holds rally in Beirut southern suburbs',
    summary: 'Speeches in Dahieh', paragraphs: ['Thousands of Hezbollah supporters gathered in Beirut on Friday for a rally about the elections.'] });
  en.publish({ slug: 'hezbollah-qusayr', lang: 'en', published: now(), title: 'Hezbollah fighters seen near Qusayr',
    summary: 'Movement reported in Homs countryside', paragraphs: ['Hezbollah fighters were seen moving near al-Qusayr in the Homs countryside, residents said.'] });
  await waitFor('syria+hezbollah webhook', () => at('/syria-hezbollah').length >= 1);
  // Both articles are processed (the Beirut one first in the feed); wait until both are stored.
  await waitFor('both stored', async () => (await p.services.articles.count()) >= 3);
  await waitFor('articles routed and deliveries done', () => queuesDrained(p.services));
  const got = at('/syria-hezbollah').map((r) => r.body.data.article.url);
  assert.deepEqual(got, [en.articleUrl('hezbollah-qusayr')]);
});

test('language filter and one story from three sources in three languages = one alert, copies attached', async () => {
  const before = at('/french-only').length;
  const deirBefore = at('/deir').length;
  fr.publish({ slug: 'mayadine-fr', lang: 'fr', published: now(), title: "Frappe de drone près d'Al-Mayadine : 7 combattants tués",
    summary: 'Selon l’OSDH', paragraphs: ["Une frappe de drone a tué 7 combattants pro-iraniens près d'Al-Mayadine, dans la province de Deir Ezzor, selon l'Observatoire syrien des droits de l'homme (OSDH).",
      'Les combattants appartenaient aux Brigades du Hezbollah irakien, selon la même source.'] });
  const first = await waitFor('french webhook', () => (at('/french-only').length > before ? at('/french-only').at(-1) : undefined));
  assert.match(first!.body.data.article.title, /Al-Mayadine/);
  en.publish({ slug: 'mayadin-en', lang: 'en', published: now(), title: 'Drone strike kills 7 fighters near Mayadin',
    summary: 'SOHR report', paragraphs: ['A drone strike killed 7 Iran-backed fighters near al-Mayadin in Deir ez-Zor province, the Syrian Observatory for Human Rights said.',
      'The fighters belonged to Kataib Hezbollah, according to the Observatory.'] });
  ar.publish({ slug: 'mayadin-ar', lang: 'ar', published: now(), title: 'مقتل 7 مقاتلين بغارة مسيرة قرب الميادين',
    summary: 'المرصد السوري', paragraphs: ['قتل 7 مقاتلين من الميليشيات الموالية لإيران بغارة من طائرة مسيرة قرب مدينة الميادين في ريف دير الزور الشرقي، بحسب المرصد السوري لحقوق الإنسان.',
      'وينتمي القتلى إلى كتائب حزب الله العراقي.'] });
  const alertOf = async () => {
    const r = at('/deir').slice(deirBefore)[0];
    return r ? p.services.alerts.getAlert(r.body.data.alert.id as string) : undefined;
  };
  await waitFor('both copies attached to the story alert', async () => ((await alertOf())?.relatedArticleIds.length ?? 0) >= 2, 30_000);
  await waitFor('articles routed and deliveries done', () => queuesDrained(p.services));
  const deirNew = at('/deir').slice(deirBefore);
  assert.equal(deirNew.length, 1, `one alert for the story, got ${deirNew.map((r) => r.body.data.article.url).join(', ')}`);
  const alertId = deirNew[0]!.body.data.alert.id as string;
  const stored = await p.services.alerts.getAlert(alertId);
  assert.equal(stored!.relatedArticleIds.length, 2, 'the English and Arabic copies are attached to the alert, not re-sent');
  assert.equal(at('/french-only').length, before + 1, 'the French-only subscriber got the French copy once');
});
