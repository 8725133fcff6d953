// A webhook receiver in its own process for the delivery benchmarks (so the receiver's CPU does not
// count against vigie's): verifies every request with `standardwebhooks`, and reports each arrival
// (webhook-id, article url, receive time) to the parent over IPC, and its CPU time when asked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

let verifier: Webhook | undefined;
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      verifier?.verify(body, req.headers as Record<string, string>);
    } catch {
      res.writeHead(401).end();
      process.send?.({ type: 'bad-signature' });
      return;
    }
    res.writeHead(204).end();
    const parsed = JSON.parse(body) as { data?: { article?: { url?: string } } };
    process.send?.({ type: 'received', id: req.headers['webhook-id'], url: parsed.data?.article?.url, at });
  });
});
server.keepAliveTimeout = 30_000;
process.on('message', (m: { type: string; secret?: string }) => {
  if (m.type === 'secret' && m.secret) verifier = new Webhook(m.secret);
  if (m.type === 'stop') server.close(() => process.exit(0));
  if (m.type === 'cpu') process.send?.({ type: 'cpu', ...process.cpuUsage() });
});
server.listen(0, '127.0.0.1', () => process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port }));
