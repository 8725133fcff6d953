// The pool's side of warming its threads: a BroadcastChannel on which each thread says hello when it
// starts, the pool offers the catalog it already holds (never one compiled for the purpose), and each
// thread answers once it has read it. It owns the channel and what threads reported, nothing else.
import { BroadcastChannel } from 'node:worker_threads';

/** What goes over the channel: thread -> pool `hello` and `ready`, pool -> threads `catalog`. */
export type WarmMessage =
  | { type: 'hello'; threadId: number }
  | { type: 'catalog'; catalog: { version: string; bytes: SharedArrayBuffer; known: SharedArrayBuffer } }
  | { type: 'ready'; threadId: number; version?: string; read: boolean; ms: number; error?: string };

/**
 * One started thread: the catalog version it holds, if any; `read`: it read that version on the
 * channel, ahead of any task carrying it (false: a task had brought it first); `ms`: how long that took.
 */
export interface ThreadWarmth { threadId: number; catalogVersion?: string; read?: boolean; ms?: number; error?: string }

export interface WarmChannel {
  readonly name: string;
  /** Sends a catalog to every thread; those holding its version ignore it. */
  offer(catalog: Extract<WarmMessage, { type: 'catalog' }>['catalog']): void;
  threads(): ThreadWarmth[];
  close(): void;
}

let channels = 0;

/**
 * `onHello` runs when a thread has started (its modules imported): the moment to offer it a catalog.
 * `onReady` runs when a thread has read one.
 */
export function openWarmChannel(on: { hello(): void; ready?(t: ThreadWarmth): void }): WarmChannel {
  // One name per pool: a process may hold several pools (tests do), each with its own threads.
  const name = `vigie-analysis-pool-${process.pid}-${(channels += 1)}`;
  const channel = new BroadcastChannel(name);
  channel.unref();
  const seen = new Map<number, ThreadWarmth>();
  channel.onmessage = (event) => {
    const m = (event as { data: WarmMessage }).data;
    if (m.type === 'hello') {
      seen.set(m.threadId, { threadId: m.threadId });
      on.hello();
    } else if (m.type === 'ready') {
      // A second offer of the version a thread holds changes nothing it reported.
      if (!m.error && !m.read && seen.get(m.threadId)?.catalogVersion === m.version) return;
      const t: ThreadWarmth = { threadId: m.threadId, catalogVersion: m.version, read: m.read, ms: m.ms, ...(m.error ? { error: m.error } : {}) };
      seen.set(m.threadId, t);
      on.ready?.(t);
    }
  };
  return {
    name,
    offer: (catalog) => channel.postMessage({ type: 'catalog', catalog } satisfies WarmMessage),
    threads: () => [...seen.values()],
    close: () => channel.close(),
  };
}
