// The story fingerprint of a stored article, as the article stage files it: one place that reads an
// article and its matched entities into storyFingerprint's input, shared by live routing and backtest.
import type { Article } from '../model/article.js';
import type { EntityGraph } from '../match/entity-graph.js';
import { storyEntityKind } from './story-entity-kind.js';
import { storyFingerprint, type StoryFingerprint } from './story-fingerprint.js';

export function articleFingerprint(article: Article, entityIds: readonly string[], graph: EntityGraph): StoryFingerprint {
  return storyFingerprint({
    url: article.url, title: article.title, lead: article.text.slice(0, 600) || article.summary,
    entityIds: [...entityIds], published: article.published, fetchedAt: article.fetchedAt, lang: article.lang,
    entityKinds: Object.fromEntries(entityIds.flatMap((id) => {
      const e = graph.get(id);
      return e ? [[id, storyEntityKind(e)]] : [];
    })),
  });
}
