// A webhook receiver for demos: checks the Standard Webhooks signature with the subscription's secret
// (the same HMAC vigie signs with) and prints each alert with the sentence that matched.
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { signWebhook } from '../core/deliver/sign-webhook.js';

export function verifySignature(secret: string, id: string, timestamp: string, body: string, header: string): boolean {
  const expected = signWebhook({ id, timestamp: Number(timestamp), body, secrets: [secret] }).split(',')[1] ?? '';
  return header.split(' ').some((part) => {
    const [version, sig = ''] = part.split(',');
    const a = Buffer.from(sig);
    const b = Buffer.from(expected);
    return version === 'v1' && a.length === b.length && timingSafeEqual(a, b);
  });
}

export function createDemoReceiver(secret: string | undefined, print: (line: string) => void): FastifyInstance {
  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/*', async (req, reply) => {
    const body = String(req.body ?? '');
    const h = req.headers as Record<string, string | undefined>;
    const ok = secret ? verifySignature(secret, h['webhook-id'] ?? '', h['webhook-timestamp'] ?? '', body, h['webhook-signature'] ?? '') : undefined;
    const event = JSON.parse(body) as { type: string; data?: {
      article?: { title?: string; url?: string; source?: string; language?: string }; matches?: Array<{ name: string; surface: string; snippet: string; path?: string[] }>;
      alert?: { id: string }; summary?: string | null; changes?: Array<{ field: string; from: unknown; to: unknown; sourceId: string }> } };
    print(`\n${event.type}  webhook-id ${h['webhook-id']}  signature ${ok === undefined ? 'not checked (no --secret)' : ok ? 'valid' : 'INVALID'}`);
    const a = event.data?.article;
    if (a) print(`  ${a.title}\n  ${a.source} · ${a.language} · ${a.url}`);
    if (event.data?.changes) print(`  ${event.data.alert?.id}: ${event.data.summary ?? ''}`);
    for (const c of event.data?.changes ?? []) print(`  - ${c.field}: ${String(c.from ?? 'not given')} -> ${String(c.to)} (${c.sourceId})`);
    for (const m of event.data?.matches ?? []) print(`  - ${m.name}${m.path ? ` (${m.path.join(' › ')})` : ''}: ${m.snippet}`);
    return reply.code(ok === false ? 401 : 204).send();
  });
  return app;
}
