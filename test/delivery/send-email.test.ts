// Email through a real SMTP sink (smtp-server on loopback, port 0): what arrives (headers, parts,
// highlight, no injected header, one envelope recipient) and how refusals and drops are mapped.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net, { type AddressInfo, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createMailer } from '../../src/adapters/smtp/create-mailer.js';
import { sendEmail } from '../../src/adapters/smtp/send-email.js';
import { renderAlertEmail, renderDigestEmail } from '../../src/core/render/email-message.js';
import { isVigieError, type VigieError } from '../../src/core/errors/vigie-error.js';
import { makeAlert, makeArticle, makeMatch, makeSubscription } from './alert-fixture.js';

type Behaviour = 'accept' | 'defer-451' | 'reject-550' | 'reject-rcpt-550' | 'drop-mid-data';

interface Received { raw: Buffer; rcptTo: string[]; mailFrom: string | undefined }

interface Sink { port: number; received: Received[]; behaviour: Behaviour; close(): Promise<void> }

async function startSink(): Promise<Sink> {
  const sockets = new Set<Socket>();
  const sink: Sink = { port: 0, received: [], behaviour: 'accept', close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (sink.behaviour === 'reject-rcpt-550') return cb(Object.assign(new Error('No such user'), { responseCode: 550 }));
      return cb();
    },
    onData(stream, session: SMTPServerSession, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        chunks.push(c);
        // Drop the TCP connection after the first chunk of DATA, before the final dot.
        if (sink.behaviour === 'drop-mid-data') for (const s of sockets) s.destroy();
      });
      stream.on('end', () => {
        if (sink.behaviour === 'drop-mid-data') return;
        if (sink.behaviour === 'defer-451') return cb(Object.assign(new Error('Greylisted, try later'), { responseCode: 451 }));
        if (sink.behaviour === 'reject-550') return cb(Object.assign(new Error('Message refused'), { responseCode: 550 }));
        sink.received.push({
          raw: Buffer.concat(chunks),
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
        });
        return cb(null, 'queued as TEST1');
      });
    },
  });
  server.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  return sink;
}

const sink = await startSink();
after(() => sink.close());
const mailer = createMailer(`smtp://127.0.0.1:${sink.port}`);
after(() => mailer.close());

const ENVELOPE = {
  subscription: makeSubscription(),
  unsubscribeUrl: 'https://vigie.example.test/v1/unsubscribe/tok_abc',
  deliveryId: 'msg_abcdefghijklmnopqrstuvwxyz234567',
  domain: 'vigie.example.test',
};
const FROM = 'vigie <alerts@vigie.example.test>';
const TO = 'analyst@example.test';

async function deliverAndParse(message: ReturnType<typeof renderAlertEmail>): Promise<{ mail: ParsedMail; got: Received }> {
  sink.behaviour = 'accept';
  const before = sink.received.length;
  const result = await sendEmail(mailer, { from: FROM, to: TO, message });
  assert.match(result.response, /^250 .*queued as TEST1/);
  assert.equal(sink.received.length, before + 1);
  const got = sink.received[sink.received.length - 1]!;
  return { mail: await simpleParser(got.raw), got };
}

