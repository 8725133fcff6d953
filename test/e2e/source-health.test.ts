// End to end, source-health alerts: a real feed server that stops answering and comes back, and one
// whose items stop being new; the admin channels (a real webhook receiver verifying Standard Webhooks
// signatures, and a real SMTP sink) get exactly one `source.unhealthy` and one `source.recovered` each,
// and a refused admin webhook is retried like an alert's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startHttpServer, type TestHttpServer } from '../harness/http-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../harness/webhook-receiver.js';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.js';
import { waitFor } from '../harness/vigie-process.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';
import { generateWebhookSecret } from '../../src/core/deliver/sign-webhook.js';

interface FeedItemSpec { key: string; minutesAgo: number }

let p: Pipeline;
let rx: WebhookReceiver;
let sink: SmtpSink;
let feeds: TestHttpServer;
const feedState = new Map<string, { down: boolean; items: FeedItemSpec[]; hits: number }>();

function rss(items: FeedItemSpec[]): string {
  const entries = items.map((i) => `<item><title>Item ${i.key}</title><link>http://127.0.0.1/${i.key}</link><guid>${i.key}</guid>`
    + `<pubDate>${new Date(Date.now() - i.minutesAgo * 60_000).toUTCString()}</pubDate></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://127.0.0.1/</link>${entries}</channel></rss>`;
}

before(async () => {
  rx = await startWebhookReceiver();
  sink = await startSmtpSink();
  const secret = generateWebhookSecret();
  rx.setSecrets('/admin', [secret]);
  feeds = await startHttpServer((req, res) => {
    const feed = feedState.get((req.url ?? '/').slice(1));
    if (!feed) return void res.writeHead(404).end();
    feed.hits += 1;
    if (feed.down) return void res.writeHead(500).end('broken');
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(feed.items));
  });
  p = await startPipeline({ VIGIE_ADMIN_WEBHOOK_URL: rx.url('/admin'), VIGIE_ADMIN_WEBHOOK_SECRET: secret, VIGIE_ADMIN_EMAIL: 'ops@example.org', SMTP_URL: sink.url });
});

after(async () => {
  await p.close();
  await rx.close();
  await sink.close();
  await feeds.close();
});

const webhookEvents = (sourceId: string) => rx.received.filter((r) => r.path === '/admin' && r.body.data.source.id === sourceId);
const mails = (sourceId: string) => sink.mails.filter((m) => (m.parsed.text ?? '').includes(`Source: ${sourceId} `));

/** The deliver queue holds nothing more: every admin delivery made so far has been sent. */
async function deliveriesSettled(): Promise<boolean> {
  const c = await p.services.queues.deliver.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(c).every((n) => n === 0);
}

test('a source that stops answering and comes back: one unhealthy event and one recovered event, on each admin channel', async () => {
  feedState.set('flaky.xml', { down: false, items: [{ key: 'a', minutesAgo: 30 }, { key: 'b', minutesAgo: 10 }], hits: 0 });
  await p.addSource({ id: 'flaky', url: `${feeds.origin}/flaky.xml`, interval: 1 });
  await waitFor('judged healthy', async () => (await p.services.sourceHealth.getHealth('flaky'))?.status === 'healthy', 30_000);

  feedState.get('flaky.xml')!.down = true;
  await waitFor('unhealthy event on the webhook', () => webhookEvents('flaky').length === 1, 60_000);
  const failures = (await p.services.sources.getState('flaky')).consecutiveFailures;
  // One more failed poll while unhealthy, and health reviewed on every skipped tick meanwhile: no new event.
  await waitFor('another failed poll', async () => (await p.services.sources.getState('flaky')).consecutiveFailures > failures, 60_000);
  const down = await p.services.sourceHealth.getHealth('flaky');
  assert.equal(down?.status, 'unhealthy');
  assert.equal(down?.reason, 'failing');

  feedState.get('flaky.xml')!.down = false;
  await waitFor('recovered event on the webhook', () => webhookEvents('flaky').length === 2, 60_000);
  const hitsBack = feedState.get('flaky.xml')!.hits;
  await waitFor('more polls after recovery', () => feedState.get('flaky.xml')!.hits >= hitsBack + 3, 30_000);
  await waitFor('both emails sent', () => mails('flaky').length >= 2, 30_000);
  await waitFor('admin deliveries settled', deliveriesSettled, 30_000);

  const events = webhookEvents('flaky');
  assert.deepEqual(events.map((e) => e.body.type), ['source.unhealthy', 'source.recovered']);
  assert.equal(events[0]!.body.data.reason, 'failing');
  assert.match(events[0]!.body.data.detail, /failed polls in a row \(last error HTTP_STATUS\)/);
  assert.equal(events[0]!.body.data.lastErrorCode, 'HTTP_STATUS');
  assert.equal(events[1]!.body.data.previousSince, events[0]!.body.data.at, 'the recovery ends the spell the first event began');
  assert.notEqual(events[0]!.id, events[1]!.id, 'two deliveries, two webhook-ids');
  assert.equal(rx.requests('/admin') - rx.received.filter((r) => r.path === '/admin' && r.body.data.source.id !== 'flaky').length, 2, 'no unsigned or extra request');
  assert.deepEqual(mails('flaky').map((m) => m.parsed.subject), ['[vigie] Source flaky is unhealthy (failing)', '[vigie] Source flaky has recovered']);
  assert.deepEqual(mails('flaky')[0]!.rcptTo, ['ops@example.org']);

  const recorded = (await p.services.events.list()).filter((e) => e.sourceId === 'flaky').map((e) => e.event);
  assert.deepEqual(recorded, ['source.recovered', 'source.unhealthy']);
  const health = await p.services.sourceHealth.getHealth('flaky');
  assert.equal(health?.status, 'healthy');
  assert.equal(health?.since, events[1]!.body.data.at, 'since-when is the recovery');
});

