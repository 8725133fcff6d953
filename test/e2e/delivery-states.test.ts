// End to end, issue 13: a webhook channel disabled by a 410 holds the alerts routed meanwhile (held
// deliveries, in Redis, across a worker restart) and its owner is told; re-enabling delivers or
// discards them as the owner chooses. `vigie deliveries` lists what waits, with its next attempt time.
// The retry schedule is long (10 min): a failed delivery stays "failed" while the test looks at it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.js';
import { waitFor } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { createWorkers, type WorkerSet } from '../../workers/create-workers.js';
import type { Delivery } from '../../src/core/model/alert.js';

let p: Pipeline;
let rx: WebhookReceiver;
let smtp: SmtpSink;
let site: NewsSite;
let restarted: WorkerSet | undefined;
let cliEnv: Record<string, string>;

before(async () => {
  smtp = await startSmtpSink();
  p = await startPipeline({ VIGIE_WEBHOOK_SCHEDULE_MS: '600000', SMTP_URL: smtp.url, SMTP_FROM: 'vigie <alerts@vigie.test>', VIGIE_PUBLIC_URL: 'http://127.0.0.1:8080' });
  rx = await startWebhookReceiver();
  site = await startNewsSite();
  cliEnv = { REDIS_URL: p.redis.url, VIGIE_ALLOW_NETWORKS: '127.0.0.1/32' };
  await p.addSource({ id: 'wire', url: site.feedUrl, interval: 1, lang: 'en' });
  await waitFor('first poll', async () => (await p.services.sources.getState('wire')).lastSuccessAt, 30_000);
});

after(async () => {
  await restarted?.close();
  await p.close();
  await rx.close();
  await smtp.close();
  await site.close();
});

// Each report tells a different event (place and title), so each makes its own story and alert.
const EVENTS = [
  { title: 'Clashes near Hajin', text: 'Clashes were reported near Hajin in Deir ez-Zor province' },
  { title: 'Shelling hits Idlib villages', text: 'Artillery shelling hit villages south of Idlib' },
  { title: 'Drone strike on a car in Aleppo', text: 'A drone struck a car on the road north of Aleppo' },
];
let published = 0;
function publish(marker: string) {
  const e = EVENTS[published++ % EVENTS.length]!;
  site.publish({ slug: marker.replace(/ /g, '-'), lang: 'en', published: new Date().toISOString(), title: `${e.title} (${marker})`,
    summary: `Summary ${marker}`, paragraphs: [`${e.text} (${marker}).`, 'Local sources gave no toll.'] });
}

const received = (path: string) => rx.received.filter((r) => r.path === path);

async function deliveriesOn(subId: string, channelId: string): Promise<Delivery[]> {
  const ids = await p.services.alerts.listDeliveryIds(subId);
  const all = await Promise.all(ids.map((id) => p.services.alerts.getDelivery(id)));
  return all.filter((d): d is Delivery => d !== undefined && d.channelId === channelId);
}

async function waitHeld(subId: string, channelId: string, n: number): Promise<Delivery[]> {
  return waitFor(`${n} held deliveries`, async () => {
    const held = (await deliveriesOn(subId, channelId)).filter((d) => d.status === 'held');
    return held.length === n ? held : undefined;
  }, 30_000);
}

test('a 410 holds the alert, alerts routed meanwhile are held too (across a worker restart), the owner is emailed, and re-enabling with --held deliver sends them', async () => {
  const sub = await p.subscribe({ name: 'held', query: 'markerheld', channels: [
    { type: 'webhook', url: rx.url('/held'), format: 'standard' },
    { type: 'email', address: 'owner@ngo.test', mode: 'immediate' },
  ] });
  rx.setSecrets('/held', [sub.secret!]);
  const webhook = sub.channelIds[0]!;
  rx.script('/held', (_req, res) => { res.writeHead(410).end('gone'); });
  publish('markerheld one');
  await waitHeld(sub.id, webhook, 1);
  const notice = await waitFor('the owner\'s notice', () => smtp.mails.find((m) => m.rcptTo.includes('owner@ngo.test') && /disabled/i.test(m.parsed.subject ?? '')), 30_000);
  assert.match(notice.parsed.text ?? '', /410/);
  assert.match(notice.parsed.text ?? '', new RegExp(sub.id));

  publish('markerheld two');
  const held = await waitHeld(sub.id, webhook, 2);
  assert.equal(rx.requests('/held'), 1, 'nothing is sent to a disabled endpoint');

  // Held deliveries live in Redis: new workers find them as they were, and send nothing.
  await p.workers.close();
  restarted = createWorkers(p.services);
  const listed = await runCliCaptured(['deliveries', '--held', '--json'], cliEnv);
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual((JSON.parse(listed.stdout) as Delivery[]).map((d) => d.id).sort(), held.map((d) => d.id).sort());

  rx.script('/held', undefined);
  const refused = await runCliCaptured(['subscriptions', 'enable', sub.id], cliEnv);
  assert.notEqual(refused.code, 0, 'the owner must choose what happens to held deliveries');
  assert.match(refused.stderr, /2 held/);
  const enabled = await runCliCaptured(['subscriptions', 'enable', sub.id, '--held', 'deliver'], cliEnv);
  assert.equal(enabled.code, 0, enabled.stderr);
  await waitFor('held deliveries sent', () => received('/held').length === 2, 30_000);
  assert.deepEqual(received('/held').map((r) => r.id).sort(), held.map((d) => d.id).sort(), 'same webhook-ids');
  await waitFor('submitted', async () => (await deliveriesOn(sub.id, webhook)).every((d) => d.status === 'submitted'), 30_000);
});