test('an alert email arrives with Message-ID, one-click unsubscribe, text and HTML parts and the highlight', async () => {
  const message = renderAlertEmail({ ...ENVELOPE, alert: makeAlert(), article: makeArticle(), sourceName: 'OSDH' });
  const { mail, got } = await deliverAndParse(message);
  assert.equal(mail.messageId, '<msg_abcdefghijklmnopqrstuvwxyz234567@vigie.example.test>');
  const rawHeaders = got.raw.toString('utf8').split('\r\n\r\n')[0]!;
  assert.match(rawHeaders, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  assert.match(rawHeaders, /^Message-ID: <msg_abcdefghijklmnopqrstuvwxyz234567@vigie\.example\.test>$/m);
  assert.equal((mail.headers.get('list') as { unsubscribe?: { url?: string } } | undefined)?.unsubscribe?.url, 'https://vigie.example.test/v1/unsubscribe/tok_abc');
  assert.match(rawHeaders, /^List-Unsubscribe: <https:\/\/vigie\.example\.test\/v1\/unsubscribe\/tok_abc>$/m);
  assert.equal(mail.subject, '[Deir ez-Zor] Frappe de drone près de Boukamal');
  assert.ok(mail.text?.includes('près de «Boukamal», dans la province'));
  assert.ok(typeof mail.html === 'string' && mail.html.includes('près de <mark>Boukamal</mark>, dans la province'));
  assert.deepEqual(got.rcptTo, [TO]);
  assert.equal(got.mailFrom, 'alerts@vigie.example.test');
});

test('a title carrying CRLF + Bcc gives one Subject header, no Bcc, and one envelope recipient', async () => {
  const title = 'Breaking\r\nBcc: victim@evil.test\r\nX-Injected: yes\u2028Cc: other@evil.test';
  const message = renderAlertEmail({ ...ENVELOPE, alert: makeAlert(), article: makeArticle({ title }), sourceName: 'OSDH\r\nBcc: x@evil.test' });
  const { mail, got } = await deliverAndParse(message);
  const rawHeaders = got.raw.toString('utf8').split('\r\n\r\n')[0]!;
  assert.equal(rawHeaders.match(/^Subject:/gim)?.length, 1);
  assert.doesNotMatch(rawHeaders, /^(Bcc|Cc|X-Injected):/im);
  assert.equal(mail.bcc, undefined);
  assert.equal(mail.cc, undefined);
  assert.deepEqual(got.rcptTo, [TO]);
  for (const line of got.raw.toString('utf8').split('\r\n')) assert.ok(Buffer.byteLength(line) <= 998);
});

test('an Arabic alert arrives with its subject intact and dir="rtl" in the HTML part', async () => {
  const article = makeArticle({ lang: 'ar', title: 'غارة قرب البوكمال', url: 'https://www.syriahr.com/ar/1/' });
  const alert = makeAlert({ matches: [makeMatch({ surface: 'البوكمال', snippet: 'غارة قرب «البوكمال» اليوم' })] });
  const { mail } = await deliverAndParse(renderAlertEmail({ ...ENVELOPE, alert, article, sourceName: 'المرصد' }));
  assert.equal(mail.subject, '[Deir ez-Zor] غارة قرب البوكمال');
  assert.ok(typeof mail.html === 'string' && mail.html.includes('<h2 dir="rtl" lang="ar"'));
  assert.ok(mail.html.includes('<mark>البوكمال</mark>'));
});

test('a digest with three alerts arrives as one email holding all three', async () => {
  const items = ['Boukamal', 'Al-Mayadin', 'Hajin'].map((place, i) => ({
    alert: makeAlert({ id: `alr_${i}`, matches: [makeMatch({ name: place, surface: place, snippet: `Frappe à «${place}».` })] }),
    article: makeArticle({ title: `Frappe à ${place}`, url: `https://example.test/${i}` }),
    sourceName: 'OSDH',
  }));
  const { mail } = await deliverAndParse(renderDigestEmail({ ...ENVELOPE, items, period: 'daily' }));
  assert.equal(mail.subject, '[Deir ez-Zor] 3 alerts (daily digest)');
  for (const place of ['Boukamal', 'Al-Mayadin', 'Hajin']) {
    assert.ok(typeof mail.html === 'string' && mail.html.includes(`<mark>${place}</mark>`), place);
    assert.ok(mail.text?.includes(`Frappe à ${place}`));
  }
});

const message = renderAlertEmail({ ...ENVELOPE, alert: makeAlert(), article: makeArticle(), sourceName: 'OSDH' });

async function sendExpectingError(behaviour: Behaviour): Promise<VigieError> {
  sink.behaviour = behaviour;
  try {
    await sendEmail(mailer, { from: FROM, to: TO, message });
  } catch (err) {
    assert.ok(isVigieError(err), `not a VigieError: ${String(err)}`);
    return err;
  } finally {
    sink.behaviour = 'accept';
  }
  throw new assert.AssertionError({ message: `sending succeeded under ${behaviour}` });
}

test('451 after DATA -> SMTP_TRANSIENT with the code in details', async () => {
  const err = await sendExpectingError('defer-451');
  assert.equal(err.code, 'SMTP_TRANSIENT');
  assert.equal(err.permanent, false);
  assert.equal(err.details['responseCode'], 451);
});

test('550 after DATA -> SMTP_PERMANENT (permanent) with the code in details', async () => {
  const err = await sendExpectingError('reject-550');
  assert.equal(err.code, 'SMTP_PERMANENT');
  assert.equal(err.permanent, true);
  assert.equal(err.details['responseCode'], 550);
});

test('550 on RCPT TO -> SMTP_PERMANENT', async () => {
  const err = await sendExpectingError('reject-rcpt-550');
  assert.equal(err.code, 'SMTP_PERMANENT');
  assert.equal(err.details['responseCode'], 550);
});

test('connection dropped in the middle of DATA -> SMTP_TRANSIENT', async () => {
  const err = await sendExpectingError('drop-mid-data');
  assert.equal(err.code, 'SMTP_TRANSIENT');
  assert.equal(err.permanent, false);
});

test('a server that accepts TCP but never greets fails at our greeting timeout, transient', async () => {
  const held = new Set<Socket>();
  const silent = net.createServer((s) => { held.add(s); s.on('error', () => undefined); });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as AddressInfo).port;
  const slowMailer = createMailer(`smtp://127.0.0.1:${port}`, { greetingTimeoutMs: 300 });
  try {
    await assert.rejects(sendEmail(slowMailer, { from: FROM, to: TO, message }), (e: unknown) => isVigieError(e) && e.code === 'SMTP_TRANSIENT' && e.details['smtpError'] === 'ETIMEDOUT');
  } finally {
    slowMailer.close();
    for (const s of held) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});

test('connection refused -> SMTP_TRANSIENT', async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const deadMailer = createMailer(`smtp://127.0.0.1:${port}`);
  await assert.rejects(sendEmail(deadMailer, { from: FROM, to: TO, message }), (e: unknown) => isVigieError(e) && e.code === 'SMTP_TRANSIENT');
  deadMailer.close();
});

