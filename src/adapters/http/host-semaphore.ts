// Limits how many requests are in flight to one host at a time; the rest wait in FIFO order.
// In-process only: it protects a remote server from one worker; HostSlots (host-slots.ts) extends the
// limit to the fleet.
export class HostSemaphore {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`per-host concurrency must be >= 1, got ${limit}`);
  }

  /** Resolves with a release function once a slot is free; rejects with the signal's reason on abort. */
  acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const used = this.active.get(key) ?? 0;
    if (used < this.limit) {
      this.active.set(key, used + 1);
      return Promise.resolve(this.releaser(key));
    }
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(key) ?? [];
      const grant = (): void => { signal?.removeEventListener('abort', onAbort); resolve(this.releaser(key)); };
      const onAbort = (): void => {
        const i = queue.indexOf(grant);
        if (i >= 0) queue.splice(i, 1);
        if (queue.length === 0) this.waiting.delete(key);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
      this.waiting.set(key, queue);
    });
  }

  /** Requests in flight for `key` (for tests and metrics). */
  inFlight(key: string): number {
    return this.active.get(key) ?? 0;
  }

  private releaser(key: string): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.get(key)?.shift();
      if (this.waiting.get(key)?.length === 0) this.waiting.delete(key);
      if (next) return next(); // the slot passes straight to the next waiter
      const used = (this.active.get(key) ?? 1) - 1;
      if (used === 0) this.active.delete(key); else this.active.set(key, used);
    };
  }
}
