// Recent stories in Redis: each story's fingerprints, indexed under candidate keys (entities, shingle
// bands, URL) in time-scored sorted sets, so finding the candidates for a new article reads a few small
// sets instead of scanning. Assignment runs under a short lock so two copies processed at once by two
// workers cannot both open a new story.
import { randomUUID } from 'node:crypto';
import type { RedisClient } from './connect-redis.js';
import type { StoryCandidate } from '../../core/stories/assign-story.js';
import type { StoryFingerprint } from '../../core/stories/story-fingerprint.js';
import type { Keys } from './keys.js';

export interface StoredStory { id: string; firstArticleId: string; articleIds: string[]; fingerprints: StoryFingerprint[] }

const MAX_FINGERPRINTS = 5;

export function createStoryStore(redis: RedisClient, keys: Keys, windowHours: number) {
  const windowMs = windowHours * 3600 * 1000;
  const lockKey = `${keys.prefix}:lock:story-assign`;
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
    async setStoryOfArticle(articleId: string, storyId: string): Promise<string> {
      const ok = await redis.set(keys.articleStory(articleId), storyId, 'EX', Math.ceil((windowMs * 2) / 1000), 'NX');
      return ok === 'OK' ? storyId : ((await redis.get(keys.articleStory(articleId))) ?? storyId);
    },
    async withLock<T>(fn: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
      const token = randomUUID();
      const deadline = Date.now() + timeoutMs;
      while ((await redis.set(lockKey, token, 'PX', 5000, 'NX')) !== 'OK') {
        if (Date.now() > deadline) break; // proceed unlocked rather than stall the pipeline; worst case a split story
        await new Promise((r) => setTimeout(r, 5));
      }
      try {
        return await fn();
      } finally {
        await redis.eval("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", 1, lockKey, token);
      }
    },
  };
}

export type StoryStore = ReturnType<typeof createStoryStore>;
