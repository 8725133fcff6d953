// Articles in Redis, one key per canonical URL with a retention period, plus a time index for
// backtests and the API. Also the per-article routing marks that make the article stage re-runnable.
import type { RedisClient } from './connect-redis.js';
import type { Article } from '../../core/model/article.js';
import type { ArticleEvent } from '../../core/events/event.js';
import type { Keys } from './keys.js';

export function createArticleStore(redis: RedisClient, keys: Keys, retentionSeconds: number) {
  return {
    async get(id: string): Promise<Article | undefined> {
      const raw = await redis.get(keys.article(id));
      return raw ? (JSON.parse(raw) as Article) : undefined;
    },
    async getMany(ids: string[]): Promise<Article[]> {
      if (ids.length === 0) return [];
      const raws = await redis.mget(ids.map((id) => keys.article(id)));
      return raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as Article);
    },
    /** Stores the article unless one with the same id exists; returns true when this call stored it. */
    async putIfAbsent(article: Article): Promise<boolean> {
      // One transaction: the article and its time-index entry exist together or not at all.
      const res = await redis.multi()
        .set(keys.article(article.id), JSON.stringify(article), 'EX', retentionSeconds, 'NX')
        .zadd(keys.articlesByTime, 'NX', String(Date.parse(article.fetchedAt)), article.id)
        .exec();
      return res?.[0]?.[1] === 'OK';
    },
    /** Records that another source brought the same article (listed, not re-processed). */
    async addAlsoFrom(id: string, sourceId: string): Promise<void> {
      const article = await this.get(id);
      if (!article || article.sourceId === sourceId || article.alsoFrom?.includes(sourceId)) return;
      article.alsoFrom = [...(article.alsoFrom ?? []), sourceId];
      await redis.set(keys.article(id), JSON.stringify(article), 'KEEPTTL');
    },
    /** Keeps the events read from the article (same TTL; XX: an article trimmed meanwhile stays gone). */
    async setEvents(article: Article, events: ArticleEvent[]): Promise<void> {
      await redis.set(keys.article(article.id), JSON.stringify({ ...article, events }), 'KEEPTTL', 'XX');
    },
    async listIdsBetween(from: Date, to: Date, limit = 1000): Promise<string[]> {
      return redis.zrangebyscore(keys.articlesByTime, from.getTime(), to.getTime(), 'LIMIT', 0, limit);
    },
    async trim(now: Date): Promise<number> {
      return redis.zremrangebyscore(keys.articlesByTime, 0, now.getTime() - retentionSeconds * 1000);
    },
    async isRouted(id: string): Promise<boolean> {
      return (await redis.exists(keys.articleRouted(id))) === 1;
    },
    async markRouted(id: string): Promise<void> {
      await redis.set(keys.articleRouted(id), '1', 'EX', retentionSeconds);
    },
    async count(): Promise<number> {
      return redis.zcard(keys.articlesByTime);
    },
  };
}

export type ArticleStore = ReturnType<typeof createArticleStore>;
