// End to end, issue 4 email: a real `smtp-server` sink (parsed with `mailparser`) scripted to accept,
// defer with 451, refuse with 550 or drop the connection mid-DATA; immediate alerts and a daily digest.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import { startNewsSite, type NewsSite } from '../harness/news-site.js';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.js';
import { waitFor } from '../harness/vigie-process.js';
import { queuesDrained } from '../harness/queues-drained.js';
import { runDigests } from '../../src/pipeline/run-digests.js';

let p: Pipeline;
let smtp: SmtpSink;
let site: NewsSite;

before(async () => {
  smtp = await startSmtpSink();
  p = await startPipeline({ SMTP_URL: smtp.url, SMTP_FROM: 'vigie <alerts@vigie.test>', VIGIE_PUBLIC_URL: 'http://127.0.0.1:8080' });
  site = await startNewsSite();
  await p.addSource({ id: 'wire', url: site.feedUrl, interval: 1, lang: 'en' });
  await waitFor('first poll', async () => (await p.services.sources.getState('wire')).lastSuccessAt, 30_000);
});

after(async () => {
  await p.close();
  await smtp.close();
  await site.close();
});

function publish(marker: string, title = `Shelling near Idlib (${marker})`, paragraphs?: string[]) {
  site.publish({ slug: marker, lang: 'en', published: new Date().toISOString(), title, summary: `Summary ${marker}`,
    paragraphs: paragraphs ?? [`Artillery shelling hit villages south of Idlib on Monday (${marker}), residents said.`, 'No casualties were reported.'] });
}

const mailsFor = (to: string) => smtp.mails.filter((m) => m.rcptTo.includes(to));

async function deliveryOf(subId: string) {
  const ids = await waitFor('a delivery', async () => { const x = await p.services.alerts.listDeliveryIds(subId); return x.length > 0 ? x : undefined; });
  return ids[0]!;
}

test('an immediate email has both parts, the highlight, Message-ID from the delivery id and one-click unsubscribe', async () => {
  const sub = await p.subscribe({ name: 'Idlib watch', query: 'markermail1', channels: [{ type: 'email', address: 'analyst@ngo.test', mode: 'immediate' }] });
  publish('markermail1');
  const [mail] = await waitFor('mail', () => (mailsFor('analyst@ngo.test').length ? mailsFor('analyst@ngo.test') : undefined), 30_000);
  const id = await deliveryOf(sub.id);
  const parsed = mail!.parsed;
  assert.equal(parsed.messageId, `<${id}@127.0.0.1>`);
  assert.match(parsed.subject ?? '', /Shelling near Idlib/);
  assert.match(parsed.text ?? '', /markermail1/);
  assert.match(String(parsed.html), /<mark>/);
  const head = mail!.raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' '); // unfold (RFC 5322 §2.2.3)
  assert.match(head, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  assert.match(head, /^List-Unsubscribe: <http:\/\/127\.0\.0\.1:8080\/v1\/unsubscribe\/[\w.-]+>$/m);
  assert.deepEqual(mail!.rcptTo, ['analyst@ngo.test']);
});

test('SMTP 451 is retried and the retry carries the same Message-ID', async () => {
  await p.subscribe({ name: 'greylist', query: 'markermail2', channels: [{ type: 'email', address: 'grey@ngo.test', mode: 'immediate' }] });
  smtp.queue('defer-451');
  publish('markermail2');
  const [mail] = await waitFor('mail after 451', () => (mailsFor('grey@ngo.test').length ? mailsFor('grey@ngo.test') : undefined), 30_000);
  assert.match(mail!.parsed.messageId ?? '', /^<msg_/);
});

test('a dropped connection mid-DATA is retried', async () => {
  await p.subscribe({ name: 'drop', query: 'markermail3', channels: [{ type: 'email', address: 'drop@ngo.test', mode: 'immediate' }] });
  smtp.queue('drop-mid-data');
  publish('markermail3');
  await waitFor('mail after drop', () => mailsFor('drop@ngo.test').length === 1, 30_000);
});

test('SMTP 550 is permanent: the delivery is dead and visible, not retried', async () => {
  const sub = await p.subscribe({ name: 'refused', query: 'markermail4', channels: [{ type: 'email', address: 'refused@ngo.test', mode: 'immediate' }] });
  const attemptsBefore = smtp.attempts;
  smtp.queue('reject-550');
  publish('markermail4');
  const id = await deliveryOf(sub.id);
  await waitFor('dead', async () => (await p.services.alerts.getDelivery(id))?.status === 'dead', 30_000);
  const d = await p.services.alerts.getDelivery(id);
  assert.match(d!.lastError ?? '', /SMTP_PERMANENT/);
  assert.equal(smtp.attempts - attemptsBefore, 1);
  assert.ok((await p.services.alerts.listDead()).includes(id));
});

test('control characters in a title never reach the headers', async () => {
  await p.subscribe({ name: 'ctrl', query: 'markermail5', channels: [{ type: 'email', address: 'ctrl@ngo.test', mode: 'immediate' }] });
  publish('markermail5', 'Breaking\r\nBcc: victim@evil.test\u2028\u202E Shelling near Idlib markermail5');
  const [mail] = await waitFor('mail', () => (mailsFor('ctrl@ngo.test').length ? mailsFor('ctrl@ngo.test') : undefined), 30_000);
  assert.equal(mail!.parsed.bcc, undefined);
  assert.doesNotMatch(mail!.raw.split('\r\n\r\n')[0]!, /^Bcc:/im);
  assert.deepEqual(mail!.rcptTo, ['ctrl@ngo.test']);
  assert.doesNotMatch(mail!.parsed.subject ?? '', /[\r\n\u2028\u202E]/);
});

test('a daily digest gathers the period\'s alerts into one email', async () => {
  await p.subscribe({ name: 'digest', query: 'markerdigest', channels: [{ type: 'email', address: 'digest@ngo.test', mode: 'daily' }] });
  publish('markerdigest-a', 'Shelling near Idlib markerdigest first');
  publish('markerdigest-b', 'Drone over Saraqib markerdigest second',
    ['A surveillance drone circled over Saraqib for two hours on Tuesday (markerdigest), according to a local council member.']);
  await waitFor('both articles fetched', async () => site.hits('/articles/markerdigest-a') > 0 && site.hits('/articles/markerdigest-b') > 0, 30_000);
  await waitFor('both articles routed and deliveries done', () => queuesDrained(p.services));
  assert.equal(mailsFor('digest@ngo.test').length, 0, 'nothing is sent before the digest runs');
  const { queued } = await runDigests(p.services, 'daily');
  assert.equal(queued, 1);
  const [mail] = await waitFor('digest mail', () => (mailsFor('digest@ngo.test').length ? mailsFor('digest@ngo.test') : undefined), 30_000);
  assert.match(mail!.parsed.text ?? '', /first/);
  assert.match(mail!.parsed.text ?? '', /second/);
  // Running the digest again in the same period sends nothing more.
  assert.equal((await runDigests(p.services, 'daily')).queued, 0);
});
