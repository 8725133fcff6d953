// What a delivery shows of an article (title, link, source, language, dates), without its text: stored
// beside the article so a delivery reads a few hundred bytes, not the whole text no renderer uses.
import type { Article } from './article.js';

/** An article without `text`, `events` (alerts carry their own) and `alsoFrom` (changes after storing). */
export type ArticleCard = Omit<Article, 'text' | 'events' | 'alsoFrom'>;

/** The card of an article: every field a renderer reads, fixed once the article is stored. */
export function toArticleCard(a: Article): ArticleCard {
  const { text: _text, events: _events, alsoFrom: _alsoFrom, ...card } = a;
  return card;
}
