// Reads REDIS_URL into what the Redis adapter connects to: one server (redis://, rediss://, passed to
// ioredis as is) or a Redis Cluster (redis-cluster:// with comma-separated seed nodes). Pure; no I/O.
//
// One variable for both, so every process (start, worker, api, CLI) is pointed at a cluster the same way.
// Several seeds, because a cluster client asks any reachable one for the slot map: one seed that is
// down at start-up would otherwise keep vigie from starting.

export interface RedisNode { host: string; port: number }

export type RedisTarget =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: RedisNode[]; username?: string; password?: string; tls: boolean };

const CLUSTER = /^(rediss?)-cluster:\/\/(?:([^@/]*)@)?([^/?#]+)\/?$/;
// host:port, host being a name, an IPv4 address or a bracketed IPv6 address.
const NODE = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/** Throws an Error whose message says what is wrong (env.ts turns it into CONFIG_INVALID). */
export function parseRedisUrl(url: string): RedisTarget {
  const cluster = CLUSTER.exec(url);
  if (!cluster) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('not a URL (expected redis://host:port, rediss://... or redis-cluster://host:port,host:port)');
    }
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
      throw new Error(`scheme ${parsed.protocol} is not redis:, rediss:, redis-cluster: or rediss-cluster:`);
    }
    return { kind: 'single', url };
  }
  const [, scheme, auth, hosts] = cluster;
  const nodes = hosts!.split(',').map((h) => {
    const m = NODE.exec(h.trim());
    const port = Number(m?.[2]);
    if (!m || port < 1 || port > 65535) throw new Error(`cluster node "${h}" is not host:port`);
    return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
  });
  const [user, ...pass] = (auth ?? '').split(':');
  const password = pass.length > 0 ? decodeURIComponent(pass.join(':')) : undefined;
  return {
    kind: 'cluster', nodes, tls: scheme === 'rediss',
    ...(user ? { username: decodeURIComponent(user) } : {}),
    ...(password ? { password } : {}),
  };
}