const BAD_RECIPIENTS = ['"a@b.test x"@internal.test', 'a@b.test, c@d.test', 'a@b.test\r\nBcc: x@y.test', 'Name <a@b.test>', 'no-at-sign'];
for (const to of BAD_RECIPIENTS) {
  test(`refuses recipient ${JSON.stringify(to)} before any SMTP traffic`, async () => {
    const before = sink.received.length;
    await assert.rejects(sendEmail(mailer, { from: FROM, to, message }), (e: unknown) => isVigieError(e) && e.permanent);
    assert.equal(sink.received.length, before);
  });
}

test('createMailer refuses a URL that is not smtp:// or smtps://', () => {
  for (const url of ['http://127.0.0.1:25', 'not a url', 'file:///etc/passwd']) {
    assert.throws(() => createMailer(url), (e: unknown) => isVigieError(e) && e.code === 'CONFIG_INVALID');
  }
});

test('message content cannot read local files (disableFileAccess)', async () => {
  const err = await mailer.sendMail({ from: FROM, to: TO, text: 'x', attachments: [{ path: '/etc/hostname' }] }).then(() => undefined, (e: unknown) => e);
  // Over SMTP nodemailer wraps the refusal in a stream error; the message still names it.
  assert.ok(err instanceof Error);
  assert.match(err.message, /File access rejected/);
  assert.ok(['EFILEACCESS', 'ESTREAM'].includes(String((err as { code?: string }).code)));
});
