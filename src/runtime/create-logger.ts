// Structured logs: one JSON line per outcome with a stable event name (`event` field) on stderr,
// so stdout stays free for command output (JSON, JSONL).
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name = 'vigie'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, pino.destination(2));
}
