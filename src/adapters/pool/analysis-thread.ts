// The module each thread of the analysis pool runs: the analysis tasks, plus the warm-up channel on
// which the pool offers a catalog between tasks (warm-channel.ts). It reads nothing on its own: a
// thread loads a catalog only when the pool sends one, and never compiles.
import { BroadcastChannel, threadId, workerData } from 'node:worker_threads';
import { warmCatalog, type CatalogRef } from '../../pipeline/analysis-tasks.js';
import type { WarmMessage } from './warm-channel.js';

export * from '../../pipeline/analysis-tasks.js';

const channelName = (workerData as { warmChannel?: string } | undefined)?.warmChannel;
if (channelName !== undefined) {
  const channel = new BroadcastChannel(channelName);
  // Unref'd: the channel must not keep a thread alive that the pool is closing.
  channel.unref();
  const say = (m: WarmMessage): void => channel.postMessage(m);
  channel.onmessage = (event) => {
    const m = (event as { data: WarmMessage }).data;
    if (m.type !== 'catalog') return;
    const t0 = performance.now();
    try {
      // Said also when a task brought this version first: the pool learns which version each thread holds.
      const read = warmCatalog(m.catalog as CatalogRef);
      say({ type: 'ready', threadId, version: m.catalog.version, read, ms: performance.now() - t0 });
    } catch (err) {
      // A bad catalog fails the next task that carries it, with its error; warming only reports it.
      say({ type: 'ready', threadId, read: false, ms: performance.now() - t0, error: String((err as Error)?.message ?? err) });
    }
  };
  // Between tasks a thread handles channel messages, so a catalog offered now is read before its first article.
  say({ type: 'hello', threadId });
}
