// Candidate actors seen in articles, aggregated by key (find-candidates.ts): how often, when, from
// which sources and languages, up to three evidence sentences, the known actors near them, and the
// admin's decision. Each note is one Lua script, so concurrent workers never lose a count; a rejected
// or accepted key is never counted or proposed again. The set of articles that named a candidate lives
// as long as an article does (retention): past that, the article cannot be processed again anyway.
import type { RedisClient } from './connect-redis.js';
import type { Keys } from './keys.js';

export type CandidateStatus = 'proposed' | 'accepted' | 'rejected';
export interface CandidateNote {
  key: string; name: string; kindHint: string; lang: string; evidence: string; nearActors: string[];
  articleId: string; sourceId: string; at: Date;
}
export interface CandidateEvidence { articleId: string; sourceId: string; lang: string; text: string }
export interface CandidateRecord {
  key: string; name: string; names: Array<{ name: string; lang: string; count: number }>; kindHint: string; status: CandidateStatus;
  count: number; firstSeen: string; lastSeen: string; sources: string[]; languages: Record<string, number>;
  evidence: CandidateEvidence[]; nearActors: Array<{ id: string; count: number }>; entityId?: string; decidedAt?: string;
}

const MAX_EVIDENCE = 3;
const PAGE = 50;

// KEYS: candidate hash, its article set, the index. ARGV: article, source, lang, iso time, ms time, name,
// kind hint, evidence JSON, max evidence, the candidate key, the article set's TTL in seconds, then the
// near actor ids. Returns 1 when counted.
const NOTE_LUA = `
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'rejected' or status == 'accepted' then return 0 end
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[2], ARGV[11])
local n = redis.call('HINCRBY', KEYS[1], 'count', 1)
redis.call('HSETNX', KEYS[1], 'status', 'proposed')
redis.call('HSETNX', KEYS[1], 'key', ARGV[10])
redis.call('HSETNX', KEYS[1], 'firstSeen', ARGV[4])
redis.call('HSETNX', KEYS[1], 'kindHint', ARGV[7])
redis.call('HSET', KEYS[1], 'lastSeen', ARGV[4])
redis.call('HINCRBY', KEYS[1], 'src:' .. ARGV[2], 1)
redis.call('HINCRBY', KEYS[1], 'lang:' .. ARGV[3], 1)
redis.call('HINCRBY', KEYS[1], 'name:' .. ARGV[3] .. ':' .. ARGV[6], 1)
if n <= tonumber(ARGV[9]) then redis.call('HSET', KEYS[1], 'ev:' .. n, ARGV[8]) end
for i = 12, #ARGV do redis.call('HINCRBY', KEYS[1], 'near:' .. ARGV[i], 1) end
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[10])
return 1
`;

interface ScriptedRedis { vigieNoteCandidate(...args: string[]): Promise<number> }

