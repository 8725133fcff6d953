// Slots for requests in flight to one host shared by every process of a deployment (the in-process
// HostSemaphore protects a server from one worker; these, from the fleet). Implemented on Redis in
// src/adapters/redis/host-slot-store.ts; the gate takes any implementation, or none.

export interface HostSlots {
  /**
   * Resolves with a release function once one of the host's slots is held. The slot is leased and the
   * lease kept alive while it is held, so a holder that dies frees it within one lease. Rejects with
   * the signal's reason on abort, or with a VigieError when the shared store cannot be reached.
   */
  acquire(host: string, signal: AbortSignal): Promise<() => void>;
}
