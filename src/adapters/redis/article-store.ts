// Articles in Redis, one key per canonical URL with a retention period, plus a time index for
// backtests and the API. Also the per-article routing marks that make the article stage re-runnable.
// Beside each article, its card (the article without its text) for deliveries: written with it, same TTL.
import type { RedisClient } from './connect-redis.js';
import type { Article } from '../../core/model/article.js';
import { toArticleCard, type ArticleCard } from '../../core/model/article-card.js';
import type { ArticleEvent } from '../../core/events/event.js';
import type { Keys } from './keys.js';

// Store an article, its card and its time-index entry together, only when the article is new: the card
// is always the stored article's (an article stored before cards existed gets none here; getCards reads
// the whole record for it). KEYS: article, card, time index; ARGV: article, card, ttl, time, id.
const PUT_LUA = `
if not redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3], 'NX') then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('ZADD', KEYS[3], 'NX', ARGV[4], ARGV[5])
return 1
`;

type ScriptedRedis = RedisClient & { vigiePutArticle(...args: string[]): Promise<number> };

export function createArticleStore(redis: RedisClient, keys: Keys, retentionSeconds: number) {
  redis.defineCommand('vigiePutArticle', { numberOfKeys: 3, lua: PUT_LUA });
  const scripted = redis as ScriptedRedis;
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
    /**
     * What deliveries render, by id, in the order found: each article's card, or for an article stored
     * before cards existed, the card of the whole record (read only for those).
     */
    async getCards(ids: string[]): Promise<ArticleCard[]> {
      if (ids.length === 0) return [];
      const raws = await redis.mget(ids.map((id) => keys.articleCard(id)));
      const missing = ids.filter((_, i) => raws[i] === null);
      const old = new Map((await this.getMany(missing)).map((a) => [a.id, toArticleCard(a)] as const));
      return ids.flatMap((id, i) => {
        const raw = raws[i];
        const card = raw ? (JSON.parse(raw) as ArticleCard) : old.get(id);
        return card ? [card] : [];
      });
    },
    /** Stores the article unless one with the same id exists; returns true when this call stored it. */
    async putIfAbsent(article: Article): Promise<boolean> {
      // One script: the article, its card and its time-index entry exist together or not at all.
      // The card is fixed once written: it leaves out what changes later (events, alsoFrom).
      const stored = await scripted.vigiePutArticle(keys.article(article.id), keys.articleCard(article.id), keys.articlesByTime,
        JSON.stringify(article), JSON.stringify(toArticleCard(article)), String(retentionSeconds), String(Date.parse(article.fetchedAt)), article.id);
      return Number(stored) === 1;
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
