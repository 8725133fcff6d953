// A WebSub hub on loopback (the hub side of the W3C WebSub spec): takes subscribe and unsubscribe
// forms (answers 202), verifies intent with a GET to the callback carrying hub.challenge, keeps the
// verified subscriptions with their secrets and leases, and distributes content signed with
// X-Hub-Signature, or unsigned, or wrongly signed, as a test asks.
import { randomBytes } from 'node:crypto';
import { signHubBody } from '../../src/core/websub/verify-hub-signature.js';
import { startHttpServer, type TestHttpServer } from './http-server.js';

export interface HubRequest { mode: string; topic: string; callback: string; secret?: string; leaseSeconds?: number; at: number }
export interface HubVerification { mode: string; topic: string; callback: string; status: number; echoed: boolean; leaseSeconds?: number; at: number }
export interface HubSubscription { topic: string; callback: string; secret?: string; leaseSeconds: number; expiresAt: number }
export type Signing = 'sha1' | 'sha256' | 'sha384' | 'sha512' | 'none' | 'wrong';

export interface TestHub {
  server: TestHttpServer;
  url: string;
  requests: HubRequest[];
  verifications: HubVerification[];
  /** Verified, unexpired subscriptions of a topic. */
  subscribers(topic: string): HubSubscription[];
  /** Grants this lease (seconds) to subscriptions of `topic` whatever the subscriber asked. */
  setLease(topic: string, seconds: number): void;
  /** Distributes `body` to every subscriber of `topic`; returns each callback's status. */
  publish(topic: string, body: string, opts?: { signing?: Signing; contentType?: string }): Promise<number[]>;
  close(): Promise<void>;
}

export async function startWebSubHub(): Promise<TestHub> {
  const requests: HubRequest[] = [];
  const verifications: HubVerification[] = [];
  const subs = new Map<string, HubSubscription>(); // key: topic + ' ' + callback
  const leases = new Map<string, number>();

  // §5.3: verification happens after the 202, from the hub, with a random challenge.
  async function verify(req: HubRequest): Promise<void> {
    const challenge = randomBytes(16).toString('hex');
    const leaseSeconds = req.mode === 'subscribe' ? leases.get(req.topic) ?? req.leaseSeconds ?? 3600 : undefined;
    const url = new URL(req.callback);
    url.searchParams.set('hub.mode', req.mode);
    url.searchParams.set('hub.topic', req.topic);
    url.searchParams.set('hub.challenge', challenge);
    if (leaseSeconds !== undefined) url.searchParams.set('hub.lease_seconds', String(leaseSeconds));
    let status = 0;
    let echoed = false;
    try {
      const res = await fetch(url);
      status = res.status;
      echoed = res.ok && (await res.text()) === challenge;
    } catch { /* callback unreachable: not verified */ }
    verifications.push({ mode: req.mode, topic: req.topic, callback: req.callback, status, echoed, leaseSeconds, at: Date.now() });
    if (!echoed) return;
    const key = `${req.topic} ${req.callback}`;
    if (req.mode === 'unsubscribe') subs.delete(key);
    else subs.set(key, { topic: req.topic, callback: req.callback, secret: req.secret, leaseSeconds: leaseSeconds!, expiresAt: Date.now() + leaseSeconds! * 1000 });
  }

  const server = await startHttpServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      res.writeHead(400).end('form expected');
      return;
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const mode = form.get('hub.mode') ?? '';
    const topic = form.get('hub.topic') ?? '';
    const callback = form.get('hub.callback') ?? '';
    if (!['subscribe', 'unsubscribe'].includes(mode) || !topic || !/^https?:\/\//.test(callback)) {
      res.writeHead(400).end('bad request');
      return;
    }
    const lease = Number(form.get('hub.lease_seconds'));
    const r: HubRequest = { mode, topic, callback, secret: form.get('hub.secret') ?? undefined, leaseSeconds: Number.isInteger(lease) && lease > 0 ? lease : undefined, at: Date.now() };
    requests.push(r);
    res.writeHead(202).end('accepted');
    setImmediate(() => void verify(r));
  });

  const subscribers = (topic: string) => [...subs.values()].filter((x) => x.topic === topic && x.expiresAt > Date.now());
  return {
    server,
    url: `${server.origin}/hub`,
    requests,
    verifications,
    subscribers,
    setLease: (topic, seconds) => { leases.set(topic, seconds); },
    async publish(topic, body, opts = {}) {
      const signing = opts.signing ?? 'sha256';
      return Promise.all(subscribers(topic).map(async (sub) => {
        const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/rss+xml', link: `<${server.origin}/hub>; rel="hub", <${topic}>; rel="self"` };
        if (signing === 'wrong') headers['x-hub-signature'] = signHubBody('sha256', body, `${sub.secret ?? ''}-not-it`);
        else if (signing !== 'none' && sub.secret) headers['x-hub-signature'] = signHubBody(signing, body, sub.secret);
        const res = await fetch(sub.callback, { method: 'POST', headers, body });
        await res.arrayBuffer();
        return res.status;
      }));
    },
    close: () => server.close(),
  };
}