function byCount(hash: Record<string, string>, prefix: string): Array<[string, number]> {
  return Object.entries(hash).filter(([f]) => f.startsWith(prefix)).map(([f, v]) => [f.slice(prefix.length), Number(v)] as [string, number])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function toRecord(key: string, h: Record<string, string>): CandidateRecord | undefined {
  if (!h.status) return undefined;
  const names = byCount(h, 'name:').map(([ln, count]) => ({ lang: ln.slice(0, ln.indexOf(':')), name: ln.slice(ln.indexOf(':') + 1), count }));
  const evidence = Object.keys(h).filter((f) => f.startsWith('ev:')).sort().map((f) => JSON.parse(h[f]!) as CandidateEvidence);
  return {
    key, name: names[0]?.name ?? key, names, kindHint: h.kindHint ?? 'named', status: h.status as CandidateStatus,
    count: Number(h.count ?? 0), firstSeen: h.firstSeen ?? '', lastSeen: h.lastSeen ?? '',
    sources: byCount(h, 'src:').map(([s]) => s), languages: Object.fromEntries(byCount(h, 'lang:')),
    evidence, nearActors: byCount(h, 'near:').map(([id, count]) => ({ id, count })),
    ...(h.entityId ? { entityId: h.entityId } : {}), ...(h.decidedAt ? { decidedAt: h.decidedAt } : {}),
  };
}

/** A proposal named by one article only and not seen again for this long is dropped by trim. */
const STALE_SINGLE_MS = 90 * 24 * 3600 * 1000;

export function createCandidateStore(redis: RedisClient, keys: Keys, retentionSeconds: number) {
  // Sent once, then called by SHA (EVALSHA).
  redis.defineCommand('vigieNoteCandidate', { numberOfKeys: 3, lua: NOTE_LUA });
  const scripted = redis as unknown as ScriptedRedis;
  return {
    /** Counts one article's mention of a candidate; false when this article was counted before or the key is decided. */
    async note(n: CandidateNote): Promise<boolean> {
      const evidence = JSON.stringify({ articleId: n.articleId, sourceId: n.sourceId, lang: n.lang, text: n.evidence });
      const res = await scripted.vigieNoteCandidate(keys.candidate(n.key), keys.candidateArticles(n.key), keys.candidates,
        n.articleId, n.sourceId, n.lang, n.at.toISOString(), String(n.at.getTime()), n.name, n.kindHint, evidence, String(MAX_EVIDENCE), n.key,
        String(retentionSeconds), ...n.nearActors);
      return res === 1;
    },
    async get(key: string): Promise<CandidateRecord | undefined> {
      return toRecord(key, await redis.hgetall(keys.candidate(key)));
    },
    /** Candidates, last seen first; by default only those still waiting for a decision. */
    async list(opts: { status?: CandidateStatus | 'all'; limit?: number } = {}): Promise<CandidateRecord[]> {
      const ids = await redis.zrevrange(keys.candidates, 0, -1);
      const out: CandidateRecord[] = [];
      const limit = opts.limit ?? 100;
      // Read in pages of one round trip each (decided candidates stay in the index, so a page may hold few).
      for (let i = 0; i < ids.length && out.length < limit; i += PAGE) {
        const page = ids.slice(i, i + PAGE);
        const hashes = await Promise.all(page.map((key) => redis.hgetall(keys.candidate(key))));
        page.forEach((key, k) => {
          const rec = toRecord(key, hashes[k]!);
          if (rec && out.length < limit && (opts.status === 'all' || rec.status === (opts.status ?? 'proposed'))) out.push(rec);
        });
      }
      return out;
    },
    /** Records the admin's decision; an accepted candidate names the actor it became. */
    async decide(key: string, status: 'accepted' | 'rejected', at: Date, entityId?: string): Promise<void> {
      await redis.hset(keys.candidate(key), { key, status, decidedAt: at.toISOString(), ...(entityId ? { entityId } : {}) });
      await redis.zadd(keys.candidates, at.getTime(), key);
      // A decided key is never counted again: its article set has no use left.
      await redis.del(keys.candidateArticles(key));
    },
    /**
     * Drops proposals named by one article only and not seen since `now` minus 90 days (a one-off
     * phrase, most often a malformed name); decided ones stay, so a rejection holds for good.
     */
    async trim(now: Date): Promise<number> {
      const stale = await redis.zrangebyscore(keys.candidates, 0, now.getTime() - STALE_SINGLE_MS);
      let dropped = 0;
      for (const key of stale) {
        const [status, count] = await redis.hmget(keys.candidate(key), 'status', 'count');
        if (status !== 'proposed' || Number(count) > 1) continue;
        await redis.multi().del(keys.candidate(key), keys.candidateArticles(key)).zrem(keys.candidates, key).exec();
        dropped += 1;
      }
      return dropped;
    },
  };
}

export type CandidateStore = ReturnType<typeof createCandidateStore>;
