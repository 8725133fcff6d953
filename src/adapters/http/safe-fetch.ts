// The ONE outbound HTTP gate (feeds, pages, webhooks): URL syntax, address policy on every hop and in
// the dialler's own lookup, manual redirects, deadlines, decoded-size caps. Nothing else may dial out.
import { Agent } from 'undici';
import type { Readable } from 'node:stream';
import { VigieError } from '../../core/errors/vigie-error.js';
import { parseAllowNetworks, type Cidr } from './ip-policy.js';
import { parseTargetUrl } from './parse-target-url.js';
import { assertTargetAllowed } from './assert-target-allowed.js';
import { createGuardedLookup, systemLookup, type LookupFn } from './guarded-lookup.js';
import { cancelBody, parseContentEncoding, readDecodedBody, tooLarge } from './read-decoded-body.js';
import { HostSemaphore } from './host-semaphore.js';
import type { HostSlots } from './host-slots.js';
import { toFetchError } from './to-fetch-error.js';

export type { LookupFn } from './guarded-lookup.js';

export interface OutboundPolicy {
  /** Operator CIDRs that may be dialled although not public (VIGIE_ALLOW_NETWORKS). */
  allowNetworks: string[];
  /** Stub DNS for tests; default node:dns lookup of all records. */
  lookup?: LookupFn;
  /** Requests in flight per host name in this process; default 2. */
  perHostConcurrency?: number;
  /** The same limit across processes (a shared store); absent: this process only. */
  sharedSlots?: HostSlots;
  userAgent?: string;
}

export interface SafeFetchOptions {
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  maxBytes: number;
  /** Default 5; 0 = never follow: a 3xx is returned to the caller as a response. */
  maxRedirects?: number;
  connectTimeoutMs?: number;
  /** Covers every hop, headers and the whole body; starts when the first per-host slot is granted. */
  totalTimeoutMs?: number;
  /**
   * How long to wait for the first per-host slot (this process's, then the deployment's); past it the
   * fetch fails with FETCH_SLOT_WAIT before anything is sent. Default: as long as it takes.
   */
  slotWaitMs?: number;
  signal?: AbortSignal;
}

export interface SafeResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** After content-decoding. */
  body: Buffer;
  /** Final URL. */
  url: string;
  /** Each Location followed, absolute. */
  redirects: string[];
}

export interface SafeFetcher {
  fetch(url: string, options: SafeFetchOptions): Promise<SafeResponse>;
  close(): Promise<void>;
}

export const CAPS = { feedBytes: 10 * 1024 * 1024, pageBytes: 5 * 1024 * 1024, webhookResponseBytes: 64 * 1024 };
export const DEFAULT_USER_AGENT = 'vigie/0.1 (+news monitoring; https://github.com/vigie)';
const DEFAULTS = { maxRedirects: 5, connectTimeoutMs: 10_000, totalTimeoutMs: 30_000, perHostConcurrency: 2 };
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers the caller may not set: framing and routing belong to the client and the URL. */
const RESERVED_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'te']);
/** Fetch spec §4.4: credentials are not forwarded to another origin on redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

interface Hop {
  url: URL;
  method: 'GET' | 'POST' | 'HEAD';
  headers: Record<string, string>;
  body: string | Buffer | undefined;
}

export function createSafeFetch(policy: OutboundPolicy): SafeFetcher {
  const allow = parseAllowNetworks(policy.allowNetworks.join(','));
  const lookup = createGuardedLookup(policy.lookup ?? systemLookup, allow);
  const semaphore = new HostSemaphore(policy.perHostConcurrency ?? DEFAULTS.perHostConcurrency);
  const userAgent = policy.userAgent ?? DEFAULT_USER_AGENT;
  // One keep-alive Agent per connect timeout (in practice one or two), reused by every request.
  const agents = new Map<number, Agent>();
  const agentFor = (connectTimeoutMs: number): Agent => {
    let agent = agents.get(connectTimeoutMs);
    if (!agent) {
      agent = new Agent({ connect: { lookup, timeout: connectTimeoutMs } });
      agents.set(connectTimeoutMs, agent);
    }
    return agent;
  };
  return {
    fetch: (url, options) => runFetch(url, options, { allow, semaphore, sharedSlots: policy.sharedSlots, userAgent, agentFor }),
    close: async () => {
      await Promise.all([...agents.values()].map((a) => a.close()));
      agents.clear();
    },
  };
}

interface FetchDeps {
  allow: readonly Cidr[];
  semaphore: HostSemaphore;
  sharedSlots: HostSlots | undefined;
  userAgent: string;
  agentFor(connectTimeoutMs: number): Agent;
}

async function runFetch(rawUrl: string, options: SafeFetchOptions, deps: FetchDeps): Promise<SafeResponse> {
  let hop: Hop = {
    url: parseTargetUrl(rawUrl),
    method: options.method ?? 'GET',
    headers: buildHeaders(options.headers, deps.userAgent),
    body: options.body,
  };
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULTS.totalTimeoutMs;
  const deadline = new Deadline(totalTimeoutMs, options.signal);
  const agent = deps.agentFor(options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs);
  const redirects: string[] = [];
  try {
    for (;;) {
      assertTargetAllowed(hop.url, deps.allow);
      const release = redirects.length === 0 && options.slotWaitMs !== undefined
        ? await takeSlotsWithin(deps, hop.url.hostname, deadline.signal, options.slotWaitMs)
        : await takeSlots(deps, hop.url.hostname, deadline.signal);
      deadline.start();
      try {
        const res = await agent.request({
          origin: hop.url.origin, path: `${hop.url.pathname}${hop.url.search}`,
          method: hop.method, headers: hop.headers, body: hop.body, signal: deadline.signal,
        });
        const headers = flattenHeaders(res.headers);
        let next: Hop | undefined;
        try {
          next = maxRedirects > 0 ? redirectTarget(res.statusCode, headers, hop) : undefined;
        } catch (err) {
          cancelBody(res.body); // a refused Location must not leave the body (and its socket) hanging
          throw err;
        }
        if (next === undefined) {
          const body = await readBody(res.body, res.statusCode, headers, hop.method, options.maxBytes, deadline.signal);
          return { status: res.statusCode, headers, body, url: hop.url.href, redirects };
        }
        await discard(res.body, deadline.signal);
        if (redirects.length >= maxRedirects) {
          throw new VigieError('TOO_MANY_REDIRECTS', 'fetch', `${hop.url.hostname}: more than ${maxRedirects} redirects`,
            { details: { host: hop.url.hostname, maxRedirects } });
        }
        redirects.push(next.url.href);
        hop = next;
      } finally {
        release();
      }
    }
  } catch (err) {
    throw toFetchError(err, { host: hop.url.hostname, deadlineHit: deadline.fired, totalTimeoutMs,
      callerAborted: options.signal?.aborted === true });
  } finally {
    deadline.clear();
  }
}

/** This process's slot for `host`, then the deployment's (if shared); one function releases both. */
async function takeSlots(deps: FetchDeps, host: string, signal: AbortSignal): Promise<() => void> {
  const local = await deps.semaphore.acquire(host, signal);
  if (deps.sharedSlots === undefined) return local;
  let shared: () => void;
  try {
    shared = await deps.sharedSlots.acquire(host, signal);
  } catch (err) {
    local();
    throw err;
  }
  return () => { shared(); local(); };
}