test('a source silent beyond its expected period: unhealthy once, recovered once when a new item appears', async () => {
  // Items two hours old, and an expected period of ten minutes: silent from the first poll on.
  feedState.set('quiet.xml', { down: false, items: [{ key: 'q1', minutesAgo: 150 }, { key: 'q2', minutesAgo: 120 }], hits: 0 });
  await p.addSource({ id: 'quiet', url: `${feeds.origin}/quiet.xml`, interval: 1, expectedPeriod: 600 });
  await waitFor('silent event', () => webhookEvents('quiet').length === 1, 30_000);
  const hitsSilent = feedState.get('quiet.xml')!.hits;
  await waitFor('more polls while silent', () => feedState.get('quiet.xml')!.hits >= hitsSilent + 3, 30_000);
  assert.equal(webhookEvents('quiet').length, 1, 'still one event');
  assert.equal(webhookEvents('quiet')[0]!.body.data.reason, 'silent');
  // The items are two hours old when served; the review that follows the poll may come seconds later on a loaded machine.
  assert.match(webhookEvents('quiet')[0]!.body.data.detail, /no new item for 2 h( \d+ (s|min))*; expected one every 10 min/);

  feedState.get('quiet.xml')!.items.unshift({ key: 'q3', minutesAgo: 0 });
  await waitFor('recovered event', () => webhookEvents('quiet').length === 2, 30_000);
  const hitsBack = feedState.get('quiet.xml')!.hits;
  await waitFor('more polls after recovery', () => feedState.get('quiet.xml')!.hits >= hitsBack + 3, 30_000);
  await waitFor('admin deliveries settled', deliveriesSettled, 30_000);
  assert.deepEqual(webhookEvents('quiet').map((e) => e.body.type), ['source.unhealthy', 'source.recovered']);

  const listed = await runCliCaptured(['sources', 'list'], { REDIS_URL: p.redis.url });
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /quiet\s+ok\s+feed every 1 s .*\n\s+interval fixed: set in the source's config; healthy since \d{4}-/);
});

test('an admin webhook that answers 503 gets the event again on the alerts\' schedule, with the same webhook-id', async () => {
  let refused = 0;
  rx.script('/admin', (_req, res) => {
    if (refused === 0) { refused += 1; res.writeHead(503).end('busy'); return; }
    return 'default';
  });
  try {
    feedState.set('stale.xml', { down: false, items: [{ key: 's1', minutesAgo: 240 }], hits: 0 });
    await p.addSource({ id: 'stale', url: `${feeds.origin}/stale.xml`, interval: 1, expectedPeriod: 600 });
    await waitFor('the event, after a refusal', () => webhookEvents('stale').length === 1, 30_000);
    assert.equal(refused, 1);
    const [id] = await p.services.alerts.listDeliveryIds('admin', 100).then((ids) => ids.filter((x) => x === webhookEvents('stale')[0]!.id));
    assert.ok(id, 'the webhook-id is the admin delivery id');
    const attempts = await p.services.alerts.attempts(id);
    assert.deepEqual(attempts.map((a) => a.outcome), ['retry', 'submitted']);
    assert.equal((await p.services.alerts.getDelivery(id))?.status, 'submitted');
  } finally {
    rx.script('/admin', undefined);
  }
});