test('without an email channel the disable is an admin-visible event; --held discard drops the held alerts and later ones are sent', async () => {
  const sub = await p.subscribe({ name: 'discard', query: 'markerdiscard', channels: [{ type: 'webhook', url: rx.url('/discard'), format: 'standard' }] });
  rx.setSecrets('/discard', [sub.secret!]);
  const webhook = sub.channelIds[0]!;
  rx.script('/discard', (_req, res) => { res.writeHead(410).end('gone'); });
  publish('markerdiscard one');
  const [held] = await waitHeld(sub.id, webhook, 1);
  const event = await waitFor('an admin event', async () => (await p.services.events.list()).find((e) => e.subscriptionId === sub.id), 30_000);
  assert.equal(event.event, 'webhook.endpoint.disabled');
  assert.equal(event.channelId, webhook);

  rx.script('/discard', undefined);
  const enabled = await runCliCaptured(['subscriptions', 'enable', sub.id, '--held', 'discard'], cliEnv);
  assert.equal(enabled.code, 0, enabled.stderr);
  assert.equal((await p.services.alerts.getDelivery(held!.id))?.status, 'discarded');
  publish('markerdiscard two');
  await waitFor('the next alert is sent', () => received('/discard').length === 1, 30_000);
  assert.notEqual(received('/discard')[0]!.id, held!.id);
});

test('`vigie deliveries` lists pending and retrying deliveries with their next attempt; a submitted one has no lastError', async () => {
  const sub = await p.subscribe({ name: 'waiting', query: 'markerwait', channels: [{ type: 'webhook', url: rx.url('/wait'), format: 'standard' }] });
  rx.setSecrets('/wait', [sub.secret!]);
  rx.script('/wait', (_req, res) => { res.writeHead(503).end('busy'); });
  publish('markerwait');
  const [failed] = await waitFor('a failed delivery', async () => {
    const ds = (await deliveriesOn(sub.id, sub.channelIds[0]!)).filter((d) => d.status === 'failed');
    return ds.length ? ds : undefined;
  }, 30_000);
  assert.ok(failed!.nextAttemptAt, 'a retrying delivery says when it is tried next');
  const gap = Date.parse(failed!.nextAttemptAt!) - Date.parse(failed!.lastAttemptAt!);
  assert.ok(gap > 400_000 && gap < 800_000, `next attempt ${gap} ms after the last (schedule 10 min ± 20 %)`);

  const text = await runCliCaptured(['deliveries'], cliEnv);
  assert.equal(text.code, 0, text.stderr);
  const line = text.stdout.split('\n').find((l) => l.includes(failed!.id));
  assert.ok(line, `listed: ${text.stdout}`);
  assert.match(line!, /failed/);
  assert.ok(line!.includes(failed!.nextAttemptAt!), 'with its next attempt time');
  const json = await runCliCaptured(['deliveries', '--json'], cliEnv);
  assert.ok((JSON.parse(json.stdout) as Delivery[]).some((d) => d.id === failed!.id && d.nextAttemptAt === failed!.nextAttemptAt));

  // The deliveries the first test sent after their hold: a lastError from their 410 is gone once submitted.
  const sent = received('/held').map((r) => r.id);
  for (const id of sent) {
    const d = await p.services.alerts.getDelivery(id);
    assert.equal(d?.status, 'submitted');
    assert.equal(d?.lastError, undefined, 'a successful delivery has no lastError');
    assert.equal(d?.nextAttemptAt, undefined);
  }
  assert.ok(sent.length > 0);
});
