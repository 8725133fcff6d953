// Bounds how long a probe waits on a dependency: a hung Redis must not hang /readyz or /metrics.
// The late call is not cancelled (ioredis has no per-command cancel); its result is ignored.

export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/** The promise's outcome, or a DeadlineExceeded rejection after `ms` milliseconds. */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms); });
  work.catch(() => undefined); // a late rejection after the deadline is not an unhandled one
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
