// A real node:http server on 127.0.0.1 port 0 whose handler each test scripts (serve a feed, stall,
// reset, redirect...). Counts accepted connections so SSRF tests can assert a canary stayed at 0.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestHttpServer {
  server: http.Server;
  port: number;
  origin: string;
  /** Connections accepted so far. */
  accepts(): number;
  close(): Promise<void>;
}

export async function startHttpServer(
  handler: http.RequestListener,
  host = '127.0.0.1',
): Promise<TestHttpServer> {
  const server = http.createServer(handler);
  let accepted = 0;
  server.on('connection', (socket) => {
    accepted += 1;
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    origin: `http://${host}:${port}`,
    accepts: () => accepted,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
