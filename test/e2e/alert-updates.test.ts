// End to end, issue 11 item 4: a story's later articles update its alert. Two news sites on loopback,
// the workers, a real webhook receiver (signatures checked with `standardwebhooks`) and a real SMTP
// server (`smtp-server`, mails parsed with `mailparser`). The update interval is an hour (config): each
// test waits until the articles are routed, then promotes the one delayed update job, so nothing rests
// on timing; "nothing sent" is asserted once the queues have drained.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { waitFor } from '../harness/vigie-process.js';
import { articleId } from '../../src/core/ids/article-id.js';
import { canonicalUrl } from '../../src/core/feed/canonical-url.js';
import { alertId as alertIdOf } from '../../src/core/deliver/delivery-ids.js';
import { updateJobId } from '../../src/adapters/queue/queues.js';
import { sendUpdate } from '../../src/pipeline/send-update.js';
import { alertViews } from '../../src/api/routes/alerts.js';
import type { Queue } from 'bullmq';

const HOUR_S = 3600;
let p: Pipeline;
let smtp: SmtpSink;
let rx: WebhookReceiver;
let wire: NewsSite;
let relay: NewsSite;
let sub: { id: string; secret?: string };
/** A keyword subscription that the first report fires and the toll updates do not ("kills"). */
let kwSub: { id: string; secret?: string };
let alertId = '';
let createdWebhookId = '';
let createdMessageId = '';
let firstUpdateWebhookId = '';

before(async () => {
  smtp = await startSmtpSink();
  rx = await startWebhookReceiver();
  p = await startPipeline({ SMTP_URL: smtp.url, SMTP_FROM: 'vigie <alerts@vigie.test>', VIGIE_PUBLIC_URL: 'http://127.0.0.1:8080', VIGIE_UPDATE_MIN_INTERVAL: String(HOUR_S) });
  wire = await startNewsSite({ title: 'Wire' });
  relay = await startNewsSite({ title: 'Relay' });
  await p.addSource({ id: 'wire', url: wire.feedUrl, interval: 1, lang: 'en' });
  await p.addSource({ id: 'relay', url: relay.feedUrl, interval: 1, lang: 'en' });
  await waitFor('first polls', async () => (await p.services.sources.getState('wire')).lastSuccessAt && (await p.services.sources.getState('relay')).lastSuccessAt, 30_000);
  sub = await p.subscribe({ name: 'Deir ez-Zor watch', regions: ['Deir ez-Zor'], channels: [
    { type: 'webhook', url: rx.url('/hook'), format: 'standard' },
    { type: 'email', address: 'analyst@ngo.test', mode: 'immediate' },
  ] });
  rx.setSecrets('/hook', [sub.secret!]);
  kwSub = await p.subscribe({ name: 'kills', query: 'kills', channels: [{ type: 'webhook', url: rx.url('/kw'), format: 'standard' }] });
  rx.setSecrets('/kw', [kwSub.secret!]);
});

after(async () => {
  await p.close();
  await smtp.close();
  await rx.close();
  await wire.close();
  await relay.close();
});

function publish(site: NewsSite, slug: string, title: string, paragraph: string): string {
  site.publish({ slug, lang: 'en', published: new Date().toISOString(), title, summary: title, paragraphs: [paragraph, 'The monitor gave no further details.'] });
  return articleId(canonicalUrl(site.articleUrl(slug))!);
}

const hooks = (type: string, path = '/hook') => rx.received.filter((r) => r.path === path && r.body.type === type);
const mails = () => smtp.mails.filter((m) => m.rcptTo.includes('analyst@ngo.test'));
const routed = (...ids: string[]) => waitFor(`articles ${ids.join(', ')} routed`, async () => {
  for (const id of ids) if (!(await p.services.articles.isRouted(id))) return false;
  return true;
}, 30_000);

/** Jobs not yet finished on a queue (delayed ones counted apart). */
async function busy(q: Queue): Promise<{ running: number; delayed: number }> {
  const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return { running: (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0), delayed: c.delayed ?? 0 };
}

/** Articles, deliveries and due update rounds all done: what will be sent has been sent. */
async function drained(): Promise<void> {
  await waitFor('queues drained', async () => {
    for (const q of [p.services.queues.article, p.services.queues.deliver, p.services.queues.update]) if ((await busy(q)).running > 0) return false;
    return (await busy(p.services.queues.deliver)).delayed === 0;
  }, 30_000);
}

