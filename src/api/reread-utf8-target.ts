// Raw UTF-8 in a request target (`curl "…?search=دير الزور"` sends the bytes as they are): Node's HTTP
// parser refuses any byte over 0x7f there (HPE_INVALID_URL). Browsers and most servers accept it, so this
// re-reads such a request once with those bytes percent-encoded (RFC 3986 §2.1), through Node's own parser.
// Only the request line is touched; headers and body are handed over byte for byte.
import type { RawReplyDefaultExpression as ServerResponse, RawRequestDefaultExpression as IncomingMessage, RawServerDefault as Server } from 'fastify';
import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

const CRLF = Buffer.from('\r\n');
/** Sockets already handed over: later parser errors on them are not ours to answer. */
const handedOver = new WeakSet<Socket>();

/** `GET /x?q=é HTTP/1.1` with é as UTF-8 -> `GET /x?q=%C3%A9 HTTP/1.1`; undefined when nothing to encode. */
export function encodeRequestLine(line: Buffer): Buffer | undefined {
  if (!line.some((b) => b > 0x7f)) return undefined;
  let out = '';
  for (const b of line) out += b > 0x7f ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
  return Buffer.from(out, 'latin1');
}

/** A stream the HTTP server reads as a connection: the fixed bytes in, the answer out to the socket. */
function replayConnection(server: Server, socket: Socket, bytes: Buffer): Duplex {
  const replay = new Duplex({
    allowHalfOpen: true,
    read() { /* everything is pushed at once below */ },
    write(chunk, _enc, done) { socket.write(chunk, done); },
    final(done) { socket.end(); done(); },
    destroy(err, done) { socket.destroy(); done(err); },
  });
  // What Fastify and the rate limiter read from a connection (req.ip is the real client's).
  for (const key of ['remoteAddress', 'remotePort', 'remoteFamily', 'localAddress', 'localPort'] as const) {
    Object.defineProperty(replay, key, { value: socket[key] });
  }
  // Later bytes from the client still reach the parser that refused the line, so the replay serves this
  // packet only and its answers say `Connection: close` (a keep-alive client then opens a new connection).
  // Prepended, so the header is set before Fastify can answer.
  const closeAfter = (req: IncomingMessage, res: ServerResponse) => {
    if (req.socket === replay && !res.headersSent) res.setHeader('connection', 'close');
  };
  server.prependListener('request', closeAfter);
  replay.once('close', () => server.off('request', closeAfter));
  replay.push(bytes);
  // Ending the read side at once would make the server close before it answers; it ends with the client.
  socket.once('end', () => replay.push(null));
  socket.once('close', () => replay.destroy());
  return replay;
}

/**
 * Called from the client error handler. True when the request was handed to the server again (the
 * socket now belongs to the replay) or the socket was already handed over; false to answer the error.
 * Only a packet that starts with the refused request line is replayed: bytes of an earlier request in
 * the same packet would otherwise be served twice.
 */
export function rereadUtf8Target(err: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): boolean {
  if (handedOver.has(socket)) return true;
  if (err.code !== 'HPE_INVALID_URL' || !Buffer.isBuffer(err.rawPacket)) return false;
  const packet = err.rawPacket;
  const end = packet.indexOf(CRLF);
  if (end < 0) return false;
  const line = encodeRequestLine(packet.subarray(0, end));
  const server = (socket as Socket & { server?: Server }).server;
  if (!line || !server) return false;
  handedOver.add(socket);
  server.emit('connection', replayConnection(server, socket, Buffer.concat([line, packet.subarray(end)])));
  return true;
}