/** takeSlots, given up after `waitMs` with FETCH_SLOT_WAIT (the caller's signal still ends it sooner). */
async function takeSlotsWithin(deps: FetchDeps, host: string, signal: AbortSignal, waitMs: number): Promise<() => void> {
  const waited = new AbortController();
  const timer = setTimeout(() => waited.abort(new VigieError('FETCH_SLOT_WAIT', 'fetch',
    `${host}: no request slot free within ${waitMs} ms`, { details: { host, waitMs } })), waitMs);
  try {
    return await takeSlots(deps, host, AbortSignal.any([signal, waited.signal]));
  } finally {
    clearTimeout(timer);
  }
}

function buildHeaders(given: Record<string, string> | undefined, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, 'accept-encoding': 'gzip, deflate, br' };
  for (const [name, value] of Object.entries(given ?? {})) {
    const lower = name.toLowerCase();
    if (!RESERVED_HEADERS.has(lower)) headers[lower] = value;
  }
  return headers;
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * The next hop for a followable redirect, re-parsed with the same rules as the first URL (relative
 * Location resolved against the current URL). RFC 9110 §15.4: 303 becomes GET; 301/302 after POST
 * become GET as every browser does; 307/308 keep method and body. A 3xx without Location is returned.
 */
function redirectTarget(status: number, headers: Record<string, string>, hop: Hop): Hop | undefined {
  const location = headers.location;
  if (!REDIRECT_STATUSES.has(status) || location === undefined) return undefined;
  const url = parseTargetUrl(location, hop.url);
  const toGet = (status === 303 && hop.method !== 'HEAD') || ((status === 301 || status === 302) && hop.method === 'POST');
  const next: Hop = { url, method: toGet ? 'GET' : hop.method, headers: { ...hop.headers }, body: toGet ? undefined : hop.body };
  if (toGet) delete next.headers['content-type'];
  if (url.origin !== hop.url.origin) for (const name of CREDENTIAL_HEADERS) delete next.headers[name];
  return next;
}

async function readBody(body: Readable, status: number, headers: Record<string, string>, method: string,
  maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  try {
    if (method === 'HEAD' || status === 204 || status === 304) {
      await discard(body, signal);
      return Buffer.alloc(0);
    }
    const codings = parseContentEncoding(headers['content-encoding']);
    // An honest identity Content-Length over the cap fails before reading a byte; a lying or absent
    // one is caught by the counter on decoded bytes.
    const declared = Number(headers['content-length']);
    if (codings.length === 0 && Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes, status);
    return await readDecodedBody(body, codings, maxBytes, signal);
  } catch (err) {
    // Callers that judge by status (a webhook answered 200 with an endless body) still need the status.
    if (err instanceof VigieError && err.code === 'FETCH_TOO_LARGE' && err.details.status === undefined) throw tooLarge(maxBytes, status);
    throw err;
  } finally {
    cancelBody(body);
  }
}

/** Consumes a small redirect body so the connection can be reused; a large one is cut (socket closed). */
async function discard(body: Readable & { dump?: (o: { limit: number; signal: AbortSignal }) => Promise<unknown> }, signal: AbortSignal): Promise<void> {
  try {
    if (body.dump) await body.dump({ limit: 64 * 1024, signal });
  } catch {
    // a failed or cut discard only costs the connection
  } finally {
    cancelBody(body);
  }
}

/** The total deadline: an AbortSignal that fires `ms` after start(), or when the caller's signal does. */
class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private readonly onCallerAbort: () => void;
  fired = false;

  constructor(private readonly ms: number, private readonly callerSignal: AbortSignal | undefined) {
    this.onCallerAbort = () => this.controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) this.onCallerAbort();
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  start(): void {
    if (this.timer !== undefined || this.controller.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort(new DOMException(`total deadline of ${this.ms} ms passed`, 'TimeoutError'));
    }, this.ms);
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }
}