/** The alert as GET /v1/alerts shows it. */
async function alertView() {
  const [view] = await alertViews(p.services, [(await p.services.alerts.getAlert(alertId))!], new Map());
  return view!;
}

/** Update jobs waiting their interval, by alert. */
async function delayedRounds(id: string): Promise<number[]> {
  return (await p.services.queues.update.getDelayed()).filter((j) => j.data.alertId === id).map((j) => j.data.round);
}

async function promoteRound(round: number, id = alertId): Promise<void> {
  const job = await waitFor(`update round ${round} scheduled`, () => p.services.queues.update.getJob(updateJobId(id, round)), 30_000);
  assert.equal(await job.getState(), 'delayed', 'the round waits the update interval');
  await job.promote();
}

test('the first article alerts once, by webhook and by email', async () => {
  publish(wire, 'strike', 'Air strike kills six in Abu Kamal',
    'An air strike killed six fighters of the Iran-backed militias in Abu Kamal in Deir ez-Zor province on Monday, a monitor said.');
  const [created] = await waitFor('alert.created', () => (hooks('alert.created').length ? hooks('alert.created') : undefined), 30_000);
  const [mail] = await waitFor('alert email', () => (mails().length ? mails() : undefined), 30_000);
  alertId = created!.body.data.alert.id;
  createdWebhookId = created!.id;
  createdMessageId = mail!.parsed.messageId!;
  await waitFor('alert.created for the keyword subscription', () => hooks('alert.created', '/kw')[0], 30_000);
  assert.equal(alertId, alertIdOf(sub.id, created!.body.data.alert.storyId));
  assert.equal(created!.body.data.summary, 'Air strike · 6 killed · Abu Kamal (Deir ez-Zor)');
});

test('a copy from another source with the same toll is attached and sends nothing', async () => {
  const copy = publish(relay, 'six-killed', 'Six killed in air strike on Abu Kamal',
    'Six fighters of the Iran-backed militias were killed in an air strike in Abu Kamal in Deir ez-Zor province on Monday, the monitor reported.');
  await routed(copy);
  assert.ok((await p.services.alerts.getAlert(alertId))?.relatedArticleIds.includes(copy), 'the copy joined the story');
  await drained();
  const counts = await p.services.queues.update.getJobCounts();
  assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), 0, 'no update job was ever made');
  assert.equal((await p.services.updates.read(alertId)).observations.length, 0);
  assert.equal(hooks('alert.created').length + hooks('alert.updated').length, 1);
  assert.equal(mails().length, 1);
  assert.equal(hooks('alert.updated', '/kw').length, 0);
  assert.equal((await alertView()).updates, null);
});

test('a later article raising the toll sends one alert.updated (same alert, new webhook-id) and a reply in the email thread', async () => {
  const raise = publish(relay, 'toll-nine', 'Abu Kamal air strike toll rises to nine',
    'The toll of the air strike on the Iran-backed militias in Abu Kamal rose to nine killed, the monitor said.');
  await routed(raise);
  assert.ok((await p.services.alerts.getAlert(alertId))?.relatedArticleIds.includes(raise), 'the toll update joined the story');
  await drained();
  assert.equal(hooks('alert.updated').length, 0, 'nothing goes out before the interval');
  await promoteRound(1);
  const [updated] = await waitFor('alert.updated', () => (hooks('alert.updated').length ? hooks('alert.updated') : undefined), 30_000);
  const reply = await waitFor('update email', () => mails()[1], 30_000);
  firstUpdateWebhookId = updated!.id;
  const data = updated!.body.data;
  assert.equal(data.alert.id, alertId);
  assert.notEqual(updated!.id, createdWebhookId);
  assert.deepEqual(data.changes, [{ field: 'killed', from: 6, to: 9, sourceId: 'relay', articleId: raise }]);
  assert.deepEqual(data.event, { type: 'air_strike', killed: 9, injured: null });
  assert.equal(data.summary, 'Air strike · 9 killed · Abu Kamal (Deir ez-Zor)');
  assert.deepEqual(data.articles.map((a: { id: string; source: string }) => [a.id, a.source]), [[raise, 'relay']]);

  const parsed = reply.parsed;
  assert.equal(parsed.subject, 'Re: [Deir ez-Zor watch] Air strike kills six in Abu Kamal');
  assert.equal(parsed.inReplyTo, createdMessageId);
  assert.deepEqual([parsed.references].flat(), [createdMessageId]);
  assert.notEqual(parsed.messageId, createdMessageId);
  assert.match(parsed.text ?? '', /Killed: 6 → 9/);
  await drained();
  assert.equal(hooks('alert.updated').length, 1);
  assert.equal(mails().length, 2);
});

