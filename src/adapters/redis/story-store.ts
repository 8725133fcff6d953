// Recent stories in Redis: each story's fingerprints, indexed under candidate keys (entities, shingle
// bands, URL) in time-scored sorted sets, so finding the candidates for a new article reads a few small
// sets instead of scanning. Assignment runs under a short lock so two copies processed at once by two
// workers cannot both open a new story.
import type { RedisClient } from './connect-redis.js';
import type { StoryCandidate } from '../../core/stories/assign-story.js';
import type { StoryFingerprint } from '../../core/stories/story-fingerprint.js';
import type { Keys } from './keys.js';
import { takeLease, type Lease } from './take-lease.js';

export interface StoredStory { id: string; firstArticleId: string; articleIds: string[]; fingerprints: StoryFingerprint[] }

const MAX_FINGERPRINTS = 5;
/** How long an assignment waits for the story lock before it goes ahead unlocked (logged). */
export const STORY_LOCK_WAIT_MS = 10_000;

/** Where the lock reports going ahead without it (a pino logger fits). */
export interface StoryLockLog { warn(fields: object, message: string): void }

export function createStoryStore(redis: RedisClient, keys: Keys, windowHours: number, log: StoryLockLog) {
  const windowMs = windowHours * 3600 * 1000;
  return {
    async get(id: string): Promise<StoredStory | undefined> {
      const raw = await redis.get(keys.story(id));
      return raw ? (JSON.parse(raw) as StoredStory) : undefined;
    },
    async candidates(indexKeys: string[], now: Date): Promise<StoryCandidate[]> {
      const from = now.getTime() - windowMs;
      const ids = new Set<string>();
      const pipe = redis.pipeline();
      for (const k of indexKeys) pipe.zrangebyscore(keys.storyIndex(k), from, '+inf');
      for (const [, res] of (await pipe.exec()) ?? []) for (const id of (res as string[]) ?? []) ids.add(id);
      if (ids.size === 0) return [];
      const stories = (await redis.mget([...ids].map((id) => keys.story(id))))
        .filter((r): r is string => r !== null).map((r) => JSON.parse(r) as StoredStory);
      return stories.flatMap((s) => s.fingerprints.map((fingerprint) => ({ storyId: s.id, fingerprint })));
    },
    async addArticle(storyId: string, articleId: string, fp: StoryFingerprint, indexKeys: string[], now: Date): Promise<void> {
      const story = (await this.get(storyId)) ?? { id: storyId, firstArticleId: articleId, articleIds: [], fingerprints: [] };
      if (!story.articleIds.includes(articleId)) story.articleIds.push(articleId);
      if (story.fingerprints.length < MAX_FINGERPRINTS) story.fingerprints.push(fp);
      const ttl = Math.ceil((windowMs * 2) / 1000);
      const m = redis.multi().set(keys.story(storyId), JSON.stringify(story), 'EX', ttl);
      for (const k of indexKeys) {
        m.zadd(keys.storyIndex(k), now.getTime(), storyId).zremrangebyscore(keys.storyIndex(k), 0, now.getTime() - windowMs).expire(keys.storyIndex(k), ttl);
      }
      await m.exec();
    },
    /** The story an article was assigned to earlier (re-runs reuse it), or undefined. */
    async storyOfArticle(articleId: string): Promise<string | undefined> {
      return (await redis.get(keys.articleStory(articleId))) ?? undefined;
    },
    /** The stories of many articles at once (article id -> story id), for those still remembered. */
    async storiesOfArticles(articleIds: string[]): Promise<Map<string, string>> {
      if (articleIds.length === 0) return new Map();
      const ids = await redis.mget(articleIds.map((id) => keys.articleStory(id)));
      return new Map(articleIds.flatMap((id, i) => (ids[i] ? [[id, ids[i]] as [string, string]] : [])));
    },
    async setStoryOfArticle(articleId: string, storyId: string): Promise<string> {
      const ok = await redis.set(keys.articleStory(articleId), storyId, 'EX', Math.ceil((windowMs * 2) / 1000), 'NX');
      return ok === 'OK' ? storyId : ((await redis.get(keys.articleStory(articleId))) ?? storyId);
    },
    /**
     * Runs `fn` under the story lock. A caller that cannot take it within `waitMs` runs unlocked rather
     * than stall the pipeline (worst case a split story), and says so. The lease lasts as long as the
     * wait: shorter, and a slow holder would lose it to a waiter that never reports anything.
     */
    async withLock<T>(fn: () => Promise<T>, opts: { waitMs?: number } = {}): Promise<T> {
      const waitMs = opts.waitMs ?? STORY_LOCK_WAIT_MS;
      const deadline = Date.now() + waitMs;
      let lease: Lease | undefined;
      while (!(lease = await takeLease(redis, keys.storyLock, waitMs))) {
        if (Date.now() > deadline) {
          log.warn({ event: 'story.lock.fallback', waitMs }, `story lock not free after ${waitMs} ms: assigning without it`);
          break;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      try {
        return await fn();
      } finally {
        if (lease && !(await lease.release())) {
          log.warn({ event: 'story.lock.expired', waitMs }, `story lock lease of ${waitMs} ms ended before the assignment did`);
        }
      }
    },
  };
}

export type StoryStore = ReturnType<typeof createStoryStore>;
