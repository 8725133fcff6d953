// Builders for the founding example (OSDH report on a drone strike near Boukamal, Deir ez-Zor),
// shared by the delivery tests. Values only; each test overrides what it is about.
import type { Alert, MatchExplanation } from '../../src/core/model/alert.js';
import type { Article } from '../../src/core/model/article.js';
import type { Subscription } from '../../src/core/model/subscription.js';

export function makeMatch(over: Partial<MatchExplanation> = {}): MatchExplanation {
  return {
    entityId: 'region:boukamal',
    kind: 'region',
    name: 'Boukamal',
    alias: 'boukamal',
    surface: 'Boukamal',
    field: 'text',
    start: 52,
    end: 60,
    snippet: 'Une frappe de drone a visé un véhicule près de «Boukamal», dans la province de Deir Ezzor.',
    path: ['Boukamal', 'Deir ez-Zor', 'Syria'],
    ...over,
  };
}

export function makeArticle(over: Partial<Article> = {}): Article {
  return {
    id: 'art_0123456789abcdef01234567',
    url: 'https://www.syriahr.com/fr/12345/?utm=x&id=1',
    sourceId: 'src_osdh_fr',
    title: 'Frappe de drone près de Boukamal',
    summary: 'Un drone a frappé un véhicule dans la campagne de Deir Ezzor.',
    text: 'Une frappe de drone a visé un véhicule près de Boukamal, dans la province de Deir Ezzor.',
    lang: 'fr',
    published: '2026-02-28T09:15:00Z',
    fetchedAt: '2026-02-28T09:20:00Z',
    ...over,
  };
}

export function makeAlert(over: Partial<Alert> = {}): Alert {
  return {
    id: 'alr_abc',
    subscriptionId: 'sub_1',
    storyId: 'sto_1',
    articleId: 'art_0123456789abcdef01234567',
    relatedArticleIds: [],
    matches: [makeMatch()],
    createdAt: '2026-02-28T09:21:00Z',
    ...over,
  };
}

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export function makeSubscription(over: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub_1',
    owner: 'owner_1',
    name: 'Deir ez-Zor',
    regions: ['region:deir-ez-zor'],
    actors: [],
    languages: [],
    sources: [],
    active: true,
    channels: [
      { id: 'ch_hook', type: 'webhook', url: 'https://hooks.example.test/vigie?token=SECRET-TOKEN-123', format: 'standard' },
      { id: 'ch_mail', type: 'email', address: 'analyst@example.test', mode: 'immediate' },
    ],
    createdAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}