test('a subscription whose keyword the toll update lacks still gets the update of the alert it had', async () => {
  const kwAlert = alertIdOf(kwSub.id, hooks('alert.created', '/kw')[0]!.body.data.alert.storyId);
  await promoteRound(1, kwAlert);
  const updated = await waitFor('alert.updated on /kw', () => hooks('alert.updated', '/kw')[0], 30_000);
  assert.equal(updated.body.data.alert.id, kwAlert);
  assert.deepEqual(updated.body.data.changes.map((c: { field: string; from: number; to: number }) => [c.field, c.from, c.to]), [['killed', 6, 9]]);
  assert.ok(!(await p.services.alerts.getAlert(kwAlert))?.relatedArticleIds.length, 'its rule did not fire: nothing attached');
});

test('two raises inside the interval go out as one update carrying the latest figures', async () => {
  const eleven = publish(wire, 'toll-eleven', 'Abu Kamal air strike toll rises to 11',
    'The toll of the air strike on the Iran-backed militias in Abu Kamal rose to 11 killed and four wounded, the monitor said.');
  const fourteen = publish(wire, 'toll-fourteen', 'Abu Kamal air strike: death toll climbs to 14',
    'The death toll of the air strike on the Iran-backed militias in Abu Kamal climbed to 14 killed, the monitor said.');
  await routed(eleven, fourteen);
  await drained();
  assert.deepEqual(await delayedRounds(alertId), [2], 'one round for both raises');
  assert.equal(hooks('alert.updated').length, 1);
  await promoteRound(2);
  const second = await waitFor('second alert.updated', () => hooks('alert.updated')[1], 30_000);
  const reply = await waitFor('second update email', () => mails()[2], 30_000);
  assert.equal(second.body.data.alert.id, alertId);
  assert.notEqual(second.id, firstUpdateWebhookId);
  assert.deepEqual(second.body.data.changes, [
    { field: 'killed', from: 9, to: 14, sourceId: 'wire', articleId: fourteen },
    { field: 'injured', from: null, to: 4, sourceId: 'wire', articleId: eleven },
  ]);
  assert.equal(second.body.data.summary, 'Air strike · 14 killed · 4 injured · Abu Kamal (Deir ez-Zor)');
  assert.equal(reply.parsed.inReplyTo, createdMessageId);
  assert.match(reply.parsed.text ?? '', /Killed: 9 → 14[^\n]*\n- Injured: not given → 4/);
  await drained();
  assert.equal(hooks('alert.updated').length, 2);
  assert.equal(mails().length, 3);
  assert.deepEqual((await alertView()).updates, { count: 2, event: { type: 'air_strike', killed: 14, injured: 4 } });
});

test('a raise right after an update waits a whole interval, and its round run twice sends once', async () => {
  const sixteen = publish(relay, 'toll-sixteen', 'Abu Kamal air strike toll rises to 16',
    'The toll of the air strike on the Iran-backed militias in Abu Kamal rose to 16 killed, the monitor said.');
  await routed(sixteen);
  const job = await waitFor('update round 3 scheduled', () => p.services.queues.update.getJob(updateJobId(alertId, 3)), 30_000);
  assert.equal(await job.getState(), 'delayed');
  assert.equal(job.opts.delay, HOUR_S * 1000);
  // The round's job firing twice (a stalled worker's job run again): the second run finds the round ended.
  const [a, b] = [await sendUpdate(p.services, alertId, 3), await sendUpdate(p.services, alertId, 3)];
  assert.deepEqual(a, { status: 'sent', seq: 3, deliveries: 2 });
  assert.deepEqual(b, { status: 'stale' });
  await job.promote();
  await waitFor('the delayed job ran', async () => (await job.getState()) === 'completed', 30_000);
  assert.deepEqual((await p.services.queues.update.getJob(job.id!))?.returnvalue, { status: 'stale' });
  await drained();
  const updates = hooks('alert.updated');
  assert.equal(updates.length, 3);
  assert.deepEqual(updates[2]!.body.data.changes.map((c: { to: number }) => c.to), [16]);
  assert.equal(mails().length, 4);
});
