// A real SMTP server (the `smtp-server` package) on loopback that keeps what it receives, parsed by
// `mailparser`, and answers as scripted: accept, 451 (try later), 550 (refused), or drop mid-DATA.
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type SmtpBehaviour = 'accept' | 'defer-451' | 'reject-550' | 'drop-mid-data';

export interface SmtpSink {
  port: number;
  url: string;
  mails: Array<{ parsed: ParsedMail; raw: string; rcptTo: string[] }>;
  attempts: number;
  /** Behaviours for the next messages, in order; afterwards every message is accepted. */
  queue(...b: SmtpBehaviour[]): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sockets = new Set<Socket>();
  const plan: SmtpBehaviour[] = [];
  const sink: SmtpSink = { port: 0, url: '', mails: [], attempts: 0, queue: (...b) => { plan.push(...b); }, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      sink.attempts += 1;
      const behaviour = plan.shift() ?? 'accept';
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        chunks.push(c);
        if (behaviour === 'drop-mid-data') for (const s of sockets) s.destroy();
      });
      stream.on('end', async () => {
        if (behaviour === 'drop-mid-data') return;
        if (behaviour === 'defer-451') return cb(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 }));
        if (behaviour === 'reject-550') return cb(Object.assign(new Error('Mailbox refused'), { responseCode: 550 }));
        const raw = Buffer.concat(chunks);
        sink.mails.push({ parsed: await simpleParser(raw), raw: raw.toString('utf8'), rcptTo: session.envelope.rcptTo.map((r) => r.address) });
        return cb(null, 'queued as TEST');
      });
    },
  });
  server.server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); });
  return sink;
}
