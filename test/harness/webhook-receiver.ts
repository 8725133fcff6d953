// A webhook receiver on loopback that verifies every request with the `standardwebhooks` library (as a
// customer would), records webhook-ids, and answers as each test scripts it per path: status codes,
// Retry-After, redirects, or hanging forever.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { startHttpServer, type TestHttpServer } from './http-server.js';

export interface Received { path: string; id: string; timestamp: string; signature: string; body: any; verified: string[]; at: number }
export type Script = (req: IncomingMessage, res: ServerResponse, n: number) => void | 'default';

export interface WebhookReceiver {
  server: TestHttpServer;
  url(path: string): string;
  received: Received[];
  /** Requests per path, verified or not. */
  requests(path: string): number;
  /** Secrets a path verifies against (any one must verify). */
  setSecrets(path: string, secrets: string[]): void;
  script(path: string, fn: Script | undefined): void;
  /** Answer verified requests on this path only after a delay (the request is recorded on arrival). */
  delay(path: string, ms: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const secrets = new Map<string, string[]>();
  const scripts = new Map<string, Script>();
  const counts = new Map<string, number>();
  const delays = new Map<string, number>();
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const server = await startHttpServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const script = scripts.get(path);
    if (script && script(req, res, n) !== 'default') {
      if (!res.writableEnded && !res.headersSent) hanging.push(res);
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const verified = (secrets.get(path) ?? []).filter((secret) => {
      try { new Webhook(secret).verify(raw, headers); return true; } catch { return false; }
    });
    if (verified.length === 0) { res.writeHead(401).end('signature did not verify'); return; }
    received.push({ path, id: headers['webhook-id']!, timestamp: headers['webhook-timestamp']!, signature: headers['webhook-signature']!, body: JSON.parse(raw), verified, at: Date.now() });
    const wait = delays.get(path) ?? 0;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (!res.destroyed) res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  return {
    server,
    url: (path) => `${server.origin}${path}`,
    received,
    requests: (path) => counts.get(path) ?? 0,
    setSecrets: (path, s) => { secrets.set(path, s); },
    script: (path, fn) => { if (fn) scripts.set(path, fn); else scripts.delete(path); },
    delay: (path, ms) => { delays.set(path, ms); },
    close: async () => { for (const r of hanging) r.destroy(); await server.close(); },
  };
}
